package org.vaultgraph.dql.function;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vaultgraph.dql.eval.FunctionImpl;

/**
 * Every built-in function of Dataview's query language, by name, grouped by family as Dataview's
 * functions reference lists them.
 *
 * <pre>{@code Context ctx = new Context(links, settings, clock, globals, Functions.all());}</pre>
 */
public final class Functions {
    private Functions() {}

    private static final Map<String, FunctionImpl> ALL = build();

    public static Map<String, FunctionImpl> all() {
        return ALL;
    }

    private static Map<String, FunctionImpl> build() {
        Map<String, FunctionImpl> all = new LinkedHashMap<>();
        ConstructorFunctions.register(all);
        NumberFunctions.register(all);
        CollectionFunctions.register(all);
        TextFunctions.register(all);
        UtilityFunctions.register(all);
        return Collections.unmodifiableMap(all);
    }
}
