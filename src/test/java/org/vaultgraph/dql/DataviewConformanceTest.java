package org.vaultgraph.dql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vaultgraph.SampleVault;
import org.vaultgraph.dql.graph.GraphPages;
import org.vaultgraph.dql.syntax.DqlException;
import org.vaultgraph.dql.value.DvClock;
import org.vaultgraph.dql.value.QuerySettings;
import org.vaultgraph.dql.value.Value;
import org.vaultgraph.render.TaskNesting;
import org.vaultgraph.store.VaultLoader;

/**
 * Runs every query of the Dataview conformance suite through vaultgraph (vault to graph to pages to
 * Dataview's semantics) and compares the answers with those Dataview's own engine gave on the same
 * files (src/test/resources/conformance/dataview/expected.json, made by conformance/dataview). Every
 * query that still disagrees must be listed, with its reason, in differences.txt; a listed query that
 * now agrees must leave the list. The figure and each disagreement go to target/conformance/.
 */
class DataviewConformanceTest {
    private static final Path DIR = Path.of("src/test/resources/conformance/dataview");
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final Instant NOW = LocalDateTime.of(2025, 3, 15, 12, 0).atZone(ZONE).toInstant();
    private static final Set<String> NOT_COMPARED = Set.of("position");

    private static VaultLoader.LoadedVault loaded;
    private static GraphPages pages;
    private static DqlEngine engine;
    private static Map<String, List<String>> itemKeys;

    @BeforeAll
    static void load() {
        loaded = SampleVault.load(DIR.resolve("vault"));
        pages = GraphPages.of(SampleVault.sparql(loaded), loaded.mapper().iris(), ZONE);
        engine = new DqlEngine(pages, QuerySettings.DEFAULTS, () -> new DvClock(ZONE, NOW));
        itemKeys = new HashMap<>();
        for (String path : pages.files().notePaths()) {
            Value.Obj file = (Value.Obj) pages.page(path).get("file");
            for (Value item : ((Value.Array) file.get("lists")).items()) {
                Value.Obj o = (Value.Obj) item;
                itemKeys.put(key(o), new ArrayList<>(o.entries().keySet()));
            }
        }
    }

    @AfterAll
    static void close() {
        loaded.store().close();
    }

    private static String key(Value.Obj item) {
        return item.get("path") + ":" + item.get("line");
    }

    private static final Function<Value.Obj, List<String>> ITEM_KEYS = o -> o.entries().containsKey("symbol") && o.entries().containsKey("line")
            ? itemKeys.get(key(o)) : null;

    @Test
    void answersAgreeWithDataviewsOwnEngine() throws IOException {
        JsonObject golden = read(DIR.resolve("expected.json"));
        Map<String, String> listed = differences();
        List<String> report = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        int agree = 0;
        JsonArray results = golden.getJsonArray("results");
        for (JsonValue r : results) {
            JsonObject expected = (JsonObject) r;
            String id = expected.getString("id");
            JsonValue actual = DataviewJson.without(run(expected.getString("query"), expected.getString("in")), NOT_COMPARED);
            JsonValue want = DataviewJson.without(strip(expected), NOT_COMPARED);
            boolean same = DataviewJson.same(want, actual);
            if (same) agree++;
            if (!same) {
                report.add("== " + id + (listed.containsKey(id) ? " (listed: " + listed.get(id) + ")" : "") + "\n" + expected.getString("query")
                        + "\n  Dataview:   " + want + "\n  vaultgraph: " + actual);
                if (!listed.containsKey(id)) unexpected.add(id);
            } else if (listed.containsKey(id)) {
                stale.add(id);
            }
        }
        String figure = String.format("%d of %d queries agree with Dataview 0.5.70 (%.1f%%); %d listed differences",
                agree, results.size(), 100.0 * agree / results.size(), listed.size());
        Path out = Files.createDirectories(Path.of("target/conformance"));
        Files.writeString(out.resolve("dataview-queries.txt"), figure + "\n\n" + String.join("\n\n", report) + "\n");
        System.out.println(figure);
        assertTrue(unexpected.isEmpty(), unexpected.size() + " queries disagree with Dataview and are not in differences.txt"
                + " (see target/conformance/dataview-queries.txt): " + unexpected);
        assertTrue(stale.isEmpty(), "listed in differences.txt but now agreeing with Dataview: " + stale);
        assertTrue(results.size() >= 300, "the suite holds " + results.size() + " queries");
    }

    @Test
    void pagesAgreeWithDataviewsIndex() throws IOException {
        JsonArray golden;
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(DIR.resolve("pages.json"))))) {
            golden = reader.readArray();
        }
        List<String> report = new ArrayList<>();
        for (JsonValue p : golden) {
            JsonObject page = (JsonObject) p;
            String path = page.getString("path");
            JsonValue want = DataviewJson.without(page, NOT_COMPARED);
            JsonValue actual = DataviewJson.without(encodePage(path), NOT_COMPARED);
            if (!DataviewJson.same(want, actual)) report.add("== " + path + "\n  Dataview:   " + want + "\n  vaultgraph: " + actual);
        }
        Path out = Files.createDirectories(Path.of("target/conformance"));
        Files.writeString(out.resolve("dataview-pages.txt"), report.size() + " of " + golden.size() + " pages differ\n\n"
                + String.join("\n\n", report) + "\n");
        assertEquals(List.of(), report.stream().map(r -> r.substring(3, r.indexOf('\n'))).toList(),
                "pages that differ from Dataview's (see target/conformance/dataview-pages.txt)");
    }

    private static JsonValue encodePage(String path) {
        Value.Obj page = pages.page(path);
        Value.Obj file = (Value.Obj) page.get("file");
        JsonObjectBuilder f = Json.createObjectBuilder();
        for (String k : List.of("name", "folder", "path", "ext", "link", "day", "tags", "etags", "aliases", "inlinks", "outlinks",
                "frontmatter", "tasks", "lists", "starred")) {
            f.add(k, DataviewJson.encode(file.get(k), ITEM_KEYS));
        }
        JsonArrayBuilder fields = Json.createArrayBuilder();
        page.entries().forEach((k, v) -> {
            if (!k.equals("file")) fields.add(Json.createArrayBuilder().add(k).add(DataviewJson.encode(v, ITEM_KEYS)));
        });
        return Json.createObjectBuilder().add("path", path).add("file", f).add("fields", fields).build();
    }

    /** The golden result without what identifies the query. */
    private static JsonValue strip(JsonObject expected) {
        JsonObjectBuilder out = Json.createObjectBuilder();
        expected.forEach((k, v) -> {
            if (!Set.of("id", "in", "query", "primaryMeaning").contains(k)) out.add(k, k.equals("error") ? JsonValue.TRUE : v);
        });
        return out.build();
    }

    private static JsonValue run(String query, String in) {
        DqlResult result;
        try {
            result = engine.run(query, in);
        } catch (DqlException e) {
            return Json.createObjectBuilder().add("ok", false).add("error", true).build();
        } catch (RuntimeException e) {
            return Json.createObjectBuilder().add("ok", "crashed: " + e).build();
        }
        JsonObjectBuilder out = Json.createObjectBuilder().add("ok", true);
        if (result instanceof DqlResult.Table t) {
            JsonArrayBuilder headers = Json.createArrayBuilder();
            t.headers().forEach(headers::add);
            JsonArrayBuilder rows = Json.createArrayBuilder();
            for (List<Value> row : t.rows()) rows.add(DataviewJson.encode(new Value.Array(row), ITEM_KEYS));
            return out.add("type", "table").add("headers", headers).add("rows", rows).build();
        }
        if (result instanceof DqlResult.Listing l) {
            JsonArrayBuilder rows = Json.createArrayBuilder();
            for (Value item : l.items()) {
                if (item instanceof Value.ListPair p) {
                    rows.add(Json.createArrayBuilder().add(DataviewJson.encode(p.key(), ITEM_KEYS)).add(DataviewJson.encode(p.value(), ITEM_KEYS)));
                } else {
                    rows.add(DataviewJson.encode(item, ITEM_KEYS));
                }
            }
            return out.add("type", "list").add("rows", rows).build();
        }
        if (result instanceof DqlResult.Tasks tasks) return out.add("type", "task").add("groups", grouping(tasks.grouping())).build();
        DqlResult.Calendar c = (DqlResult.Calendar) result;
        JsonArrayBuilder rows = Json.createArrayBuilder();
        for (int i = 0; i < c.dates().size(); i++) {
            Map<String, Value> day = new LinkedHashMap<>();
            day.put("date", c.dates().get(i));
            day.put("link", c.links().get(i));
            rows.add(DataviewJson.encode(new Value.Obj(day), ITEM_KEYS));
        }
        return out.add("type", "calendar").add("rows", rows).build();
    }

    private static JsonValue grouping(DqlResult.TaskGrouping grouping) {
        JsonArrayBuilder out = Json.createArrayBuilder();
        if (grouping instanceof DqlResult.TaskGroups groups) {
            for (DqlResult.TaskGroup g : groups.groups()) {
                out.add(Json.createObjectBuilder().add("key", DataviewJson.encode(g.key(), ITEM_KEYS)).add("rows", grouping(g.rows())));
            }
        } else {
            for (Value.Obj item : TaskNesting.roots(((DqlResult.TaskList) grouping).tasks())) out.add(DataviewJson.encode(item, ITEM_KEYS));
        }
        return out.build();
    }

    /** differences.txt: "id: reason" per line, '#' comments. */
    private static Map<String, String> differences() throws IOException {
        Map<String, String> out = new TreeMap<>();
        Path file = DIR.resolve("differences.txt");
        if (!Files.exists(file)) return out;
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            int colon = line.indexOf(':');
            out.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return out;
    }

    private static JsonObject read(Path file) throws IOException {
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(file)))) {
            return reader.readObject();
        }
    }
}
