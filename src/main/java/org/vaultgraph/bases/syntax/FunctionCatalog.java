package org.vaultgraph.bases.syntax;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every function a base may call, by family, with how many arguments it takes: the functions of
 * Obsidian's Functions page (global, any, date, string, number, list, link, file, object and regular
 * expression), and the list summaries the Bases syntax page uses ({@code values.mean()}). A base that
 * calls anything else is refused when it is read; the evaluator implements exactly these.
 *
 * <pre>{@code FunctionCatalog.global("if") // Optional[Signature[family=GLOBAL, name=if, min=2, max=3]]}</pre>
 */
public final class FunctionCatalog {
    private FunctionCatalog() {}

    /** The type a function belongs to; {@code GLOBAL} functions are called without a value. */
    public enum Family { GLOBAL, ANY, DATE, STRING, NUMBER, LIST, LINK, FILE, OBJECT, REGEXP }

    /** One function: its family, its name, and its fewest and most arguments ({@link #MANY} for no limit). */
    public record Signature(Family family, String name, int min, int max) {
        public boolean accepts(int count) {
            return count >= min && count <= max;
        }
    }

    public static final int MANY = Integer.MAX_VALUE;

    private static final List<Signature> ALL = List.of(
            // Global
            sig(Family.GLOBAL, "escapeHTML", 1, 1), sig(Family.GLOBAL, "date", 1, 1), sig(Family.GLOBAL, "duration", 1, 1),
            sig(Family.GLOBAL, "file", 1, 1), sig(Family.GLOBAL, "html", 1, 1), sig(Family.GLOBAL, "if", 2, 3),
            sig(Family.GLOBAL, "image", 1, 1), sig(Family.GLOBAL, "icon", 1, 1), sig(Family.GLOBAL, "link", 1, 2),
            sig(Family.GLOBAL, "list", 1, 1), sig(Family.GLOBAL, "max", 1, MANY), sig(Family.GLOBAL, "min", 1, MANY),
            sig(Family.GLOBAL, "now", 0, 0), sig(Family.GLOBAL, "number", 1, 1), sig(Family.GLOBAL, "today", 0, 0),
            sig(Family.GLOBAL, "random", 0, 0),
            // Any type
            sig(Family.ANY, "isTruthy", 0, 0), sig(Family.ANY, "isType", 1, 1), sig(Family.ANY, "toString", 0, 0),
            // Date
            sig(Family.DATE, "date", 0, 0), sig(Family.DATE, "format", 1, 1), sig(Family.DATE, "time", 0, 0),
            sig(Family.DATE, "relative", 0, 0), sig(Family.DATE, "isEmpty", 0, 0),
            // String
            sig(Family.STRING, "contains", 1, 1), sig(Family.STRING, "containsAll", 1, MANY), sig(Family.STRING, "containsAny", 1, MANY),
            sig(Family.STRING, "endsWith", 1, 1), sig(Family.STRING, "isEmpty", 0, 0), sig(Family.STRING, "lower", 0, 0),
            sig(Family.STRING, "replace", 2, 2), sig(Family.STRING, "repeat", 1, 1), sig(Family.STRING, "reverse", 0, 0),
            sig(Family.STRING, "slice", 1, 2), sig(Family.STRING, "split", 1, 2), sig(Family.STRING, "startsWith", 1, 1),
            sig(Family.STRING, "title", 0, 0), sig(Family.STRING, "trim", 0, 0),
            // Number
            sig(Family.NUMBER, "abs", 0, 0), sig(Family.NUMBER, "ceil", 0, 0), sig(Family.NUMBER, "floor", 0, 0),
            sig(Family.NUMBER, "isEmpty", 0, 0), sig(Family.NUMBER, "round", 0, 1), sig(Family.NUMBER, "toFixed", 1, 1),
            // List
            sig(Family.LIST, "contains", 1, 1), sig(Family.LIST, "containsAll", 1, MANY), sig(Family.LIST, "containsAny", 1, MANY),
            sig(Family.LIST, "filter", 1, 1), sig(Family.LIST, "flat", 0, 0), sig(Family.LIST, "isEmpty", 0, 0),
            sig(Family.LIST, "join", 1, 1), sig(Family.LIST, "map", 1, 1), sig(Family.LIST, "reduce", 2, 2),
            sig(Family.LIST, "reverse", 0, 0), sig(Family.LIST, "slice", 1, 2), sig(Family.LIST, "sort", 0, 0),
            sig(Family.LIST, "unique", 0, 0),
            // List summaries, as the Bases syntax page's custom summary uses them.
            sig(Family.LIST, "mean", 0, 0), sig(Family.LIST, "median", 0, 0), sig(Family.LIST, "stddev", 0, 0),
            sig(Family.LIST, "sum", 0, 0), sig(Family.LIST, "min", 0, 0), sig(Family.LIST, "max", 0, 0),
            // Link
            sig(Family.LINK, "asFile", 0, 0), sig(Family.LINK, "linksTo", 1, 1),
            // File
            sig(Family.FILE, "asLink", 0, 1), sig(Family.FILE, "hasLink", 1, 1), sig(Family.FILE, "hasProperty", 1, 1),
            sig(Family.FILE, "hasTag", 1, MANY), sig(Family.FILE, "inFolder", 1, 1),
            // Object
            sig(Family.OBJECT, "isEmpty", 0, 0), sig(Family.OBJECT, "keys", 0, 0), sig(Family.OBJECT, "values", 0, 0),
            // Regular expression
            sig(Family.REGEXP, "matches", 1, 1));

    private static final Map<Family, Map<String, Signature>> BY_FAMILY = index();

    private static Signature sig(Family family, String name, int min, int max) {
        return new Signature(family, name, min, max);
    }

    private static Map<Family, Map<String, Signature>> index() {
        Map<Family, Map<String, Signature>> out = new LinkedHashMap<>();
        for (Signature s : ALL) out.computeIfAbsent(s.family(), f -> new LinkedHashMap<>()).put(s.name(), s);
        return Collections.unmodifiableMap(out);
    }

    public static List<Signature> all() {
        return ALL;
    }

    public static Optional<Signature> find(Family family, String name) {
        return Optional.ofNullable(BY_FAMILY.getOrDefault(family, Map.of()).get(name));
    }

    public static Optional<Signature> global(String name) {
        return find(Family.GLOBAL, name);
    }

    /** The functions of values (every family but GLOBAL) with this name. */
    public static List<Signature> methods(String name) {
        List<Signature> out = new ArrayList<>();
        for (Signature s : ALL) if (s.family() != Family.GLOBAL && s.name().equals(name)) out.add(s);
        return out;
    }
}
