package org.vaultgraph.render;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.vaultgraph.dql.DqlResult;
import org.vaultgraph.dql.value.DvDate;
import org.vaultgraph.dql.value.DvDuration;
import org.vaultgraph.dql.value.DvLink;
import org.vaultgraph.dql.value.JsNumbers;
import org.vaultgraph.dql.value.QuerySettings;
import org.vaultgraph.dql.value.Value;
import org.vaultgraph.dql.value.Values;

/**
 * A Dataview result as JSON for scripts, each value typed: dates as {@code {"date": ISO, "zone": ...}},
 * durations as {@code {"duration": ISO, "millis": ..., "text": ...}}, links as {@code {"link": {...}}},
 * objects as {@code {"object": [[key, value], ...]}} (keys in order), lists as arrays. The conformance
 * suite writes Dataview's own answers in this form.
 *
 * <pre>{@code String json = ResultJson.of(result).toString();}</pre>
 */
public final class ResultJson {
    private ResultJson() {}

    public static JsonValue of(DqlResult result) {
        JsonObjectBuilder out = Json.createObjectBuilder();
        if (result instanceof DqlResult.Table t) {
            JsonArrayBuilder headers = Json.createArrayBuilder();
            t.headers().forEach(headers::add);
            JsonArrayBuilder rows = Json.createArrayBuilder();
            for (List<Value> row : t.rows()) rows.add(value(new Value.Array(row)));
            return out.add("type", "table").add("headers", headers).add("rows", rows).build();
        }
        if (result instanceof DqlResult.Listing l) {
            JsonArrayBuilder rows = Json.createArrayBuilder();
            for (Value item : l.items()) {
                if (item instanceof Value.ListPair p) rows.add(Json.createArrayBuilder().add(value(p.key())).add(value(p.value())));
                else rows.add(value(item));
            }
            return out.add("type", "list").add("rows", rows).build();
        }
        if (result instanceof DqlResult.Tasks tasks) return out.add("type", "task").add("groups", grouping(tasks.grouping())).build();
        DqlResult.Calendar c = (DqlResult.Calendar) result;
        JsonArrayBuilder rows = Json.createArrayBuilder();
        for (int i = 0; i < c.dates().size(); i++) {
            rows.add(Json.createObjectBuilder().add("date", value(c.dates().get(i))).add("link", value(c.links().get(i))));
        }
        return out.add("type", "calendar").add("rows", rows).build();
    }

    private static JsonValue grouping(DqlResult.TaskGrouping grouping) {
        JsonArrayBuilder out = Json.createArrayBuilder();
        if (grouping instanceof DqlResult.TaskGroups groups) {
            for (DqlResult.TaskGroup g : groups.groups()) out.add(Json.createObjectBuilder().add("key", value(g.key())).add("rows", grouping(g.rows())));
        } else {
            for (Value.Obj item : TaskNesting.roots(((DqlResult.TaskList) grouping).tasks())) out.add(value(item));
        }
        return out.build();
    }

    public static JsonValue value(Value v) {
        if (v instanceof Value.Null) return JsonValue.NULL;
        if (v instanceof Value.Bool b) return b.value() ? JsonValue.TRUE : JsonValue.FALSE;
        if (v instanceof Value.Text s) return Json.createValue(s.value());
        if (v instanceof Value.Num n) {
            double d = n.value();
            if (Double.isNaN(d) || Double.isInfinite(d)) return Json.createObjectBuilder().add("number", JsNumbers.toString(d)).build();
            return Json.createValue(new BigDecimal(JsNumbers.toString(d).replace("e+", "e")));
        }
        if (v instanceof DvDate d) return Json.createObjectBuilder().add("date", d.toIso()).add("zone", d.zoneName()).build();
        if (v instanceof DvDuration d) {
            return Json.createObjectBuilder().add("duration", d.toIso()).add("millis", Json.createValue(d.toMillis())).add("text", d.toHuman()).build();
        }
        if (v instanceof DvLink l) {
            JsonObjectBuilder link = Json.createObjectBuilder().add("path", l.path())
                    .add("display", l.display() == null ? JsonValue.NULL : Json.createValue(l.display()))
                    .add("subpath", l.subpath() == null ? JsonValue.NULL : Json.createValue(l.subpath()))
                    .add("type", l.type().jsName()).add("embed", l.embed());
            return Json.createObjectBuilder().add("link", link).build();
        }
        if (v instanceof Value.Array a) {
            JsonArrayBuilder out = Json.createArrayBuilder();
            for (Value item : a.items()) out.add(value(item));
            return out.build();
        }
        if (v instanceof Value.Obj o) {
            JsonArrayBuilder entries = Json.createArrayBuilder();
            for (Map.Entry<String, Value> e : o.entries().entrySet()) entries.add(Json.createArrayBuilder().add(e.getKey()).add(value(e.getValue())));
            return Json.createObjectBuilder().add("object", entries).build();
        }
        if (v instanceof Value.Function) return Json.createObjectBuilder().add("other", "function").build();
        if (v instanceof Value.ListPair p) return Json.createObjectBuilder().add("other", "widget dataview:list-pair: " + Values.toString(p, QuerySettings.DEFAULTS)).build();
        return Json.createObjectBuilder().add("other", "widget dataview:external-link: " + Values.toString(v, QuerySettings.DEFAULTS)).build();
    }
}
