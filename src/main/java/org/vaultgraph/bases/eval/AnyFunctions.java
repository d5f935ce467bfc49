package org.vaultgraph.bases.eval;

import java.util.Map;
import org.vaultgraph.bases.value.BaseValue;
import org.vaultgraph.bases.value.BaseValues;

/** The functions of any value (Functions page, "Any type"): isTruthy, isType, toString. */
final class AnyFunctions {
    private AnyFunctions() {}

    static void register(Map<String, Method> into) {
        into.put("isTruthy", call -> BaseValue.of(BaseValues.truthy(call.target)));
        into.put("isType", call -> BaseValue.of(BaseValues.isType(call.target, call.text(0))));
        into.put("toString", call -> BaseValue.of(BaseValues.text(call.target)));
    }
}
