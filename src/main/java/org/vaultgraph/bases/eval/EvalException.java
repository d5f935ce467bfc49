package org.vaultgraph.bases.eval;

/** A formula or filter that fails on one file: the cell shows the message, a filter counts as false. */
public final class EvalException extends RuntimeException {
    public EvalException(String message) {
        super(message);
    }
}
