package org.vaultgraph.bases.eval;

import java.util.Map;
import org.vaultgraph.bases.value.BaseValue;
import org.vaultgraph.bases.value.Dates;
import org.vaultgraph.bases.value.MomentFormat;

/** The functions of dates (Functions page, "Date type"): date, format (Moment.js tokens), time, relative, isEmpty. */
final class DateFunctions {
    private DateFunctions() {}

    static void register(Map<String, Method> into) {
        into.put("date", call -> Dates.dateOnly(d(call)));
        into.put("format", call -> BaseValue.of(MomentFormat.format(d(call).date(), call.text(0))));
        into.put("time", call -> BaseValue.of(MomentFormat.format(d(call).date(), "HH:mm:ss")));
        into.put("relative", call -> BaseValue.of(Dates.relative(d(call).date(), call.evaluator.clock().nowDate())));
        into.put("isEmpty", call -> BaseValue.FALSE);
    }

    private static BaseValue.DateValue d(Call call) {
        return (BaseValue.DateValue) call.target;
    }
}
