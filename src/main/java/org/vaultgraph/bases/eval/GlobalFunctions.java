package org.vaultgraph.bases.eval;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.vaultgraph.bases.value.BaseValue;
import org.vaultgraph.bases.value.BaseValues;
import org.vaultgraph.bases.value.Dates;
import org.vaultgraph.bases.value.Durations;
import org.vaultgraph.dql.value.DvDuration;

/**
 * The global functions of the Functions page: escapeHTML, date, duration, file, html, if, image, icon,
 * link, list, max, min, now, number, today, random.
 */
final class GlobalFunctions {
    private GlobalFunctions() {}

    static void register(Map<String, Method> into) {
        into.put("escapeHTML", call -> BaseValue.of(escape(call.text(0))));
        into.put("date", call -> {
            BaseValue v = call.arg(0);
            if (v instanceof BaseValue.DateValue d) return d;
            BaseValue.DateValue parsed = v instanceof BaseValue.StringValue s ? Dates.parse(s.value(), call.evaluator.zone()) : null;
            if (parsed == null) throw call.fail("'" + BaseValues.text(v) + "' is not a date (write YYYY-MM-DD or YYYY-MM-DD HH:mm:ss)");
            return parsed;
        });
        into.put("duration", call -> {
            BaseValue v = call.arg(0);
            if (v instanceof BaseValue.DurationValue d) return d;
            DvDuration d = v instanceof BaseValue.StringValue s ? Durations.parse(s.value()) : null;
            if (d == null) throw call.fail("'" + BaseValues.text(v) + "' is not a duration (write \"1d\", \"2 hours\", \"1M\"...)");
            return new BaseValue.DurationValue(d);
        });
        into.put("file", call -> {
            String path = path(call.arg(0), call.evaluator);
            return path != null && call.evaluator.files().file(path) != null ? new BaseValue.FileValue(path) : BaseValue.NULL;
        });
        into.put("html", call -> new BaseValue.HtmlValue(call.text(0)));
        into.put("if", call -> {
            if (BaseValues.truthy(call.arg(0))) return call.arg(1);
            return call.count() > 2 ? call.arg(2) : BaseValue.NULL;
        });
        into.put("image", call -> {
            BaseValue v = call.arg(0);
            if (v instanceof BaseValue.NullValue) return BaseValue.NULL;
            if (v instanceof BaseValue.FileValue f) return new BaseValue.ImageValue(f.path());
            if (v instanceof BaseValue.LinkValue l) return new BaseValue.ImageValue(l.target());
            return new BaseValue.ImageValue(BaseValues.text(v));
        });
        into.put("icon", call -> new BaseValue.IconValue(call.text(0)));
        into.put("link", call -> {
            BaseValue display = call.count() > 1 ? call.arg(1) : null;
            BaseValue v = call.arg(0);
            if (v instanceof BaseValue.FileValue f) return new BaseValue.LinkValue(f.path(), true, "", display);
            if (v instanceof BaseValue.LinkValue l) return display == null ? l : new BaseValue.LinkValue(l.target(), l.resolved(), l.subpath(), display);
            return link(BaseValues.text(v), display, call.evaluator);
        });
        into.put("list", call -> call.arg(0) instanceof BaseValue.ListValue l ? l : new BaseValue.ListValue(List.of(call.arg(0))));
        into.put("max", call -> extreme(call, true));
        into.put("min", call -> extreme(call, false));
        into.put("now", call -> new BaseValue.DateValue(call.evaluator.clock().nowDate(), true));
        into.put("today", call -> new BaseValue.DateValue(call.evaluator.clock().today(), false));
        into.put("number", call -> {
            BaseValue v = call.arg(0);
            Double n = v instanceof BaseValue.NullValue ? null : BaseValues.number(v);
            if (n == null) throw call.fail("'" + BaseValues.text(v) + "' is not a number");
            return BaseValue.of(n);
        });
        into.put("random", call -> BaseValue.of(ThreadLocalRandom.current().nextDouble()));
    }

    private static BaseValue extreme(Call call, boolean max) {
        double best = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (int i = 0; i < call.count(); i++) {
            Double n = BaseValues.number(call.arg(i));
            if (n == null || n.isNaN()) return BaseValue.of(Double.NaN);
            best = max ? Math.max(best, n) : Math.min(best, n);
        }
        return BaseValue.of(best);
    }

    /** A link from its text: {@code [[path#heading|display]]}, a path, or an address. */
    static BaseValue.LinkValue link(String written, BaseValue display, Evaluator ev) {
        String text = written.strip();
        if (text.startsWith("http://") || text.startsWith("https://")) return new BaseValue.LinkValue(text, false, "", display);
        boolean wiki = text.startsWith("[[") && text.endsWith("]]");
        String inner = wiki ? text.substring(2, text.length() - 2) : text;
        int bar = inner.indexOf('|');
        if (bar >= 0) {
            if (display == null) display = BaseValue.of(inner.substring(bar + 1));
            inner = inner.substring(0, bar);
        }
        int hash = inner.indexOf('#');
        String subpath = hash >= 0 ? inner.substring(hash) : "";
        String target = hash >= 0 ? inner.substring(0, hash) : inner;
        String resolved = target.isEmpty() ? null : ev.resolve(target);
        return resolved != null ? new BaseValue.LinkValue(resolved, true, subpath, display) : new BaseValue.LinkValue(target, false, subpath, display);
    }

    /** The link text a string names: {@code [[Note|alias]]} gives {@code Note}. */
    static String linkText(String text) {
        String t = text.strip();
        if (t.startsWith("[[") && t.endsWith("]]")) t = t.substring(2, t.length() - 2);
        int bar = t.indexOf('|');
        if (bar >= 0) t = t.substring(0, bar);
        int hash = t.indexOf('#');
        return hash >= 0 ? t.substring(0, hash) : t;
    }

    /** The vault path a file, a link or a path names; null when it names none. */
    static String path(BaseValue v, Evaluator ev) {
        if (v instanceof BaseValue.FileValue f) return f.path();
        if (v instanceof BaseValue.LinkValue l) return l.resolved() ? l.target() : null;
        if (v instanceof BaseValue.StringValue s) {
            String text = linkText(s.value());
            return ev.files().file(text) != null ? text : ev.resolve(text);
        }
        return null;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
