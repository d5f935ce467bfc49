package org.vaultgraph.bases.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vaultgraph.bases.value.BaseValue;
import org.vaultgraph.dql.function.JsRegex;

/**
 * The functions of text (Functions page, "String type"), with JavaScript's rules: {@code slice} counts
 * negative indexes from the end, {@code replace} with a text replaces every occurrence and with a
 * regular expression the first one (every one with the g flag), {@code split} keeps empty pieces.
 */
final class StringFunctions {
    private StringFunctions() {}

    static void register(Map<String, Method> into) {
        into.put("contains", call -> BaseValue.of(s(call).contains(call.text(0))));
        into.put("containsAll", call -> {
            for (int i = 0; i < call.count(); i++) if (!s(call).contains(call.text(i))) return BaseValue.FALSE;
            return BaseValue.TRUE;
        });
        into.put("containsAny", call -> {
            for (int i = 0; i < call.count(); i++) if (s(call).contains(call.text(i))) return BaseValue.TRUE;
            return BaseValue.FALSE;
        });
        into.put("endsWith", call -> BaseValue.of(s(call).endsWith(call.text(0))));
        into.put("startsWith", call -> BaseValue.of(s(call).startsWith(call.text(0))));
        into.put("isEmpty", call -> BaseValue.of(s(call).isEmpty()));
        into.put("lower", call -> BaseValue.of(s(call).toLowerCase(java.util.Locale.ROOT)));
        into.put("trim", call -> BaseValue.of(s(call).strip()));
        into.put("title", call -> BaseValue.of(title(s(call))));
        into.put("reverse", call -> BaseValue.of(new StringBuilder(s(call)).reverse().toString()));
        into.put("repeat", call -> {
            double count = call.number(0);
            if (count < 0 || count != Math.rint(count) || count * s(call).length() > 10_000_000) throw call.fail("invalid count " + count);
            return BaseValue.of(s(call).repeat((int) count));
        });
        into.put("slice", call -> {
            String s = s(call);
            int start = index(call.number(0), s.length());
            int end = call.count() > 1 ? index(call.number(1), s.length()) : s.length();
            return BaseValue.of(start < end ? s.substring(start, end) : "");
        });
        into.put("replace", call -> {
            BaseValue pattern = call.arg(0);
            String replacement = call.text(1);
            if (pattern instanceof BaseValue.RegexValue r) {
                return BaseValue.of(JsRegex.replace(s(call), r.pattern(), replacement, r.flags().contains("g")));
            }
            return BaseValue.of(s(call).replace(call.text(0), replacement));
        });
        into.put("split", call -> {
            long limit = call.count() > 1 ? (long) call.number(1) : Long.MAX_VALUE;
            List<String> parts;
            BaseValue separator = call.arg(0);
            if (separator instanceof BaseValue.RegexValue r) parts = JsRegex.split(s(call), r.pattern(), limit);
            else parts = split(s(call), call.text(0), limit);
            List<BaseValue> out = new ArrayList<>();
            for (String p : parts) out.add(BaseValue.of(p));
            return new BaseValue.ListValue(out);
        });
    }

    private static String s(Call call) {
        return ((BaseValue.StringValue) call.target).value();
    }

    /** JavaScript's slice index: negative counts from the end, clamped to the text. */
    static int index(double i, int length) {
        if (Double.isNaN(i)) return 0;
        double at = i < 0 ? Math.max(0, length + Math.ceil(i)) : Math.min(length, Math.floor(i));
        return (int) at;
    }

    /** {@code "a,b".split(",")}: pieces between the separators, empty ones kept; "" splits into characters. */
    private static List<String> split(String s, String separator, long limit) {
        List<String> out = new ArrayList<>();
        if (limit == 0) return out;
        if (separator.isEmpty()) {
            for (int i = 0; i < s.length() && out.size() < limit; i++) out.add(String.valueOf(s.charAt(i)));
            return out;
        }
        int from = 0;
        while (out.size() < limit) {
            int at = s.indexOf(separator, from);
            if (at < 0) {
                out.add(s.substring(from));
                break;
            }
            out.add(s.substring(from, at));
            from = at + separator.length();
        }
        return out;
    }

    /** Title case: the first letter of every word in upper case, the rest as written. */
    private static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean start = true;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            out.appendCodePoint(start ? Character.toUpperCase(c) : c);
            start = Character.isWhitespace(c);
            i += Character.charCount(c);
        }
        return out.toString();
    }
}
