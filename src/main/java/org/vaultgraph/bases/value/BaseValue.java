package org.vaultgraph.bases.value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.vaultgraph.dql.value.DvDate;
import org.vaultgraph.dql.value.DvDuration;

/**
 * A value of a base, one kind per Obsidian Bases value type: null, boolean, number (a double, as in
 * JavaScript), string, list, object, date, duration, link, file, regular expression, image, icon, HTML,
 * and the error a formula shows in its cell. Dates and durations are Luxon-like
 * ({@link DvDate}, {@link DvDuration}), so months are added as calendar months.
 *
 * <pre>{@code BaseValue v = new BaseValue.ListValue(List.of(BaseValue.of(1), BaseValue.of("a")));}</pre>
 */
public sealed interface BaseValue {

    NullValue NULL = new NullValue();
    BoolValue TRUE = new BoolValue(true);
    BoolValue FALSE = new BoolValue(false);

    static BoolValue of(boolean b) {
        return b ? TRUE : FALSE;
    }

    static NumberValue of(double n) {
        return new NumberValue(n);
    }

    static StringValue of(String s) {
        return new StringValue(s);
    }

    record NullValue() implements BaseValue {}

    record BoolValue(boolean value) implements BaseValue {}

    record NumberValue(double value) implements BaseValue {
        @Override
        public boolean equals(Object o) {
            return o instanceof NumberValue n && n.value == value;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(value == 0 ? 0 : value);
        }
    }

    record StringValue(String value) implements BaseValue {}

    record ListValue(List<BaseValue> items) implements BaseValue {
        public ListValue {
            items = List.copyOf(items);
        }
    }

    /** An object; its keys in the order written. */
    record ObjectValue(Map<String, BaseValue> entries) implements BaseValue {
        public ObjectValue {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        /** The value of a key, as written or else in any case; null when there is none. */
        public BaseValue get(String key) {
            BaseValue exact = entries.get(key);
            if (exact != null) return exact;
            for (Map.Entry<String, BaseValue> e : entries.entrySet()) if (e.getKey().equalsIgnoreCase(key)) return e.getValue();
            return NULL;
        }
    }

    /** A date, or a date and time ({@code hasTime}); compared and shown by its instant in its zone. */
    record DateValue(DvDate date, boolean hasTime) implements BaseValue {}

    record DurationValue(DvDuration duration) implements BaseValue {}

    /**
     * A link to a file of the vault or to an address.
     *
     * @param target   the vault path it resolves to, or the text written when it resolves to nothing
     * @param resolved whether {@code target} is a file of the vault
     * @param subpath  a heading or block ("#Heading"), or ""
     * @param display  the text shown instead of the target; null when none
     */
    record LinkValue(String target, boolean resolved, String subpath, BaseValue display) implements BaseValue {
        public boolean external() {
            return !resolved && (target.startsWith("http://") || target.startsWith("https://"));
        }
    }

    /** A file of the vault, by its path. */
    record FileValue(String path) implements BaseValue {}

    /** A regular expression, JavaScript's, with its flags; {@code pattern} is its translation for Java. */
    record RegexValue(String source, String flags, Pattern pattern) implements BaseValue {
        @Override
        public boolean equals(Object o) {
            return o instanceof RegexValue r && r.source.equals(source) && r.flags.equals(flags);
        }

        @Override
        public int hashCode() {
            return source.hashCode() * 31 + flags.hashCode();
        }
    }

    /** An image to draw: a vault path, a link's text or an address. */
    record ImageValue(String source) implements BaseValue {}

    /** A Lucide icon, by name. */
    record IconValue(String name) implements BaseValue {}

    /** HTML to draw as it is (cleaned of scripts when shown). */
    record HtmlValue(String html) implements BaseValue {}

    /** What a formula gives when it fails: shown in its cell; a filter that fails is false. */
    record ErrorValue(String message) implements BaseValue {}
}
