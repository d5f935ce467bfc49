package org.vaultgraph.bases.eval;

import java.util.Map;
import org.vaultgraph.bases.value.BaseValue;
import org.vaultgraph.dql.value.JsNumbers;

/** The functions of numbers (Functions page, "Number type"): abs, ceil, floor, isEmpty, round, toFixed. */
final class NumberFunctions {
    private NumberFunctions() {}

    static void register(Map<String, Method> into) {
        into.put("abs", call -> BaseValue.of(Math.abs(n(call))));
        into.put("ceil", call -> BaseValue.of(Math.ceil(n(call))));
        into.put("floor", call -> BaseValue.of(Math.floor(n(call))));
        into.put("isEmpty", call -> BaseValue.FALSE);
        into.put("round", call -> {
            if (call.count() == 0) return BaseValue.of(JsNumbers.round(n(call)));
            double digits = call.number(0);
            double scale = Math.pow(10, Math.floor(digits));
            return BaseValue.of(JsNumbers.round(n(call) * scale) / scale);
        });
        into.put("toFixed", call -> {
            double digits = call.number(0);
            if (digits < 0 || digits > 100 || digits != Math.rint(digits)) throw call.fail("precision is a whole number from 0 to 100");
            return BaseValue.of(JsNumbers.toFixed(n(call), (int) digits));
        });
    }

    private static double n(Call call) {
        return ((BaseValue.NumberValue) call.target).value();
    }
}
