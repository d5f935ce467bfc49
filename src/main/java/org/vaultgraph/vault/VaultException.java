package org.vaultgraph.vault;

/** A vault that cannot be read at all (a missing folder, say); a broken note is a {@link Problem} instead. */
public class VaultException extends RuntimeException {
    public VaultException(String message) {
        super(message);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
