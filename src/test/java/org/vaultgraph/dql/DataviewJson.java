package org.vaultgraph.dql;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.vaultgraph.dql.value.DvDate;
import org.vaultgraph.dql.value.DvDuration;
import org.vaultgraph.dql.value.DvLink;
import org.vaultgraph.dql.value.JsNumbers;
import org.vaultgraph.dql.value.QuerySettings;
import org.vaultgraph.dql.value.Value;
import org.vaultgraph.dql.value.Values;
import org.vaultgraph.render.ResultJson;

/**
 * Our values and results in the JSON of the Dataview conformance goldens (conformance/dataview/README.md),
 * and a comparison of two such JSON values where numbers compare as numbers.
 */
final class DataviewJson {
    private DataviewJson() {}

    /** The keys a list item has in its page (by "path:line"), so that a task result shows the same keys. */
    static JsonValue encode(Value v, Function<Value.Obj, List<String>> itemKeys) {
        if (v instanceof Value.Array a) {
            JsonArrayBuilder out = Json.createArrayBuilder();
            for (Value item : a.items()) out.add(encode(item, itemKeys));
            return out.build();
        }
        if (v instanceof Value.Obj o) {
            // A list item shows the keys its page gives it, in that order, as the goldens do.
            List<String> keys = itemKeys == null ? null : itemKeys.apply(o);
            JsonArrayBuilder entries = Json.createArrayBuilder();
            for (String k : keys != null ? keys : List.copyOf(o.entries().keySet())) {
                if (o.entries().containsKey(k)) entries.add(Json.createArrayBuilder().add(k).add(encode(o.get(k), itemKeys)));
            }
            return Json.createObjectBuilder().add("object", entries).build();
        }
        return ResultJson.value(v);
    }

    /** Removes the keys we do not compare (Obsidian's emulated positions) from objects of a golden value. */
    static JsonValue without(JsonValue v, Set<String> keys) {
        if (v instanceof JsonArray a) {
            JsonArrayBuilder out = Json.createArrayBuilder();
            for (JsonValue item : a) out.add(without(item, keys));
            return out.build();
        }
        if (v instanceof JsonObject o) {
            if (o.containsKey("object") && o.get("object") instanceof JsonArray entries) {
                JsonArrayBuilder kept = Json.createArrayBuilder();
                for (JsonValue e : entries) {
                    JsonArray pair = (JsonArray) e;
                    if (!keys.contains(pair.getString(0))) kept.add(Json.createArrayBuilder().add(pair.get(0)).add(without(pair.get(1), keys)));
                }
                return Json.createObjectBuilder().add("object", kept).build();
            }
            JsonObjectBuilder out = Json.createObjectBuilder();
            o.forEach((k, x) -> {
                if (!keys.contains(k)) out.add(k, without(x, keys));
            });
            return out.build();
        }
        return v;
    }

    /** Structural equality where numbers compare by value (1 equals 1.0). */
    static boolean same(JsonValue a, JsonValue b) {
        if (a instanceof JsonNumber x && b instanceof JsonNumber y) return x.doubleValue() == y.doubleValue();
        if (a instanceof JsonString x && b instanceof JsonString y) return x.getString().equals(y.getString());
        if (a instanceof JsonArray x && b instanceof JsonArray y) {
            if (x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) if (!same(x.get(i), y.get(i))) return false;
            return true;
        }
        if (a instanceof JsonObject x && b instanceof JsonObject y) {
            if (!x.keySet().equals(y.keySet())) return false;
            for (String k : x.keySet()) if (!same(x.get(k), y.get(k))) return false;
            return true;
        }
        return a.getValueType() == b.getValueType() && a.equals(b);
    }
}
