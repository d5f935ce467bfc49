package org.vaultgraph.bases.eval;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.vaultgraph.bases.value.BaseValue;
import org.vaultgraph.bases.value.BaseValues;
import org.vaultgraph.bases.value.Dates;
import org.vaultgraph.bases.value.Durations;
import org.vaultgraph.dql.value.DvDuration;
import org.vaultgraph.dql.value.JsNumbers;

/**
 * The operators of a base (Bases syntax page, "Operators"), with JavaScript's arithmetic: a date plus
 * or minus a duration (or text that writes one, {@code date + "1M"}) is a date, a date minus a date the
 * milliseconds between them, a duration times a number a duration, text plus anything text; arithmetic
 * with null is null.
 */
final class Operators {
    private Operators() {}

    static BaseValue apply(String op, BaseValue a, BaseValue b, ZoneId zone) {
        Evaluator.failIfError(a);
        Evaluator.failIfError(b);
        switch (op) {
            case "==": return BaseValue.of(BaseValues.equal(a, b));
            case "!=": return BaseValue.of(!BaseValues.equal(a, b));
            case "<": return compare(a, b, c -> c < 0);
            case "<=": return compare(a, b, c -> c <= 0);
            case ">": return compare(a, b, c -> c > 0);
            case ">=": return compare(a, b, c -> c >= 0);
            case "+": return plus(a, b);
            case "-": return minus(a, b, zone);
            case "*": return times(a, b);
            case "/": return divide(a, b);
            default: return arithmetic(a, b, JsNumbers::remainder); // "%"
        }
    }

    private static BaseValue compare(BaseValue a, BaseValue b, java.util.function.IntPredicate test) {
        Integer c = BaseValues.compare(a, b);
        return BaseValue.of(c != null && test.test(c));
    }

    private static BaseValue plus(BaseValue a, BaseValue b) {
        if (a instanceof BaseValue.DateValue d) {
            DvDuration dur = duration(b);
            if (dur != null) return new BaseValue.DateValue(d.date().plus(dur), d.hasTime() || hasTime(dur));
        }
        if (b instanceof BaseValue.DateValue d && !(a instanceof BaseValue.StringValue)) {
            DvDuration dur = duration(a);
            if (dur != null) return new BaseValue.DateValue(d.date().plus(dur), d.hasTime() || hasTime(dur));
        }
        if (a instanceof BaseValue.DurationValue x && b instanceof BaseValue.DurationValue y) {
            return new BaseValue.DurationValue(x.duration().plus(y.duration()));
        }
        if (a instanceof BaseValue.ListValue x && b instanceof BaseValue.ListValue y) {
            List<BaseValue> all = new ArrayList<>(x.items());
            all.addAll(y.items());
            return new BaseValue.ListValue(all);
        }
        if (isText(a) || isText(b)) return BaseValue.of(BaseValues.text(a) + BaseValues.text(b));
        return arithmetic(a, b, Double::sum);
    }

    private static BaseValue minus(BaseValue a, BaseValue b, ZoneId zone) {
        if (a instanceof BaseValue.DateValue x) {
            if (b instanceof BaseValue.DateValue y) return BaseValue.of(x.date().toMillis() - y.date().toMillis());
            DvDuration dur = duration(b);
            if (dur != null) return new BaseValue.DateValue(x.date().minus(dur), x.hasTime() || hasTime(dur));
            if (b instanceof BaseValue.StringValue s) {
                BaseValue.DateValue y = Dates.parse(s.value(), zone);
                if (y != null) return BaseValue.of(x.date().toMillis() - y.date().toMillis());
            }
        }
        if (a instanceof BaseValue.DurationValue x && b instanceof BaseValue.DurationValue y) {
            return new BaseValue.DurationValue(x.duration().minus(y.duration()));
        }
        return arithmetic(a, b, (x, y) -> x - y);
    }

    private static BaseValue times(BaseValue a, BaseValue b) {
        if (a instanceof BaseValue.DurationValue d && b instanceof BaseValue.NumberValue n) {
            return new BaseValue.DurationValue(d.duration().mapUnits(v -> v * n.value()));
        }
        return arithmetic(a, b, (x, y) -> x * y);
    }

    private static BaseValue divide(BaseValue a, BaseValue b) {
        if (a instanceof BaseValue.DurationValue d && b instanceof BaseValue.NumberValue n) {
            return new BaseValue.DurationValue(d.duration().mapUnits(v -> v / n.value()));
        }
        return arithmetic(a, b, (x, y) -> x / y);
    }

    static BaseValue negate(BaseValue v) {
        Evaluator.failIfError(v);
        if (v instanceof BaseValue.DurationValue d) return new BaseValue.DurationValue(d.duration().negate());
        if (v instanceof BaseValue.NullValue) return BaseValue.NULL;
        Double n = BaseValues.number(v);
        return BaseValue.of(n == null ? Double.NaN : -n);
    }

    /** Numbers by JavaScript's rules: null gives null, what is no number gives NaN. */
    private static BaseValue arithmetic(BaseValue a, BaseValue b, java.util.function.DoubleBinaryOperator f) {
        if (a instanceof BaseValue.NullValue || b instanceof BaseValue.NullValue) return BaseValue.NULL;
        Double x = BaseValues.number(a);
        Double y = BaseValues.number(b);
        if (x == null || y == null) return BaseValue.of(Double.NaN);
        return BaseValue.of(f.applyAsDouble(x, y));
    }

    private static boolean isText(BaseValue v) {
        return v instanceof BaseValue.StringValue || v instanceof BaseValue.LinkValue || v instanceof BaseValue.ImageValue
                || v instanceof BaseValue.IconValue || v instanceof BaseValue.HtmlValue;
    }

    /** A duration value, or text that writes one ("1M", "2 hours"); null for anything else. */
    private static DvDuration duration(BaseValue v) {
        if (v instanceof BaseValue.DurationValue d) return d.duration();
        if (v instanceof BaseValue.StringValue s) return Durations.parse(s.value());
        return null;
    }

    private static boolean hasTime(DvDuration d) {
        return d.get(DvDuration.Unit.HOURS) != 0 || d.get(DvDuration.Unit.MINUTES) != 0 || d.get(DvDuration.Unit.SECONDS) != 0
                || d.get(DvDuration.Unit.MILLISECONDS) != 0;
    }
}
