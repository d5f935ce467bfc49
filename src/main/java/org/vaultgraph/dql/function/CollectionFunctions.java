package org.vaultgraph.dql.function;

import static org.vaultgraph.dql.function.Args.fn;
import static org.vaultgraph.dql.function.Args.list;
import static org.vaultgraph.dql.function.Args.num;
import static org.vaultgraph.dql.function.Args.str;
import static org.vaultgraph.dql.function.Args.toInt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.vaultgraph.dql.eval.Context;
import org.vaultgraph.dql.eval.EvalException;
import org.vaultgraph.dql.eval.FunctionImpl;
import org.vaultgraph.dql.value.Value;
import org.vaultgraph.dql.value.Values;

/**
 * Functions over lists, objects and text as containers: contains and its variants, extract, sort,
 * reverse, length, nonnull, firstvalue, all, any, none, join, filter, map, flat, slice, unique, reduce.
 */
final class CollectionFunctions {
    private CollectionFunctions() {}

    private static final Set<String> REDUCE_OPS = Set.of("+", "-", "*", "/", "&", "|");

    static void register(Map<String, FunctionImpl> into) {
        into.put("contains", contains("contains", false));
        into.put("icontains", contains("icontains", true));
        into.put("econtains", new FunctionBuilder("econtains")
                .add2("array", "*", (l, e, c) -> {
                    for (Value item : list(l)) if (Values.isTruthy(c.binary("=", e, item))) return Value.TRUE;
                    return Value.FALSE;
                })
                .add2("string", "string", (h, n, c) -> Value.of(str(h).contains(str(n))))
                .add2("object", "string", (o, k, c) -> Value.of(((Value.Obj) o).entries().containsKey(str(k))))
                .add2("*", "*", (a, b, c) -> c.binary("=", a, b))
                .vectorize(2, 1)
                .build());
        into.put("extract", CollectionFunctions::extract);
        into.put("sort", sortFunction());
        into.put("reverse", new FunctionBuilder("reverse")
                .add1("array", (l, c) -> {
                    List<Value> out = new ArrayList<>(list(l));
                    java.util.Collections.reverse(out);
                    return new Value.Array(out);
                })
                .add1("string", (s, c) -> Value.of(reverseUnits(str(s))))
                .add1("*", (e, c) -> e)
                .build());
        into.put("length", new FunctionBuilder("length")
                .add1("array", (a, c) -> Value.of(list(a).size()))
                .add1("object", (o, c) -> Value.of(((Value.Obj) o).entries().size()))
                .add1("string", (s, c) -> Value.of(str(s).length()))
                .add1("null", (n, c) -> Value.of(0))
                .build());
        into.put("nonnull", new FunctionBuilder("nonnull")
                .add1("array", (a, c) -> new Value.Array(list(a).stream().filter(v -> !(v instanceof Value.Null)).toList()))
                .vararg((c, args) -> new Value.Array(args.stream().filter(v -> !(v instanceof Value.Null)).toList()))
                .build());
        into.put("firstvalue", new FunctionBuilder("firstvalue")
                .add1("array", (a, c) -> list(a).stream().filter(v -> !(v instanceof Value.Null)).findFirst().orElse(Value.NULL))
                .add1("null", (n, c) -> Value.NULL)
                .build());
        into.put("all", quantifier("all", Quantifier.ALL));
        into.put("any", quantifier("any", Quantifier.ANY));
        into.put("none", quantifier("all", Quantifier.NONE));
        into.put("join", joinFunction());
        into.put("filter", new FunctionBuilder("filter")
                .add2("array", "function", (a, f, c) -> {
                    List<Value> out = new ArrayList<>();
                    for (Value v : list(a)) if (Values.isTruthy(fn(f).call(List.of(v)))) out.add(v);
                    return new Value.Array(out);
                })
                .add2("null", "*", (n, f, c) -> Value.NULL)
                .build());
        into.put("map", new FunctionBuilder("map")
                .add2("array", "function", (a, f, c) -> {
                    List<Value> out = new ArrayList<>();
                    for (Value v : list(a)) out.add(fn(f).call(List.of(v)));
                    return new Value.Array(out);
                })
                .add2("null", "*", (n, f, c) -> Value.NULL)
                .build());
        into.put("flat", new FunctionBuilder("flat")
                .add1("array", (a, c) -> new Value.Array(flat(list(a), 1)))
                .add2("array", "number", (a, n, c) -> new Value.Array(flat(list(a), num(n))))
                .add1("null", (n, c) -> Value.NULL)
                .build());
        into.put("slice", new FunctionBuilder("slice")
                .add1("array", (a, c) -> a)
                .add2("array", "number", (a, s, c) -> slice(list(a), num(s), list(a).size()))
                .add3("array", "number", "number", (a, s, e, c) -> slice(list(a), num(s), num(e)))
                .add1("null", (n, c) -> Value.NULL)
                .build());
        into.put("unique", new FunctionBuilder("unique")
                .add1("array", (a, c) -> unique(list(a)))
                .add1("null", (n, c) -> Value.NULL)
                .build());
        into.put("reduce", new FunctionBuilder("reduce")
                .add2("array", "string", (a, op, c) -> {
                    List<Value> items = list(a);
                    if (items.isEmpty()) return Value.NULL;
                    if (!REDUCE_OPS.contains(str(op))) throw new EvalException("reduce(array, op) supports '+', '-', '/', '*', '&', and '|'");
                    Value acc = items.get(0);
                    for (int i = 1; i < items.size(); i++) acc = c.binary(str(op), acc, items.get(i));
                    return acc;
                })
                .add2("array", "function", (a, f, c) -> {
                    List<Value> items = list(a);
                    if (items.isEmpty()) return Value.NULL;
                    Value acc = items.get(0);
                    for (int i = 1; i < items.size(); i++) {
                        if (items.get(i) instanceof Value.Null) continue; // so that sums over missing fields work
                        acc = fn(f).call(List.of(acc, items.get(i)));
                    }
                    return acc;
                })
                .add2("null", "*", (n, x, c) -> Value.NULL)
                .add2("*", "null", (x, n, c) -> Value.NULL)
                .vectorize(2, 1)
                .build());
    }

    /** contains: lists are searched recursively, text by substring, objects by key, anything else by equality. */
    private static FunctionImpl contains(String name, boolean ignoreCase) {
        FunctionImpl[] self = new FunctionImpl[1];
        self[0] = new FunctionBuilder(name)
                .add2("array", "*", (l, e, c) -> {
                    for (Value item : list(l)) if (Values.isTruthy(self[0].call(c, List.of(item, e)))) return Value.TRUE;
                    return Value.FALSE;
                })
                .add2("string", "string", (h, n, c) -> Value.of(ignoreCase
                        ? str(h).toLowerCase(java.util.Locale.ROOT).contains(str(n).toLowerCase(java.util.Locale.ROOT))
                        : str(h).contains(str(n))))
                .add2("object", "string", (o, k, c) -> Value.of(((Value.Obj) o).entries().containsKey(str(k))))
                .add2("*", "*", (a, b, c) -> c.binary("=", a, b))
                .vectorize(2, 1)
                .build();
        return self[0];
    }

    private static Value extract(Context c, List<Value> args) {
        if (args.isEmpty()) return Value.of("extract(object, key1, ...) requires at least 1 argument");
        Value object = args.get(0);
        if (object instanceof Value.Array a) {
            List<Value> out = new ArrayList<>();
            for (Value item : a.items()) {
                List<Value> sub = new ArrayList<>(args);
                sub.set(0, item);
                out.add(extract(c, sub));
            }
            return new Value.Array(out);
        }
        Map<String, Value> out = new LinkedHashMap<>();
        for (int i = 1; i < args.size(); i++) {
            if (!(args.get(i) instanceof Value.Text key)) throw new EvalException("extract(object, key1, ...) must be called with string keys");
            out.put(key.value(), c.indexInto(object, key));
        }
        return new Value.Obj(out);
    }

    private static FunctionImpl sortFunction() {
        FunctionImpl[] self = new FunctionImpl[1];
        self[0] = new FunctionBuilder("sort")
                .add1("array", (l, c) -> self[0].call(c, List.of(l, new Value.Function("identity", args -> args.get(0)))))
                .add2("array", "function", (l, f, c) -> new Value.Array(StableSort.sort(list(l), (a, b) -> {
                    Value ka = fn(f).call(List.of(a));
                    Value kb = fn(f).call(List.of(b));
                    if (Values.isTruthy(c.binary("<", ka, kb))) return -1;
                    if (Values.isTruthy(c.binary("=", ka, kb))) return 0;
                    return 1;
                })))
                .add1("*", (e, c) -> e)
                .build();
        return self[0];
    }

    private enum Quantifier { ALL, ANY, NONE }

    private static FunctionImpl quantifier(String name, Quantifier q) {
        return new FunctionBuilder(name)
                .add1("array", (a, c) -> Value.of(holds(q, list(a), v -> v)))
                .add2("array", "function", (a, f, c) -> Value.of(holds(q, list(a), v -> fn(f).call(List.of(v)))))
                .vararg((c, args) -> Value.of(holds(q, args, v -> v)))
                .build();
    }

    private static boolean holds(Quantifier q, List<Value> items, UnaryOperator<Value> test) {
        for (Value v : items) {
            boolean t = Values.isTruthy(test.apply(v));
            if (q == Quantifier.ALL && !t) return false;
            if (q != Quantifier.ALL && t) return q == Quantifier.ANY;
        }
        return q != Quantifier.ANY;
    }

    private static FunctionImpl joinFunction() {
        FunctionImpl[] self = new FunctionImpl[1];
        self[0] = new FunctionBuilder("join")
                .add2("array", "string", (a, sep, c) -> Value.of(String.join(str(sep),
                        list(a).stream().map(v -> Values.toString(v, c.settings())).toList())))
                .add2("array", "null", (a, n, c) -> self[0].call(c, List.of(a, Value.of(", "))))
                .add2("*", "string", (e, sep, c) -> Value.of(Values.toString(e, c.settings())))
                .add1("array", (a, c) -> self[0].call(c, List.of(a, Value.of(", "))))
                .add1("*", (e, c) -> Value.of(Values.toString(e, c.settings())))
                .vectorize(2, 1)
                .build();
        return self[0];
    }

    /** Reversed by UTF-16 units, as JavaScript's loop over a string's indexes does. */
    private static String reverseUnits(String s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < s.length(); i++) out[i] = s.charAt(s.length() - 1 - i);
        return new String(out);
    }

    /** JavaScript's {@code flat(depth)}. */
    private static List<Value> flat(List<Value> items, double depth) {
        List<Value> out = new ArrayList<>();
        for (Value v : items) {
            if (v instanceof Value.Array a && depth >= 1) out.addAll(flat(a.items(), depth - 1));
            else out.add(v);
        }
        return out;
    }

    /** JavaScript's {@code slice(start, end)}: negative positions count from the end. */
    private static Value slice(List<Value> items, double start, double end) {
        int n = items.size();
        int s = clampIndex(start, n);
        int e = clampIndex(end, n);
        return new Value.Array(s >= e ? List.of() : items.subList(s, e));
    }

    private static int clampIndex(double d, int n) {
        if (Double.isInfinite(d)) return d > 0 ? n : 0;
        int i = toInt(d);
        if (i < 0) return Math.max(0, n + i);
        return Math.min(i, n);
    }

    /** Dataview's {@code unique}: sorted, then one of each run of equal values. */
    private static Value unique(List<Value> items) {
        if (items.isEmpty()) return new Value.Array(items);
        List<Value> sorted = StableSort.sort(items, (a, b) -> Values.compare(a, b, UnaryOperator.identity()));
        List<Value> out = new ArrayList<>();
        out.add(sorted.get(0));
        for (int i = 1; i < sorted.size(); i++) {
            if (Values.compare(sorted.get(i - 1), sorted.get(i), UnaryOperator.identity()) != 0) out.add(sorted.get(i));
        }
        return new Value.Array(out);
    }
}
