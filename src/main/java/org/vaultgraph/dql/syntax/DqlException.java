package org.vaultgraph.dql.syntax;

/** A Dataview query that cannot be run: it does not parse, or uses what the compiler cannot translate yet. */
public class DqlException extends RuntimeException {
    public DqlException(String message) {
        super(message);
    }
}
