package org.vaultgraph.dql.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaultgraph.dql.syntax.Dql;
import org.vaultgraph.dql.value.DvClock;
import org.vaultgraph.dql.value.DvDate;
import org.vaultgraph.dql.value.DvDuration;
import org.vaultgraph.dql.value.DvLink;
import org.vaultgraph.dql.value.JsNumbers;
import org.vaultgraph.dql.value.QuerySettings;
import org.vaultgraph.dql.value.Value;
import org.vaultgraph.dql.value.Values;

/**
 * Evaluates expressions as Dataview does, over one row's data: the globals ({@code this}), the
 * functions, link resolution, the settings and the clock come from the context.
 *
 * <pre>{@code
 * Context ctx = new Context(links, QuerySettings.DEFAULTS, clock, Map.of("this", thisPage), functions);
 * Value v = ctx.evaluate(DqlParser.parseExpression("file.name + \"!\"", clock), row);
 * }</pre>
 *
 * A failure throws {@link EvalException} with Dataview's message.
 */
public final class Context {
    private final LinkHandler links;
    private final QuerySettings settings;
    private final DvClock clock;
    private final Map<String, Value> globals;
    private final Map<String, FunctionImpl> functions;
    private final BinaryOps ops = new BinaryOps();

    public Context(LinkHandler links, QuerySettings settings, DvClock clock, Map<String, Value> globals, Map<String, FunctionImpl> functions) {
        this.links = links;
        this.settings = settings;
        this.clock = clock;
        this.globals = globals;
        this.functions = functions;
    }

    public LinkHandler links() {
        return links;
    }

    public QuerySettings settings() {
        return settings;
    }

    public DvClock clock() {
        return clock;
    }

    /** The names of the functions this context knows. */
    public java.util.Set<String> functionNames() {
        return functions.keySet();
    }

    /** Applies a binary operator: comparisons, arithmetic, '&' and '|'. */
    public Value binary(String op, Value a, Value b) {
        return ops.evaluate(op, a, b, this);
    }

    /** Calls a built-in function by name. */
    public Value call(String name, List<Value> args) {
        FunctionImpl f = functions.get(name);
        if (f == null) throw new EvalException("Unrecognized function name '" + name + "'" + suggestion(name));
        return f.call(this, args);
    }

    /** " (did you mean 'length'?)" for the known function closest to a misspelt name, when one is close. */
    private String suggestion(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : functions.keySet()) {
            int d = distance(name.toLowerCase(java.util.Locale.ROOT), known);
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        return best != null && bestDistance <= Math.max(2, name.length() / 3) ? " (did you mean '" + best + "'?)" : "";
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    public Value evaluate(Dql.Expr expr) {
        return evaluate(expr, Map.of());
    }

    public Value evaluate(Dql.Expr expr, Map<String, Value> data) {
        if (expr instanceof Dql.Literal l) return l.value();
        if (expr instanceof Dql.Variable v) {
            if (data.containsKey(v.name())) return Value.nullable(data.get(v.name()));
            Value g = globals.get(v.name());
            return g == null ? Value.NULL : g;
        }
        if (expr instanceof Dql.Negated n) return Value.of(!Values.isTruthy(evaluate(n.value(), data)));
        if (expr instanceof Dql.Binary b) {
            Value left = evaluate(b.left(), data);
            Value right = evaluate(b.right(), data);
            return binary(b.op(), left, right);
        }
        if (expr instanceof Dql.ListExpr l) {
            List<Value> out = new ArrayList<>();
            for (Dql.Expr item : l.items()) out.add(evaluate(item, data));
            return new Value.Array(out);
        }
        if (expr instanceof Dql.ObjectExpr o) {
            Map<String, Value> out = new LinkedHashMap<>();
            for (Map.Entry<String, Dql.Expr> e : o.entries().entrySet()) out.put(e.getKey(), evaluate(e.getValue(), data));
            return new Value.Obj(out);
        }
        if (expr instanceof Dql.Lambda lambda) return lambda(lambda, data);
        if (expr instanceof Dql.Call call) return call(call, data);
        if (expr instanceof Dql.Index index) return index(index, data);
        throw new IllegalStateException("unknown expression " + expr);
    }

    private Value lambda(Dql.Lambda lambda, Map<String, Value> data) {
        return new Value.Function("lambda", args -> {
            Map<String, Value> copy = new LinkedHashMap<>(data);
            for (int i = 0; i < Math.min(args.size(), lambda.arguments().size()); i++) copy.put(lambda.arguments().get(i), args.get(i));
            return evaluate(lambda.body(), copy);
        });
    }

    private Value call(Dql.Call call, Map<String, Value> data) {
        Value function = call.function() instanceof Dql.Variable v ? Value.of(v.name()) : evaluate(call.function(), data);
        List<Value> args = new ArrayList<>();
        for (Dql.Expr arg : call.arguments()) args.add(evaluate(arg, data));
        if (function instanceof Value.Function f) return f.call(args);
        if (function instanceof Value.Text name) return call(name.value(), args);
        throw new EvalException("Cannot call type '" + function.typeName() + "' as a function");
    }

    private Value index(Dql.Index index, Map<String, Value> data) {
        Value key = evaluate(index.key(), data);
        if (!(key instanceof Value.Text || key instanceof Value.Num || key instanceof Value.Null)) {
            throw new EvalException("Can only index with a string or number");
        }
        if (key instanceof Value.Null) return Value.NULL;
        Value object;
        if (index.object() instanceof Dql.Variable v && v.name().equals("row")) {
            Map<String, Value> row = new LinkedHashMap<>(globals);
            row.putAll(data);
            object = new Value.Obj(row);
        } else {
            object = evaluate(index.object(), data);
        }
        return indexInto(object, key);
    }

    /** {@code object[key]}: a field of an object or a linked page, an item or a mapped field of a list, a character, a date part. */
    public Value indexInto(Value object, Value key) {
        if (object instanceof Value.Obj o) {
            if (!(key instanceof Value.Text t)) throw new EvalException("can only index into objects with strings (a.b or a[\"b\"])");
            return o.get(t.value());
        }
        if (object instanceof DvLink link) {
            if (!(key instanceof Value.Text t)) throw new EvalException("can only index into links with strings (a.b or a[\"b\"])");
            Value.Obj page = links.resolve(link.path());
            return page == null ? Value.NULL : page.get(t.value());
        }
        if (object instanceof Value.Array a) {
            if (key instanceof Value.Num n) {
                double i = n.value();
                if (i >= a.items().size() || i < 0 || !JsNumbers.isInteger(i)) return Value.NULL;
                return a.items().get((int) i);
            }
            List<Value> out = new ArrayList<>();
            for (Value item : a.items()) {
                try {
                    out.add(indexInto(item, key));
                } catch (EvalException e) {
                    // Dataview leaves out the items it cannot index into.
                }
            }
            return new Value.Array(out);
        }
        if (object instanceof Value.Text s) {
            if (!(key instanceof Value.Num n)) throw new EvalException("string indexing requires a numeric index (string[index])");
            double i = n.value();
            if (i >= s.value().length() || i < 0 || !JsNumbers.isInteger(i)) return Value.NULL;
            return Value.of(String.valueOf(s.value().charAt((int) i)));
        }
        if (object instanceof DvDate d) {
            if (!(key instanceof Value.Text t)) throw new EvalException("date indexing requires a string representing the unit");
            return switch (t.value()) {
                case "year" -> Value.of(d.year());
                case "month" -> Value.of(d.month());
                case "weekyear" -> Value.of(d.weekNumber());
                case "week" -> Value.of(Math.floor(d.day() / 7.0) + 1);
                case "weekday" -> Value.of(d.weekday());
                case "day" -> Value.of(d.day());
                case "hour" -> Value.of(d.hour());
                case "minute" -> Value.of(d.minute());
                case "second" -> Value.of(d.second());
                case "millisecond" -> Value.of(d.millisecond());
                default -> Value.NULL;
            };
        }
        if (object instanceof DvDuration d) {
            if (!(key instanceof Value.Text t)) throw new EvalException("duration indexing requires a string representing the unit");
            DvDuration.Unit unit = switch (t.value()) {
                case "year", "years" -> DvDuration.Unit.YEARS;
                case "month", "months" -> DvDuration.Unit.MONTHS;
                case "weeks" -> DvDuration.Unit.WEEKS;
                case "day", "days" -> DvDuration.Unit.DAYS;
                case "hour", "hours" -> DvDuration.Unit.HOURS;
                case "minute", "minutes" -> DvDuration.Unit.MINUTES;
                case "second", "seconds" -> DvDuration.Unit.SECONDS;
                case "millisecond", "milliseconds" -> DvDuration.Unit.MILLISECONDS;
                default -> null;
            };
            return unit == null ? Value.NULL : Value.of(d.shiftTo(unit).get(unit));
        }
        return Value.NULL;
    }
}
