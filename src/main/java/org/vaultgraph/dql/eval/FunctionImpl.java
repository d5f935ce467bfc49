package org.vaultgraph.dql.eval;

import java.util.List;
import org.vaultgraph.dql.value.Value;

/** A built-in function of the query language: it takes the context and its arguments, and throws {@link EvalException} on failure. */
@FunctionalInterface
public interface FunctionImpl {
    Value call(Context context, List<Value> args);
}
