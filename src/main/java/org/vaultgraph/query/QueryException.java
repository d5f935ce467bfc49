package org.vaultgraph.query;

/** A query that cannot be run as asked; the message says what to change. */
public class QueryException extends RuntimeException {
    public QueryException(String message) {
        super(message);
    }
}
