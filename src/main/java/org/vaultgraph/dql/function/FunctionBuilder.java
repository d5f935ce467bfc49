package org.vaultgraph.dql.function;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vaultgraph.dql.eval.Context;
import org.vaultgraph.dql.eval.EvalException;
import org.vaultgraph.dql.eval.FunctionImpl;
import org.vaultgraph.dql.value.Value;

/**
 * Builds a function the way Dataview declares its built-ins: variants by argument types (a type name or
 * "*"), tried in the order given, and vectorised positions (a list given where a value is expected makes
 * the function apply to each item). Arguments that match no variant are an error naming their types.
 *
 * <pre>{@code
 * FunctionImpl lower = new FunctionBuilder("lower").add1("string", (s, c) -> Value.of(...)).add1("null", (n, c) -> Value.NULL)
 *         .vectorize(1, 0).build();
 * }</pre>
 */
final class FunctionBuilder {
    interface Impl1 {
        Value apply(Value a, Context c);
    }

    interface Impl2 {
        Value apply(Value a, Value b, Context c);
    }

    interface Impl3 {
        Value apply(Value a, Value b, Value d, Context c);
    }

    private record Variant(List<String> types, boolean varargs, FunctionImpl impl) {}

    private final String name;
    private final List<Variant> variants = new ArrayList<>();
    private final Map<Integer, int[]> vectorized = new HashMap<>();

    FunctionBuilder(String name) {
        this.name = name;
    }

    FunctionBuilder vararg(FunctionImpl impl) {
        variants.add(new Variant(List.of(), true, impl));
        return this;
    }

    FunctionBuilder add1(String type, Impl1 impl) {
        variants.add(new Variant(List.of(type), false, (c, args) -> impl.apply(args.get(0), c)));
        return this;
    }

    FunctionBuilder add2(String t1, String t2, Impl2 impl) {
        variants.add(new Variant(List.of(t1, t2), false, (c, args) -> impl.apply(args.get(0), args.get(1), c)));
        return this;
    }

    FunctionBuilder add3(String t1, String t2, String t3, Impl3 impl) {
        variants.add(new Variant(List.of(t1, t2, t3), false, (c, args) -> impl.apply(args.get(0), args.get(1), args.get(2), c)));
        return this;
    }

    /** Two arguments of which one is null give null, as most of Dataview's text and list functions do. */
    FunctionBuilder nullWhenEitherOfTwo() {
        return add2("null", "*", (a, b, c) -> Value.NULL).add2("*", "null", (a, b, c) -> Value.NULL);
    }

    /** Three arguments of which one is null give null. */
    FunctionBuilder nullWhenAnyOfThree() {
        return add3("null", "*", "*", (a, b, d, c) -> Value.NULL).add3("*", "null", "*", (a, b, d, c) -> Value.NULL)
                .add3("*", "*", "null", (a, b, d, c) -> Value.NULL);
    }

    /** With {@code argCount} arguments, lists at these positions are applied item by item. */
    FunctionBuilder vectorize(int argCount, int... positions) {
        vectorized.put(argCount, positions);
        return this;
    }

    FunctionImpl build() {
        return new FunctionImpl() {
            @Override
            public Value call(Context context, List<Value> args) {
                List<String> types = args.stream().map(Value::typeName).toList();
                int[] positions = vectorized.get(args.size());
                if (positions != null) {
                    List<Integer> lists = new ArrayList<>();
                    for (int p : positions) if (p < args.size() && args.get(p) instanceof Value.Array) lists.add(p);
                    if (!lists.isEmpty()) {
                        int shortest = Integer.MAX_VALUE;
                        for (int p : lists) shortest = Math.min(shortest, ((Value.Array) args.get(p)).items().size());
                        List<Value> out = new ArrayList<>();
                        for (int i = 0; i < shortest; i++) {
                            List<Value> sub = new ArrayList<>(args);
                            for (int p : lists) sub.set(p, ((Value.Array) args.get(p)).items().get(i));
                            out.add(call(context, sub));
                        }
                        return new Value.Array(out);
                    }
                }
                outer:
                for (Variant v : variants) {
                    if (v.varargs()) return v.impl().call(context, args);
                    if (v.types().size() != types.size()) continue;
                    for (int i = 0; i < types.size(); i++) {
                        String want = v.types().get(i);
                        if (!want.equals("*") && !want.equals(types.get(i))) continue outer;
                    }
                    return v.impl().call(context, args);
                }
                throw new EvalException("No implementation of '" + name + "' found for arguments: " + String.join(", ", types));
            }
        };
    }
}
