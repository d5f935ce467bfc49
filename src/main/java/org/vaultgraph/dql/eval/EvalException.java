package org.vaultgraph.dql.eval;

import org.vaultgraph.dql.syntax.DqlException;

/** An expression that cannot be evaluated for a row: Dataview drops the row (or fails the query when every row fails). */
public class EvalException extends DqlException {
    public EvalException(String message) {
        super(message);
    }
}
