package org.vaultgraph.bases.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vaultgraph.dql.value.Collation;
import org.vaultgraph.dql.value.JsNumbers;

/**
 * The rules values follow in a base: their type names, truth, text, equality ({@code ==}), the
 * comparisons of {@code < <= > >=} (JavaScript's: numbers and dates by value, text by its code units,
 * a number and a text as numbers) and the order views sort by.
 *
 * <pre>{@code BaseValues.truthy(new BaseValue.ListValue(List.of())) // false, as ListValue.isTruthy says}</pre>
 */
public final class BaseValues {
    private BaseValues() {}

    /** The type name {@code isType()} takes. */
    public static String typeName(BaseValue v) {
        if (v instanceof BaseValue.NullValue) return "null";
        if (v instanceof BaseValue.BoolValue) return "boolean";
        if (v instanceof BaseValue.NumberValue) return "number";
        if (v instanceof BaseValue.StringValue) return "string";
        if (v instanceof BaseValue.ListValue) return "list";
        if (v instanceof BaseValue.ObjectValue) return "object";
        if (v instanceof BaseValue.DateValue) return "date";
        if (v instanceof BaseValue.DurationValue) return "duration";
        if (v instanceof BaseValue.LinkValue) return "link";
        if (v instanceof BaseValue.FileValue) return "file";
        if (v instanceof BaseValue.RegexValue) return "regexp";
        if (v instanceof BaseValue.ImageValue) return "image";
        if (v instanceof BaseValue.IconValue) return "icon";
        if (v instanceof BaseValue.HtmlValue) return "html";
        return "error";
    }

    /** {@code isType(name)}: links, images, icons and HTML are strings too, as their Obsidian classes extend StringValue. */
    public static boolean isType(BaseValue v, String name) {
        String own = typeName(v);
        if (own.equals(name)) return true;
        return name.equals("string") && (v instanceof BaseValue.LinkValue || v instanceof BaseValue.ImageValue
                || v instanceof BaseValue.IconValue || v instanceof BaseValue.HtmlValue);
    }

    /** {@code isTruthy()}: null, false, 0, NaN, "" and empty lists and objects are false. */
    public static boolean truthy(BaseValue v) {
        if (v instanceof BaseValue.NullValue || v instanceof BaseValue.ErrorValue) return false;
        if (v instanceof BaseValue.BoolValue b) return b.value();
        if (v instanceof BaseValue.NumberValue n) return n.value() != 0 && !Double.isNaN(n.value());
        if (v instanceof BaseValue.StringValue s) return !s.value().isEmpty();
        if (v instanceof BaseValue.ListValue l) return !l.items().isEmpty();
        if (v instanceof BaseValue.ObjectValue o) return !o.entries().isEmpty();
        if (v instanceof BaseValue.DurationValue d) return d.duration().toMillis() != 0;
        if (v instanceof BaseValue.LinkValue l) return !l.target().isEmpty();
        if (v instanceof BaseValue.FileValue f) return !f.path().isEmpty();
        return true;
    }

    /** Whether a value is empty as summaries and {@code isEmpty()} count it: null, "", an empty list or object. */
    public static boolean empty(BaseValue v) {
        return v instanceof BaseValue.NullValue || (v instanceof BaseValue.StringValue s && s.value().isEmpty())
                || (v instanceof BaseValue.ListValue l && l.items().isEmpty())
                || (v instanceof BaseValue.ObjectValue o && o.entries().isEmpty());
    }

    /** {@code toString()}: the text a value is shown and joined with. */
    public static String text(BaseValue v) {
        if (v instanceof BaseValue.NullValue) return "";
        if (v instanceof BaseValue.BoolValue b) return Boolean.toString(b.value());
        if (v instanceof BaseValue.NumberValue n) return JsNumbers.toString(n.value());
        if (v instanceof BaseValue.StringValue s) return s.value();
        if (v instanceof BaseValue.ListValue l) return String.join(", ", l.items().stream().map(BaseValues::text).toList());
        if (v instanceof BaseValue.ObjectValue o) return json(o);
        if (v instanceof BaseValue.DateValue d) return Dates.text(d);
        if (v instanceof BaseValue.DurationValue d) return d.duration().toHuman();
        if (v instanceof BaseValue.LinkValue l) return linkText(l);
        if (v instanceof BaseValue.FileValue f) return f.path();
        if (v instanceof BaseValue.RegexValue r) return "/" + r.source() + "/" + r.flags();
        if (v instanceof BaseValue.ImageValue i) return i.source();
        if (v instanceof BaseValue.IconValue i) return i.name();
        if (v instanceof BaseValue.HtmlValue h) return h.html();
        return "Error: " + ((BaseValue.ErrorValue) v).message();
    }

    /** A link as it reads: its display text, else the note's name (a note without ".md"), else the text written. */
    public static String linkText(BaseValue.LinkValue l) {
        if (l.display() != null) return text(l.display());
        String target = l.target();
        if (l.resolved()) {
            String name = target.substring(target.lastIndexOf('/') + 1);
            if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".md")) name = name.substring(0, name.length() - 3);
            target = name;
        }
        return target + (l.subpath().isEmpty() ? "" : " > " + l.subpath().substring(1).replace("#", " > "));
    }

    private static String json(BaseValue.ObjectValue o) {
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, BaseValue> e : o.entries().entrySet()) {
            if (!first) out.append(", ");
            first = false;
            out.append('"').append(e.getKey()).append("\": ");
            BaseValue v = e.getValue();
            out.append(v instanceof BaseValue.StringValue s ? "\"" + s.value() + "\"" : v instanceof BaseValue.NullValue ? "null" : text(v));
        }
        return out.append('}').toString();
    }

    /**
     * {@code ==}: values of one type by value (dates by instant, lists and objects item by item); a
     * link and a file, or two links, when they name the same file (links to nothing by their text);
     * values of different types are never equal.
     */
    public static boolean equal(BaseValue a, BaseValue b) {
        if (a instanceof BaseValue.LinkValue x && b instanceof BaseValue.LinkValue y) {
            return x.resolved() == y.resolved() && (x.resolved() ? x.target().equals(y.target()) : x.target().equalsIgnoreCase(y.target()));
        }
        if (a instanceof BaseValue.LinkValue x && b instanceof BaseValue.FileValue f) return x.resolved() && x.target().equals(f.path());
        if (a instanceof BaseValue.FileValue f && b instanceof BaseValue.LinkValue x) return x.resolved() && x.target().equals(f.path());
        if (a instanceof BaseValue.DateValue x && b instanceof BaseValue.DateValue y) return x.date().toMillis() == y.date().toMillis();
        if (a instanceof BaseValue.DurationValue x && b instanceof BaseValue.DurationValue y) {
            return x.duration().toMillis() == y.duration().toMillis();
        }
        if (a instanceof BaseValue.ListValue x && b instanceof BaseValue.ListValue y) {
            if (x.items().size() != y.items().size()) return false;
            for (int i = 0; i < x.items().size(); i++) if (!equal(x.items().get(i), y.items().get(i))) return false;
            return true;
        }
        if (a instanceof BaseValue.ObjectValue x && b instanceof BaseValue.ObjectValue y) {
            if (!x.entries().keySet().equals(y.entries().keySet())) return false;
            for (String k : x.entries().keySet()) if (!equal(x.entries().get(k), y.entries().get(k))) return false;
            return true;
        }
        return a.equals(b);
    }

    /**
     * Equality as lists search for an item ({@code contains}): {@code ==}, and also a link or file and
     * the text of its path or name, so that {@code authors.contains("Ada")} finds {@code [[Ada]]}.
     */
    public static boolean looseEqual(BaseValue item, BaseValue wanted) {
        if (equal(item, wanted)) return true;
        if (wanted instanceof BaseValue.StringValue s && (item instanceof BaseValue.LinkValue || item instanceof BaseValue.FileValue)) {
            return namesFile(item, s.value());
        }
        if (item instanceof BaseValue.StringValue s && (wanted instanceof BaseValue.LinkValue || wanted instanceof BaseValue.FileValue)) {
            return namesFile(wanted, s.value());
        }
        return false;
    }

    private static boolean namesFile(BaseValue fileOrLink, String text) {
        String path = fileOrLink instanceof BaseValue.FileValue f ? f.path() : ((BaseValue.LinkValue) fileOrLink).target();
        String wanted = text.startsWith("[[") && text.endsWith("]]") ? text.substring(2, text.length() - 2) : text;
        int bar = wanted.indexOf('|');
        if (bar >= 0) wanted = wanted.substring(0, bar);
        String noExt = path.toLowerCase(java.util.Locale.ROOT).endsWith(".md") ? path.substring(0, path.length() - 3) : path;
        String name = noExt.substring(noExt.lastIndexOf('/') + 1);
        return wanted.equalsIgnoreCase(path) || wanted.equalsIgnoreCase(noExt) || wanted.equalsIgnoreCase(name);
    }

    /**
     * The comparison behind {@code < <= > >=}, as JavaScript compares: -1, 0 or 1, or null when the two
     * do not compare (then every comparison is false). A date and a text compare as dates.
     */
    public static Integer compare(BaseValue a, BaseValue b) {
        if (a instanceof BaseValue.NullValue || b instanceof BaseValue.NullValue) return null;
        if (a instanceof BaseValue.DateValue x) {
            BaseValue.DateValue y = b instanceof BaseValue.DateValue d ? d
                    : b instanceof BaseValue.StringValue s ? Dates.parse(s.value(), x.date().time().getZone()) : null;
            if (y != null) return Long.compare(x.date().toMillis(), y.date().toMillis());
            Double n = number(b);
            return n == null ? null : numbers(x.date().toMillis(), n);
        }
        if (b instanceof BaseValue.DateValue) {
            Integer reversed = compare(b, a);
            return reversed == null ? null : -reversed;
        }
        if (a instanceof BaseValue.StringValue x && b instanceof BaseValue.StringValue y) return Integer.signum(x.value().compareTo(y.value()));
        Double x = number(a);
        Double y = number(b);
        if (x == null || y == null) return null;
        return numbers(x, y);
    }

    private static Integer numbers(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) return null;
        return x < y ? -1 : x > y ? 1 : 0;
    }

    /** A value as a number, as JavaScript's {@code Number()} reads it; null when it is none. */
    public static Double number(BaseValue v) {
        if (v instanceof BaseValue.NumberValue n) return n.value();
        if (v instanceof BaseValue.BoolValue b) return b.value() ? 1.0 : 0.0;
        if (v instanceof BaseValue.DateValue d) return (double) d.date().toMillis();
        if (v instanceof BaseValue.DurationValue d) return d.duration().toMillis();
        if (v instanceof BaseValue.StringValue s) return parseNumber(s.value());
        return null;
    }

    /** JavaScript's {@code Number(text)} for decimal text: blank is 0, anything else not a number is null. */
    public static Double parseNumber(String text) {
        String t = text.strip();
        if (t.isEmpty()) return 0.0;
        if (t.equals("Infinity") || t.equals("+Infinity")) return Double.POSITIVE_INFINITY;
        if (t.equals("-Infinity")) return Double.NEGATIVE_INFINITY;
        if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) return null;
        return Double.parseDouble(t);
    }

    /**
     * The order views sort by, for two values that are not empty: numbers, dates and durations by
     * value, booleans false first, text and links by their text in the locale's order (as Obsidian's
     * sort menu, "A→Z"), other mixes by type.
     */
    public static int order(BaseValue a, BaseValue b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) return Integer.compare(ra, rb);
        if (a instanceof BaseValue.NumberValue x) return Double.compare(x.value(), ((BaseValue.NumberValue) b).value());
        if (a instanceof BaseValue.BoolValue x) return Boolean.compare(x.value(), ((BaseValue.BoolValue) b).value());
        if (a instanceof BaseValue.DateValue x) return Long.compare(x.date().toMillis(), ((BaseValue.DateValue) b).date().toMillis());
        if (a instanceof BaseValue.DurationValue x) return Double.compare(x.duration().toMillis(), ((BaseValue.DurationValue) b).duration().toMillis());
        if (a instanceof BaseValue.ListValue x) return orderLists(x.items(), ((BaseValue.ListValue) b).items());
        return Collation.compare(text(a), text(b));
    }

    private static int orderLists(List<BaseValue> x, List<BaseValue> y) {
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            int c = order(x.get(i), y.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(x.size(), y.size());
    }

    /** Where each type sorts among the others. */
    private static int rank(BaseValue v) {
        if (v instanceof BaseValue.BoolValue) return 0;
        if (v instanceof BaseValue.NumberValue) return 1;
        if (v instanceof BaseValue.DateValue) return 2;
        if (v instanceof BaseValue.DurationValue) return 3;
        if (v instanceof BaseValue.ListValue) return 5;
        if (v instanceof BaseValue.ObjectValue) return 6;
        if (v instanceof BaseValue.ErrorValue) return 7;
        return 4; // text, links, files and the rest, by their text
    }

    /** A list of the values' texts, for messages. */
    public static List<String> texts(List<BaseValue> values) {
        List<String> out = new ArrayList<>();
        for (BaseValue v : values) out.add(text(v));
        return out;
    }
}
