package org.vaultgraph.dql.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Dataview's rules for values: their total order, their truth, and their text.
 *
 * <pre>{@code
 * Values.compare(Value.of("a"), Value.of("B"), UnaryOperator.identity()) // -1: text in locale order
 * Values.isTruthy(new Value.Array(List.of()))                            // false
 * Values.toString(Value.of(0.1 + 0.2), QuerySettings.DEFAULTS)           // "0.30000000000000004"
 * }</pre>
 */
public final class Values {
    private Values() {}

    /**
     * A total order over every value: null first, then values of different types by their type's name
     * (array < boolean < date < duration < function < link < number < object < string < widget), then by
     * value; links by the path {@code normalize} gives them.
     */
    public static int compare(Value a, Value b, UnaryOperator<String> normalize) {
        if (a instanceof Value.Null && b instanceof Value.Null) return 0;
        if (a instanceof Value.Null) return -1;
        if (b instanceof Value.Null) return 1;
        int types = a.typeName().compareTo(b.typeName());
        if (types != 0) return Integer.signum(types);
        if (a == b) return 0;
        if (a instanceof Value.Text x && b instanceof Value.Text y) return x.value().equals(y.value()) ? 0 : Collation.compare(x.value(), y.value());
        if (a instanceof Value.Num x && b instanceof Value.Num y) {
            if (x.value() < y.value()) return -1;
            return x.value() == y.value() ? 0 : 1;
        }
        if (a instanceof Value.Bool x && b instanceof Value.Bool y) return x.value() == y.value() ? 0 : x.value() ? 1 : -1;
        if (a instanceof DvLink x && b instanceof DvLink y) {
            int paths = Collation.compare(normalize.apply(x.path()), normalize.apply(y.path()));
            if (paths != 0) return paths;
            int types2 = Collation.compare(x.type().jsName(), y.type().jsName());
            if (types2 != 0) return types2;
            boolean xs = x.subpath() != null && !x.subpath().isEmpty();
            boolean ys = y.subpath() != null && !y.subpath().isEmpty();
            if (xs && !ys) return 1;
            if (!xs && ys) return -1;
            if (!xs) return 0;
            return Collation.compare(x.subpath(), y.subpath());
        }
        if (a instanceof DvDate x && b instanceof DvDate y) {
            // Luxon: earlier is less; equal needs the same instant and zone; anything else counts as greater.
            return x.toMillis() < y.toMillis() ? -1 : x.equals(y) ? 0 : 1;
        }
        if (a instanceof DvDuration x && b instanceof DvDuration y) {
            return x.toMillis() < y.toMillis() ? -1 : x.sameUnits(y) ? 0 : 1;
        }
        if (a instanceof Value.Array x && b instanceof Value.Array y) {
            for (int i = 0; i < Math.min(x.items().size(), y.items().size()); i++) {
                int c = compare(x.items().get(i), y.items().get(i), UnaryOperator.identity());
                if (c != 0) return c;
            }
            return Integer.signum(x.items().size() - y.items().size());
        }
        if (a instanceof Value.Obj x && b instanceof Value.Obj y) {
            List<String> k1 = new ArrayList<>(x.entries().keySet());
            List<String> k2 = new ArrayList<>(y.entries().keySet());
            // JavaScript's default sort: by UTF-16 code units.
            k1.sort(null);
            k2.sort(null);
            int keys = compare(textArray(k1), textArray(k2), UnaryOperator.identity());
            if (keys != 0) return keys;
            for (String k : k1) {
                int c = compare(x.get(k), y.get(k), UnaryOperator.identity());
                if (c != 0) return c;
            }
            return 0;
        }
        return 0; // functions and widgets
    }

    private static Value textArray(List<String> keys) {
        return new Value.Array(keys.stream().map(k -> (Value) Value.of(k)).toList());
    }

    /** Whether a value counts as true: not null, not 0, not empty, not false. */
    public static boolean isTruthy(Value v) {
        if (v instanceof Value.Num n) return n.value() != 0 && !Double.isNaN(n.value());
        if (v instanceof Value.Text t) return !t.value().isEmpty();
        if (v instanceof Value.Bool b) return b.value();
        if (v instanceof DvLink l) return !l.path().isEmpty();
        if (v instanceof DvDate d) return d.toMillis() != 0;
        if (v instanceof DvDuration d) return d.as(DvDuration.Unit.SECONDS) != 0;
        if (v instanceof Value.Obj o) return !o.entries().isEmpty();
        if (v instanceof Value.Array a) return !a.items().isEmpty();
        return !(v instanceof Value.Null);
    }

    /** Dataview's text for a value ({@code Values.toString}): what {@code string()} and {@code +} with text give. */
    public static String toString(Value v, QuerySettings settings) {
        return toString(v, settings, false);
    }

    private static String toString(Value v, QuerySettings settings, boolean recursive) {
        if (v instanceof Value.Null) return settings.renderNullAs();
        if (v instanceof Value.Text t) return t.value();
        if (v instanceof Value.Num n) return JsNumbers.toString(n.value());
        if (v instanceof Value.Bool b) return Boolean.toString(b.value());
        if (v instanceof DvLink l) return l.markdown();
        if (v instanceof Value.Function) return "<function>";
        if (v instanceof Value.ListPair p) return toString(p.key(), settings) + ": " + toString(p.value(), settings);
        if (v instanceof Value.ExternalLink e) return "[" + (e.display() != null ? e.display() : e.url()) + "](" + e.url() + ")";
        if (v instanceof Value.Array a) {
            List<String> parts = new ArrayList<>();
            for (Value item : a.items()) parts.add(toString(item, settings, true));
            String joined = String.join(", ", parts);
            return recursive ? "[" + joined + "]" : joined;
        }
        if (v instanceof Value.Obj o) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Value> e : o.entries().entrySet()) parts.add(e.getKey() + ": " + toString(e.getValue(), settings, true));
            return "{ " + String.join(", ", parts) + " }";
        }
        if (v instanceof DvDate d) {
            boolean midnight = d.second() == 0 && d.hour() == 0 && d.minute() == 0;
            return DateFormatter.format(d, midnight ? settings.defaultDateFormat() : settings.defaultDateTimeFormat());
        }
        if (v instanceof DvDuration d) return d.toHuman();
        return "";
    }

    /** Dataview's equality for {@code =}: what {@link #compare} calls equal. */
    public static boolean equal(Value a, Value b, UnaryOperator<String> normalize) {
        return compare(a, b, normalize) == 0;
    }
}
