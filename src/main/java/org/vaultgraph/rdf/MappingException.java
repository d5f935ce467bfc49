package org.vaultgraph.rdf;

/** A mapping file that cannot be used; the message names the file and line. */
public class MappingException extends RuntimeException {
    public MappingException(String message) {
        super(message);
    }
}
