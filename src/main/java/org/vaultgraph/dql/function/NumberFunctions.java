package org.vaultgraph.dql.function;

import static org.vaultgraph.dql.function.Args.fn;
import static org.vaultgraph.dql.function.Args.list;
import static org.vaultgraph.dql.function.Args.num;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vaultgraph.dql.eval.FunctionImpl;
import org.vaultgraph.dql.value.JsNumbers;
import org.vaultgraph.dql.value.Value;
import org.vaultgraph.dql.value.Values;

/** Numeric functions: round, trunc, floor, ceil, min, max, sum, product, average, minby, maxby. */
final class NumberFunctions {
    private NumberFunctions() {}

    static void register(Map<String, FunctionImpl> into) {
        into.put("round", new FunctionBuilder("round")
                .add1("number", (n, c) -> Value.of(JsNumbers.round(num(n))))
                .add1("null", (n, c) -> Value.NULL)
                .vectorize(1, 0)
                .add2("number", "number", (n, p, c) -> {
                    if (num(p) <= 0) return Value.of(JsNumbers.round(num(n)));
                    return Value.of(Double.parseDouble(JsNumbers.toFixed(num(n), (int) Math.min(100, num(p)))));
                })
                .add2("number", "null", (n, p, c) -> Value.of(JsNumbers.round(num(n))))
                .add2("null", "*", (n, p, c) -> Value.NULL)
                .vectorize(2, 0)
                .build());
        into.put("trunc", unary("trunc", d -> d < 0 ? Math.ceil(d) : Math.floor(d)));
        into.put("floor", unary("floor", Math::floor));
        into.put("ceil", unary("ceil", Math::ceil));
        into.put("min", extreme("min", true));
        into.put("max", extreme("max", false));
        into.put("sum", new FunctionBuilder("sum")
                .add1("array", (a, c) -> c.call("reduce", List.of(a, Value.of("+"))))
                .add1("*", (e, c) -> e)
                .build());
        into.put("product", new FunctionBuilder("product")
                .add1("array", (a, c) -> c.call("reduce", List.of(a, Value.of("*"))))
                .add1("*", (e, c) -> e)
                .build());
        into.put("average", new FunctionBuilder("average")
                .add1("array", (a, c) -> {
                    if (list(a).isEmpty()) return Value.NULL;
                    Value sum = c.call("sum", List.of(a));
                    if (sum instanceof Value.Null) return Value.NULL;
                    return c.binary("/", sum, Value.of(list(a).size()));
                })
                .add1("*", (e, c) -> e)
                .build());
        into.put("minby", by("minby", true));
        into.put("maxby", by("maxby", false));
    }

    private static FunctionImpl unary(String name, java.util.function.DoubleUnaryOperator f) {
        return new FunctionBuilder(name)
                .add1("number", (n, c) -> Value.of(f.applyAsDouble(num(n))))
                .add1("null", (n, c) -> Value.NULL)
                .vectorize(1, 0)
                .build();
    }

    /** min or max: nulls give way to values; a list is spread; with no values, null. */
    private static FunctionImpl extreme(String name, boolean min) {
        FunctionImpl[] self = new FunctionImpl[1];
        self[0] = new FunctionBuilder(name)
                .add2("*", "null", (a, n, c) -> a)
                .add2("null", "*", (n, a, c) -> a)
                .add2("*", "*", (a, b, c) -> {
                    int cmp = Values.compare(a, b, c.links()::normalize);
                    return (min ? cmp <= 0 : cmp > 0) ? a : b;
                })
                .add1("array", (a, c) -> self[0].call(c, list(a)))
                .vararg((c, args) -> {
                    if (args.isEmpty()) return Value.NULL;
                    Value acc = args.get(0);
                    for (int i = 1; i < args.size(); i++) acc = self[0].call(c, List.of(acc, args.get(i)));
                    return acc;
                })
                .build();
        return self[0];
    }

    /** minby/maxby: the item whose key is least (greatest); items with a null key are passed over. */
    private static FunctionImpl by(String name, boolean min) {
        return new FunctionBuilder(name)
                .add2("array", "function", (a, f, c) -> {
                    List<Value> items = list(a);
                    if (items.isEmpty()) return Value.NULL;
                    List<Value[]> keyed = new ArrayList<>();
                    for (Value v : items) {
                        Value key = fn(f).call(List.of(v));
                        if (!(key instanceof Value.Null)) keyed.add(new Value[] {v, key});
                    }
                    if (keyed.isEmpty()) return items.get(0);
                    Value[] best = keyed.get(0);
                    for (int i = 1; i < keyed.size(); i++) {
                        int cmp = Values.compare(best[1], keyed.get(i)[1], c.links()::normalize);
                        if (min ? cmp > 0 : cmp <= 0) best = keyed.get(i);
                    }
                    return best[0];
                })
                .add2("null", "function", (n, f, c) -> Value.NULL)
                .build();
    }
}
