package org.vaultgraph.bases.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vaultgraph.bases.value.BaseValue;

/** The functions of objects (Functions page, "Object type"): isEmpty, keys, values. */
final class ObjectFunctions {
    private ObjectFunctions() {}

    static void register(Map<String, Method> into) {
        into.put("isEmpty", call -> BaseValue.of(object(call).entries().isEmpty()));
        into.put("keys", call -> {
            List<BaseValue> keys = new ArrayList<>();
            for (String k : object(call).entries().keySet()) keys.add(BaseValue.of(k));
            return new BaseValue.ListValue(keys);
        });
        into.put("values", call -> new BaseValue.ListValue(new ArrayList<>(object(call).entries().values())));
    }

    private static BaseValue.ObjectValue object(Call call) {
        return (BaseValue.ObjectValue) call.target;
    }
}
