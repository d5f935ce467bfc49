package org.vaultgraph.dql.function;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.vaultgraph.dql.eval.EvalException;

/**
 * JavaScript's regular expressions on Java's engine: patterns translated where the two differ
 * ({@code \b}, {@code \s}, {@code $} at the very end, {@code [^]}), and {@code replace} and
 * {@code split} with JavaScript's rules ({@code $&}, {@code $1} in replacements; captured groups kept
 * by split).
 *
 * <pre>{@code JsRegex.replace("a-b-c", JsRegex.compile("-", ""), "+", true) // "a+b+c"}</pre>
 */
public final class JsRegex {
    private JsRegex() {}

    private static final String SPACE = "\\t\\n\\x0B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF";
    private static final String WORD = "[A-Za-z0-9_]";

    /** A JavaScript pattern with its flags ("g", "i", "m", "s"); an invalid one throws with JavaScript's kind of message. */
    public static Pattern compile(String pattern, String flags) {
        int javaFlags = 0;
        if (flags.contains("i")) javaFlags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        if (flags.contains("m")) javaFlags |= Pattern.MULTILINE;
        if (flags.contains("s")) javaFlags |= Pattern.DOTALL;
        try {
            return Pattern.compile(translate(pattern, flags.contains("m")), javaFlags);
        } catch (PatternSyntaxException e) {
            throw new EvalException("Invalid regular expression: /" + pattern + "/: " + e.getDescription());
        }
    }

    private static String translate(String p, boolean multiline) {
        StringBuilder out = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\' && i + 1 < p.length()) {
                char n = p.charAt(++i);
                switch (n) {
                    case 's' -> out.append(inClass ? SPACE : "[" + SPACE + "]");
                    case 'S' -> out.append(inClass ? "\\S" : "[^" + SPACE + "]");
                    case 'b' -> out.append(inClass ? "\\x08" : "(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))");
                    case 'B' -> out.append("(?:(?<=" + WORD + ")(?=" + WORD + ")|(?<!" + WORD + ")(?!" + WORD + "))");
                    case 'd' -> out.append("\\d");
                    case '/' -> out.append('/');
                    default -> out.append('\\').append(n);
                }
            } else if (inClass) {
                if (c == ']') inClass = false;
                if (c == '[') out.append('\\');
                out.append(c);
            } else if (c == '[') {
                if (p.startsWith("[^]", i)) {
                    out.append("[\\s\\S]");
                    i += 2;
                } else if (p.startsWith("[]", i)) {
                    out.append("(?!)");
                    i += 1;
                } else {
                    inClass = true;
                    out.append(c);
                    // A ']' right after '[' or '[^' closes the class in JavaScript, not in Java.
                    if (i + 1 < p.length() && p.charAt(i + 1) == '^') out.append(p.charAt(++i));
                }
            } else if (c == '$' && !multiline) {
                out.append("(?![\\s\\S])");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code String.prototype.replace}: the first match, or every match when {@code global}, with JavaScript's replacement patterns. */
    public static String replace(String input, Pattern pattern, String replacement, boolean global) {
        Matcher m = pattern.matcher(input);
        StringBuilder out = new StringBuilder();
        int last = 0;
        int from = 0;
        while (from <= input.length() && m.find(from)) {
            out.append(input, last, m.start());
            expand(replacement, m, input, out);
            last = m.end();
            if (!global) break;
            from = m.end() == m.start() ? m.end() + 1 : m.end();
        }
        out.append(input, Math.min(last, input.length()), input.length());
        return out.toString();
    }

    private static void expand(String replacement, Matcher m, String input, StringBuilder out) {
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c != '$' || i + 1 >= replacement.length()) {
                out.append(c);
                continue;
            }
            char n = replacement.charAt(i + 1);
            if (n == '$') {
                out.append('$');
                i++;
            } else if (n == '&') {
                out.append(m.group());
                i++;
            } else if (n == '`') {
                out.append(input, 0, m.start());
                i++;
            } else if (n == '\'') {
                out.append(input, m.end(), input.length());
                i++;
            } else if (Character.isDigit(n)) {
                int group = n - '0';
                int used = 1;
                if (i + 2 < replacement.length() && Character.isDigit(replacement.charAt(i + 2))) {
                    int two = group * 10 + (replacement.charAt(i + 2) - '0');
                    if (two >= 1 && two <= m.groupCount()) {
                        group = two;
                        used = 2;
                    }
                }
                if (group >= 1 && group <= m.groupCount()) {
                    String g = m.group(group);
                    if (g != null) out.append(g);
                    i += used;
                } else {
                    out.append(c);
                }
            } else if (n == '<') {
                int close = replacement.indexOf('>', i + 2);
                String g = null;
                boolean named = close > 0;
                if (named) {
                    try {
                        g = m.group(replacement.substring(i + 2, close));
                    } catch (IllegalArgumentException e) {
                        named = false;
                    }
                }
                if (named) {
                    if (g != null) out.append(g);
                    i = close;
                } else {
                    out.append(c);
                }
            } else {
                out.append(c);
            }
        }
    }

    /** {@code String.prototype.split(regex, limit)}: captured groups are kept, empty pieces too. */
    public static List<String> split(String input, Pattern pattern, long limit) {
        List<String> out = new ArrayList<>();
        if (limit == 0) return out;
        Matcher m = pattern.matcher(input).useAnchoringBounds(false).useTransparentBounds(true);
        if (input.isEmpty()) {
            if (!m.lookingAt()) out.add("");
            return out;
        }
        int p = 0;
        int q = 0;
        while (q < input.length()) {
            m.region(q, input.length());
            if (!m.lookingAt()) {
                q++;
                continue;
            }
            int e = m.end();
            if (e == p) {
                q++;
                continue;
            }
            out.add(input.substring(p, q));
            if (out.size() == limit) return out;
            for (int g = 1; g <= m.groupCount(); g++) {
                out.add(m.group(g) == null ? "" : m.group(g));
                if (out.size() == limit) return out;
            }
            p = e;
            q = p;
        }
        out.add(input.substring(p));
        return out;
    }
}
