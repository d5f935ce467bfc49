package org.vaultgraph.cli;

/** Options that do not fit together; reported in one line. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
