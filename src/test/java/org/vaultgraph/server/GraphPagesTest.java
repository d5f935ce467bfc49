package org.vaultgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vaultgraph.SampleVault;
import org.vaultgraph.store.VaultLoader;

/**
 * The graph pages over HTTP, on a vault without a mapping file: the JSON a view draws (the most linked
 * nodes of the whole vault, or a note's neighbourhood, filtered by class, tag and kind of link), and
 * the pages that load it under the server's Content-Security-Policy.
 */
class GraphPagesTest {
    private static VaultLoader.LoadedVault loaded;
    private static VaultServer server;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        loaded = SampleVault.load(Path.of("src/test/resources/any-vault"));
        server = SampleVault.serve(loaded, "any-vault");
    }

    @AfterAll
    static void stop() {
        server.stop();
        loaded.store().close();
    }

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery.substring(1))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject view(String query) throws Exception {
        HttpResponse<String> response = get("/graph.json" + query);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        return JSON.parse(response.body());
    }

    private static List<String> labels(JsonObject view) {
        List<String> out = new ArrayList<>();
        for (JsonValue node : view.get("nodes").getAsArray()) out.add(node.getAsObject().get("label").getAsString().value());
        return out;
    }

    private static Set<String> edges(JsonObject view) {
        java.util.Map<String, String> labels = new java.util.HashMap<>();
        for (JsonValue node : view.get("nodes").getAsArray()) {
            labels.put(node.getAsObject().get("id").getAsString().value(), node.getAsObject().get("label").getAsString().value());
        }
        Set<String> out = new TreeSet<>();
        for (JsonValue value : view.get("edges").getAsArray()) {
            JsonObject e = value.getAsObject();
            out.add(labels.get(e.get("source").getAsString().value()) + " -" + e.get("kind").getAsString().value() + "-> "
                    + labels.get(e.get("target").getAsString().value()));
        }
        return out;
    }

    @Test
    void theWholeVaultShowsItsMostLinkedNodesFirst() throws Exception {
        JsonObject all = view("");
        assertEquals(15, all.get("nodes").getAsArray().size());
        assertEquals(17, all.get("edges").getAsArray().size());
        // Ties go by label: 2025-01-05, Bread and Foundation are each joined to three nodes.
        assertEquals(List.of("Home", "Dune", "2025-01-05", "Bread", "Foundation"), labels(all).subList(0, 5));
        JsonObject home = all.get("nodes").getAsArray().get(0).getAsObject();
        assertEquals("index", home.get("class").getAsString().value());
        assertEquals(7, home.get("degree").getAsNumber().value().intValue());
        assertEquals("/note/Home", home.get("href").getAsString().value());
        assertEquals("/graph/note/Home", home.get("graph").getAsString().value());
        assertTrue(home.get("colour").getAsString().value().matches("#[0-9a-f]{6}"));

        JsonObject three = view("?limit=3");
        assertEquals(List.of("Home", "Dune", "2025-01-05"), labels(three));
        assertEquals(15, three.get("matching").getAsNumber().value().intValue(), "how many the filters keep, before the limit");
        assertEquals(Set.of("Home -link-> Dune", "2025-01-05 -link-> Dune", "2025-01-05 -link-> Home"), edges(three));
    }

    @Test
    void filtersKeepClassesTagsAndKindsOfLink() throws Exception {
        assertEquals(Set.of("Dune -link-> Foundation", "Foundation -related-> Dune"), edges(view("?class=book")));
        assertEquals(List.of("Dune", "Foundation"), labels(view("?class=book")));
        assertEquals(List.of("Dune", "Foundation"), labels(view("?tag=reading")), "a tag keeps the notes of the tags below it");
        assertEquals(List.of("Foundation"), labels(view("?tag=%23reading/classic")));
        assertEquals(Set.of("Home -embed-> cover.svg", "Dune -embed-> Quotes"), edges(view("?kind=embed")));
        assertEquals(Set.of("Dune -author-> Frank Herbert", "Foundation -author-> Isaac Asimov", "Foundation -related-> Dune"),
                edges(view("?kind=author&kind=related")));
        JsonObject classes = view("");
        List<String> names = new ArrayList<>();
        for (JsonValue c : classes.get("classes").getAsArray()) names.add(c.getAsObject().get("name").getAsString().value());
        assertTrue(names.containsAll(List.of("book", "person", "recipe", "Therapy", "Note", "UnresolvedTarget", "Attachment")), names.toString());
    }

    @Test
    void aNotesViewIsItsNeighbourhoodOneOrTwoLinksAway() throws Exception {
        JsonObject one = view("?focus=note/Books/Dune");
        assertEquals(List.of("Dune", "Home", "2025-01-05", "Foundation", "Frank Herbert", "Quotes"), labels(one));
        assertEquals(one.get("nodes").getAsArray().get(0).getAsObject().get("id").getAsString().value(),
                one.get("focus").getAsString().value(), "the note itself comes first");
        JsonObject two = view("?focus=note/Books/Dune&depth=2");
        assertEquals(11, two.get("nodes").getAsArray().size());
        assertTrue(labels(two).containsAll(List.of("Bread", "Lisbon", "cover.svg", "Someday", "Isaac Asimov")));
        assertFalse(labels(two).contains("Flour"), "three links away");
        assertEquals(List.of("Frank Herbert", "Dune"), labels(view("?focus=note/People/Frank%2520Herbert&kind=author")));
        assertEquals(List.of("Lonely"), labels(view("?focus=note/Lonely&depth=2")));
    }

    @Test
    void wrongRequestsAreToldWhy() throws Exception {
        assertEquals(404, get("/graph.json?focus=note/Nowhere").statusCode());
        assertEquals(400, get("/graph.json?focus=note/Books/Dune&depth=3").statusCode());
        assertEquals(400, get("/graph.json?limit=0").statusCode());
        assertEquals(400, get("/graph.json?limit=many").statusCode());
        HttpResponse<String> missing = get("/graph/note/%3Cscript%3Ealert(1)%3C/script%3E");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    }

    @Test
    void thePagesLoadTheirScriptsFromTheServerOnly() throws Exception {
        HttpResponse<String> page = get("/graph");
        assertEquals(200, page.statusCode());
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self';"), policy);
        assertTrue(page.body().contains("<script src=\"/static/cytoscape/cytoscape.min.js\"></script>"));
        assertTrue(page.body().contains("<script src=\"/static/graph/graph.js\"></script>"));
        assertFalse(page.body().contains("<script>"), "no inline script");

        HttpResponse<String> note = get("/graph/note/People/Frank%20Herbert");
        assertEquals(200, note.statusCode());
        assertTrue(note.body().contains("<h1>Graph around Frank Herbert</h1>"), note.body());
        assertTrue(note.body().contains("data-focus=\"note/People/Frank%20Herbert\""), note.body());

        for (String file : List.of("/static/cytoscape/cytoscape.min.js", "/static/graph/graph.js", "/static/graph/graph.css")) {
            HttpResponse<String> answer = get(file);
            assertEquals(200, answer.statusCode(), file);
            assertTrue(answer.body().length() > 500, file);
        }
        assertTrue(get("/static/cytoscape/cytoscape.min.js").body().contains("Cytoscape Consortium"), "the library with its license");
        assertTrue(get("/").body().contains("<a href=\"/graph\">"), "the landing page links to the graph");
    }
}
