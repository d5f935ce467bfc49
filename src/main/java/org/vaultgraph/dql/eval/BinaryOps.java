package org.vaultgraph.dql.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaultgraph.dql.value.DvDate;
import org.vaultgraph.dql.value.DvDuration;
import org.vaultgraph.dql.value.Value;
import org.vaultgraph.dql.value.Values;

/**
 * Dataview's binary operators: one implementation per (left type, operator, right type), where a type
 * may be '*' for any; the most specific that exists is used, else the operation fails. So {@code 1 + null}
 * fails while {@code "a" + null} is {@code "a\-"}, as in Dataview.
 */
final class BinaryOps {
    private interface Op {
        Value apply(Value a, Value b, Context ctx);
    }

    private static final DvDuration.Unit[] DIFF_UNITS = {DvDuration.Unit.YEARS, DvDuration.Unit.MONTHS, DvDuration.Unit.DAYS,
        DvDuration.Unit.HOURS, DvDuration.Unit.MINUTES, DvDuration.Unit.SECONDS, DvDuration.Unit.MILLISECONDS};
    private static final int MAX_STRING = 1 << 29;

    private final Map<String, Op> ops = new HashMap<>();

    BinaryOps() {
        for (String cmp : List.of("<", "<=", ">", ">=", "=", "!=")) {
            register("*", cmp, "*", (a, b, c) -> Value.of(test(cmp, Values.compare(a, b, c.links()::normalize))));
        }
        register("*", "&", "*", (a, b, c) -> Value.of(Values.isTruthy(a) && Values.isTruthy(b)));
        register("*", "|", "*", (a, b, c) -> Value.of(Values.isTruthy(a) || Values.isTruthy(b)));
        register("number", "+", "number", (a, b, c) -> Value.of(num(a) + num(b)));
        register("number", "-", "number", (a, b, c) -> Value.of(num(a) - num(b)));
        register("number", "*", "number", (a, b, c) -> Value.of(num(a) * num(b)));
        register("number", "/", "number", (a, b, c) -> Value.of(num(a) / num(b)));
        register("number", "%", "number", (a, b, c) -> Value.of(num(a) % num(b)));
        register("string", "+", "*", (a, b, c) -> Value.of(text(a) + Values.toString(b, c.settings())));
        register("*", "+", "string", (a, b, c) -> Value.of(Values.toString(a, c.settings()) + text(b)));
        register("string", "*", "number", (a, b, c) -> repeat(text(a), num(b)));
        register("number", "*", "string", (a, b, c) -> repeat(text(b), num(a)));
        register("date", "-", "date", (a, b, c) -> ((DvDate) a).diff((DvDate) b, DIFF_UNITS).normalizeAll());
        register("date", "-", "duration", (a, b, c) -> ((DvDate) a).minus((DvDuration) b));
        register("date", "+", "duration", (a, b, c) -> ((DvDate) a).plus((DvDuration) b));
        register("duration", "+", "date", (a, b, c) -> ((DvDate) b).plus((DvDuration) a));
        register("duration", "+", "duration", (a, b, c) -> ((DvDuration) a).plus((DvDuration) b).normalizeAll());
        register("duration", "-", "duration", (a, b, c) -> ((DvDuration) a).minus((DvDuration) b).normalizeAll());
        register("duration", "/", "number", (a, b, c) -> ((DvDuration) a).mapUnits(x -> x / num(b)).normalizeAll());
        register("duration", "*", "number", (a, b, c) -> ((DvDuration) a).mapUnits(x -> x * num(b)).normalizeAll());
        register("number", "*", "duration", (a, b, c) -> ((DvDuration) b).mapUnits(x -> x * num(a)).normalizeAll());
        register("array", "+", "array", (a, b, c) -> {
            List<Value> out = new ArrayList<>(((Value.Array) a).items());
            out.addAll(((Value.Array) b).items());
            return new Value.Array(out);
        });
        register("object", "+", "object", (a, b, c) -> {
            Map<String, Value> out = new LinkedHashMap<>(((Value.Obj) a).entries());
            out.putAll(((Value.Obj) b).entries());
            return new Value.Obj(out);
        });
        for (String op : List.of("+", "-", "*", "/", "%")) register("null", op, "null", (a, b, c) -> Value.NULL);
        register("date", "+", "null", (a, b, c) -> Value.NULL);
        register("null", "+", "date", (a, b, c) -> Value.NULL);
        register("date", "-", "null", (a, b, c) -> Value.NULL);
        register("null", "-", "date", (a, b, c) -> Value.NULL);
    }

    private void register(String left, String op, String right, Op impl) {
        ops.put(left + "," + op + "," + right, impl);
    }

    Value evaluate(String op, Value a, Value b, Context ctx) {
        String lt = a.typeName();
        String rt = b.typeName();
        Op impl = ops.get(lt + "," + op + "," + rt);
        if (impl == null) impl = ops.get(lt + "," + op + ",*");
        if (impl == null) impl = ops.get("*," + op + "," + rt);
        if (impl == null) impl = ops.get("*," + op + ",*");
        if (impl == null) throw new EvalException("No implementation found for '" + lt + " " + op + " " + rt + "'");
        return impl.apply(a, b, ctx);
    }

    private static boolean test(String op, int c) {
        return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            case "=" -> c == 0;
            default -> c != 0;
        };
    }

    private static double num(Value v) {
        return ((Value.Num) v).value();
    }

    private static String text(Value v) {
        return ((Value.Text) v).value();
    }

    /** JavaScript's {@code repeat}: a negative count gives "", fractions are cut, too long a string is an error. */
    private static Value repeat(String s, double count) {
        if (count < 0) return Value.of("");
        if (Double.isInfinite(count)) throw new EvalException("Invalid count value: Infinity");
        long times = Double.isNaN(count) ? 0 : (long) count;
        if (s.length() * times > MAX_STRING) throw new EvalException("Invalid string length");
        return Value.of(s.repeat((int) times));
    }
}
