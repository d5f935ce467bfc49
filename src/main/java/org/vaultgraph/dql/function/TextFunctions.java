package org.vaultgraph.dql.function;

import static org.vaultgraph.dql.function.Args.num;
import static org.vaultgraph.dql.function.Args.str;
import static org.vaultgraph.dql.function.Args.toInt;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.vaultgraph.dql.eval.EvalException;
import org.vaultgraph.dql.eval.FunctionImpl;
import org.vaultgraph.dql.value.Value;

/**
 * Text functions: regextest, regexmatch, regexreplace, replace, lower, upper, split, startswith,
 * endswith, padleft, padright, substring, truncate, containsword. Patterns are JavaScript's.
 */
final class TextFunctions {
    private TextFunctions() {}

    static void register(Map<String, FunctionImpl> into) {
        into.put("regextest", new FunctionBuilder("regextest")
                .add2("string", "string", (p, f, c) -> Value.of(JsRegex.compile(str(p), "").matcher(str(f)).find()))
                .add2("null", "*", (n, a, c) -> Value.FALSE)
                .add2("*", "null", (a, n, c) -> Value.FALSE)
                .vectorize(2, 0, 1)
                .build());
        into.put("regexmatch", new FunctionBuilder("regexmatch")
                .add2("string", "string", (p, f, c) -> {
                    String pattern = str(p);
                    if (!pattern.startsWith("^") && !pattern.endsWith("$")) pattern = "^" + pattern + "$";
                    return Value.of(JsRegex.compile(pattern, "").matcher(str(f)).find());
                })
                .add2("null", "*", (n, a, c) -> Value.FALSE)
                .add2("*", "null", (a, n, c) -> Value.FALSE)
                .vectorize(2, 0, 1)
                .build());
        into.put("regexreplace", new FunctionBuilder("regexreplace")
                .add3("string", "string", "string", (f, p, r, c) -> {
                    Pattern pattern;
                    try {
                        pattern = JsRegex.compile(str(p), "g");
                    } catch (EvalException e) {
                        throw new EvalException("Invalid regexp '" + str(p) + "' in regexreplace");
                    }
                    return Value.of(JsRegex.replace(str(f), pattern, str(r), true));
                })
                .nullWhenAnyOfThree()
                .vectorize(3, 0, 1, 2)
                .build());
        into.put("lower", new FunctionBuilder("lower")
                .add1("string", (s, c) -> Value.of(str(s).toLowerCase(Locale.ROOT)))
                .add1("null", (n, c) -> Value.NULL)
                .vectorize(1, 0)
                .build());
        into.put("upper", new FunctionBuilder("upper")
                .add1("string", (s, c) -> Value.of(str(s).toUpperCase(Locale.ROOT)))
                .add1("null", (n, c) -> Value.NULL)
                .vectorize(1, 0)
                .build());
        into.put("replace", new FunctionBuilder("replace")
                .add3("string", "string", "string", (s, p, r, c) -> Value.of(replaceAll(str(s), str(p), str(r))))
                .nullWhenAnyOfThree()
                .vectorize(3, 0, 1, 2)
                .build());
        into.put("split", new FunctionBuilder("split")
                .add2("string", "string", (s, d, c) -> split(str(s), str(d), 4294967295L))
                .add3("string", "string", "number", (s, d, l, c) -> split(str(s), str(d), toUint32(num(l))))
                .nullWhenEitherOfTwo()
                .nullWhenAnyOfThree()
                .build());
        into.put("startswith", new FunctionBuilder("startswith")
                .add2("string", "string", (s, p, c) -> Value.of(str(s).startsWith(str(p))))
                .nullWhenEitherOfTwo()
                .vectorize(2, 0, 1)
                .build());
        into.put("endswith", new FunctionBuilder("endswith")
                .add2("string", "string", (s, p, c) -> Value.of(str(s).endsWith(str(p))))
                .nullWhenEitherOfTwo()
                .vectorize(2, 0, 1)
                .build());
        into.put("padleft", pad("padleft", true));
        into.put("padright", pad("padright", false));
        into.put("substring", new FunctionBuilder("substring")
                .add2("string", "number", (s, a, c) -> Value.of(substring(str(s), num(a), str(s).length())))
                .add3("string", "number", "number", (s, a, b, c) -> Value.of(substring(str(s), num(a), num(b))))
                .nullWhenEitherOfTwo()
                .nullWhenAnyOfThree()
                .vectorize(2, 0, 1)
                .vectorize(3, 0, 1, 2)
                .build());
        into.put("truncate", truncateFunction());
        into.put("containsword", new FunctionBuilder("containsword")
                .add2("string", "string", (h, n, c) -> Value.of(JsRegex.compile(".*\\b" + escape(str(n)) + "\\b.*", "i").matcher(str(h)).find()))
                .nullWhenEitherOfTwo()
                .vectorize(2, 0, 1)
                .build());
    }

    /** JavaScript's {@code s.split(p).join(r)}: every occurrence replaced; an empty pattern goes between all characters. */
    private static String replaceAll(String s, String p, String r) {
        if (p.isEmpty()) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                if (i > 0) out.append(r);
                out.append(s.charAt(i));
            }
            return out.toString();
        }
        return s.replace(p, r);
    }

    private static Value split(String s, String delimiter, long limit) {
        return new Value.Array(JsRegex.split(s, JsRegex.compile(delimiter, ""), limit).stream().map(p -> (Value) Value.of(p)).toList());
    }

    private static long toUint32(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return 0;
        long l = (long) d;
        return ((l % 4294967296L) + 4294967296L) % 4294967296L;
    }

    private static FunctionImpl pad(String name, boolean left) {
        return new FunctionBuilder(name)
                .add2("string", "number", (s, l, c) -> Value.of(pad(str(s), num(l), " ", left)))
                .add3("string", "number", "string", (s, l, p, c) -> Value.of(pad(str(s), num(l), str(p), left)))
                .nullWhenEitherOfTwo()
                .nullWhenAnyOfThree()
                .vectorize(2, 0, 1)
                .vectorize(3, 0, 1, 2)
                .build();
    }

    /** JavaScript's {@code padStart}/{@code padEnd}. */
    private static String pad(String s, double length, String filler, boolean left) {
        int target = toInt(length);
        if (target <= s.length() || filler.isEmpty()) return s;
        int needed = target - s.length();
        StringBuilder fill = new StringBuilder();
        while (fill.length() < needed) fill.append(filler);
        fill.setLength(needed);
        return left ? fill + s : s + fill;
    }

    /** JavaScript's {@code substring}: positions clamped to the text, swapped when reversed. */
    private static String substring(String s, double start, double end) {
        int a = Math.max(0, Math.min(toInt(Double.isNaN(start) ? 0 : start), s.length()));
        int b = Math.max(0, Math.min(toInt(Double.isNaN(end) ? 0 : end), s.length()));
        return s.substring(Math.min(a, b), Math.max(a, b));
    }

    private static FunctionImpl truncateFunction() {
        FunctionImpl[] self = new FunctionImpl[1];
        self[0] = new FunctionBuilder("truncate")
                .add3("string", "number", "string", (s, l, suffix, c) -> {
                    String text = str(s);
                    double length = num(l);
                    if (text.length() > length - str(suffix).length()) {
                        return Value.of(substring(text, 0, Math.max(0, length - str(suffix).length())) + str(suffix));
                    }
                    return s;
                })
                .add2("string", "number", (s, l, c) -> self[0].call(c, java.util.List.of(s, l, Value.of("..."))))
                .nullWhenEitherOfTwo()
                .nullWhenAnyOfThree()
                .vectorize(2, 0, 1)
                .vectorize(3, 0, 1, 2)
                .build();
        return self[0];
    }

    /** Dataview's {@code escapeRegex}. */
    static String escape(String s) {
        return s.replaceAll("[.*+?^${}()|\\[\\]\\\\]", "\\\\$0");
    }
}
