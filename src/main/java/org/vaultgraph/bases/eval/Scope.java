package org.vaultgraph.bases.eval;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.vaultgraph.bases.value.BaseValue;

/**
 * What an expression is evaluated for: a file of the view (null in a summary formula), the values of
 * its formulas computed so far, and the variables of list functions ({@code value}, {@code index},
 * {@code acc}) or summaries ({@code values}).
 */
public final class Scope {
    private final FileFacts file;
    private final Map<String, BaseValue> formulas;
    private final Set<String> computing;
    private final Map<String, BaseValue> variables;

    private Scope(FileFacts file, Map<String, BaseValue> formulas, Set<String> computing, Map<String, BaseValue> variables) {
        this.file = file;
        this.formulas = formulas;
        this.computing = computing;
        this.variables = variables;
    }

    /** The scope of one file of a view. */
    public static Scope of(FileFacts file) {
        return new Scope(file, new HashMap<>(), new HashSet<>(), Map.of());
    }

    /** The scope of a summary formula: no file, {@code values} the column's values. */
    public static Scope summary(BaseValue values) {
        return new Scope(null, new HashMap<>(), new HashSet<>(), Map.of("values", values));
    }

    /** The same file with more variables bound (a list function's {@code value}, {@code index}, {@code acc}). */
    public Scope with(Map<String, BaseValue> more) {
        Map<String, BaseValue> all = new HashMap<>(variables);
        all.putAll(more);
        return new Scope(file, formulas, computing, all);
    }

    public FileFacts file() {
        return file;
    }

    public BaseValue variable(String name) {
        return variables.get(name);
    }

    /** A formula's value for this file, computed once; a formula met again while it is computed is a cycle. */
    BaseValue formula(String name, java.util.function.Supplier<BaseValue> compute) {
        BaseValue known = formulas.get(name);
        if (known != null) return known;
        if (!computing.add(name)) throw new EvalException("formula." + name + " uses itself");
        try {
            BaseValue value = compute.get();
            formulas.put(name, value);
            return value;
        } finally {
            computing.remove(name);
        }
    }
}
