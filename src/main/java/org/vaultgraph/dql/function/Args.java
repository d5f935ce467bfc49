package org.vaultgraph.dql.function;

import java.util.List;
import org.vaultgraph.dql.value.DvDate;
import org.vaultgraph.dql.value.DvDuration;
import org.vaultgraph.dql.value.DvLink;
import org.vaultgraph.dql.value.Value;

/** Unwraps arguments whose type a function variant has already checked. */
final class Args {
    private Args() {}

    static String str(Value v) {
        return ((Value.Text) v).value();
    }

    static double num(Value v) {
        return ((Value.Num) v).value();
    }

    static boolean bool(Value v) {
        return ((Value.Bool) v).value();
    }

    static List<Value> list(Value v) {
        return ((Value.Array) v).items();
    }

    static DvDate date(Value v) {
        return (DvDate) v;
    }

    static DvDuration dur(Value v) {
        return (DvDuration) v;
    }

    static DvLink link(Value v) {
        return (DvLink) v;
    }

    static Value.Function fn(Value v) {
        return (Value.Function) v;
    }

    /** JavaScript's ToIntegerOrInfinity, clamped to int: NaN is 0, fractions are cut. */
    static int toInt(double d) {
        if (Double.isNaN(d)) return 0;
        if (d >= Integer.MAX_VALUE) return Integer.MAX_VALUE;
        if (d <= Integer.MIN_VALUE) return Integer.MIN_VALUE;
        return (int) d;
    }
}
