package org.vaultgraph.dql.value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value of Dataview's query language: null, a boolean, a number, text, a date, a duration, a link, a
 * list, an object, a function, or a widget (what {@code elink()} and a LIST row with a value make).
 *
 * <pre>{@code Value v = new Value.Array(List.of(new Value.Num(1), Value.NULL)); v.typeName() // "array"}</pre>
 */
public sealed interface Value permits Value.Null, Value.Bool, Value.Num, Value.Text, Value.Array, Value.Obj, Value.Function,
        Value.Widget, DvDate, DvDuration, DvLink {

    Null NULL = new Null();
    Bool TRUE = new Bool(true);
    Bool FALSE = new Bool(false);

    /** Dataview's name of the value's type, as {@code typeof()} returns it. */
    String typeName();

    static Bool of(boolean b) {
        return b ? TRUE : FALSE;
    }

    static Num of(double n) {
        return new Num(n);
    }

    static Text of(String s) {
        return new Text(s);
    }

    static Value nullable(Value v) {
        return v == null ? NULL : v;
    }

    record Null() implements Value {
        @Override
        public String typeName() {
            return "null";
        }
    }

    record Bool(boolean value) implements Value {
        @Override
        public String typeName() {
            return "boolean";
        }
    }

    /** A number, which is a double as in JavaScript. */
    record Num(double value) implements Value {
        @Override
        public String typeName() {
            return "number";
        }

        @Override
        public boolean equals(Object o) {
            // JavaScript's ===: 0 equals -0, NaN equals nothing.
            return o instanceof Num n && n.value == value;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(value == 0 ? 0 : value);
        }
    }

    record Text(String value) implements Value {
        @Override
        public String typeName() {
            return "string";
        }
    }

    record Array(List<Value> items) implements Value {
        public Array {
            items = Collections.unmodifiableList(new ArrayList<>(items));
        }

        @Override
        public String typeName() {
            return "array";
        }
    }

    /** An object, its keys in JavaScript's order: whole-number keys ascending first, then the others as written. */
    record Obj(Map<String, Value> entries) implements Value {
        public Obj {
            entries = Collections.unmodifiableMap(jsOrder(entries));
        }

        @Override
        public String typeName() {
            return "object";
        }

        public Value get(String key) {
            Value v = entries.get(key);
            return v == null ? NULL : v;
        }

        private static Map<String, Value> jsOrder(Map<String, Value> entries) {
            List<String> indexKeys = new ArrayList<>();
            for (String k : entries.keySet()) if (isArrayIndex(k)) indexKeys.add(k);
            if (indexKeys.isEmpty()) return new LinkedHashMap<>(entries);
            indexKeys.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
            Map<String, Value> out = new LinkedHashMap<>();
            for (String k : indexKeys) out.put(k, entries.get(k));
            entries.forEach((k, v) -> out.putIfAbsent(k, v));
            return out;
        }

        private static boolean isArrayIndex(String key) {
            if (key.isEmpty() || key.length() > 10 || (key.length() > 1 && key.charAt(0) == '0')) return false;
            for (int i = 0; i < key.length(); i++) if (key.charAt(i) < '0' || key.charAt(i) > '9') return false;
            return Long.parseLong(key) < 4294967295L;
        }
    }

    /** Something that can be called with values: a lambda of the query, or a built-in function named by text. */
    record Function(String description, Invocable body) implements Value {
        @Override
        public String typeName() {
            return "function";
        }

        public Value call(List<Value> args) {
            return body.invoke(args);
        }
    }

    /** The body of a {@link Function}. */
    interface Invocable {
        Value invoke(List<Value> args);
    }

    /** What Dataview draws as more than a value: a LIST row's id with its value, or an external link. */
    sealed interface Widget extends Value permits ListPair, ExternalLink {
        @Override
        default String typeName() {
            return "widget";
        }
    }

    record ListPair(Value key, Value value) implements Widget {}

    record ExternalLink(String url, String display) implements Widget {}
}
