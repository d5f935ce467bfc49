package org.vaultgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.Query;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vaultgraph.SampleVault;
import org.vaultgraph.query.QueryFile;
import org.vaultgraph.store.VaultLoader;

/** The real embedded Fuseki, started on a free port, spoken to over HTTP. */
class ServerTest {
    private static VaultLoader.LoadedVault loaded;
    private static VaultServer server;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        loaded = SampleVault.load();
        server = SampleVault.serve(loaded, "vault");
    }

    @AfterAll
    static void stop() {
        server.stop();
        loaded.store().close();
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path.replaceFirst("^/", "")));
        if (accept != null) request.header("Accept", accept);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void tagTableQueryOverHttpGivesTheSeedRowsInOrder() throws Exception {
        QueryFile file = QueryFile.load(java.nio.file.Path.of("queries/tag-table.rq"));
        Query query = file.bind(loaded.mapping().base(),
                Map.of("tag", "Hypoxic-Cultured Autologous Mesenchymal Stem Cells (MSCs)"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl()))
                .header("Content-Type", "application/sparql-query")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(query.serialize())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        ResultSet results = ResultSetMgr.read(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)),
                ResultSetLang.RS_JSON);
        List<String> names = new ArrayList<>();
        results.forEachRemaining(row -> names.add(row.getLiteral("name").getString()));
        assertEquals(List.of("2025-01-30 14-48-20", "2025-01-30 14-29-17", "2025-01-29 10-39-27", "2025-01-29 10-27-22"), names);
    }

    @Test
    void theQueryCommandRunsAgainstTheServer() {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cli = org.vaultgraph.cli.Main.commandLine();
        cli.setOut(new java.io.PrintWriter(out));
        cli.setErr(new java.io.PrintWriter(err));
        int exit = cli.execute("query", "queries/tag-table.rq", "--endpoint", server.sparqlUrl(), "--format", "tsv",
                "--param", "tag=L4-L5");
        assertEquals(0, exit, err.toString());
        List<String> lines = out.toString().lines().toList();
        assertEquals(3, lines.size(), out.toString());
        assertTrue(lines.get(1).contains("\"2025-01-29 10-39-27\""), lines.get(1));
    }

    @Test
    void queryByGetWorksToo() throws Exception {
        String q = URLEncoder.encode("PREFIX vg: <https://w3id.org/vaultgraph/ns#> SELECT (COUNT(?i) AS ?n) WHERE { ?i a vg:Insight }",
                StandardCharsets.UTF_8);
        HttpResponse<String> response = get("/vault/sparql?query=" + q, "text/csv");
        assertEquals(200, response.statusCode());
        assertEquals("n\r\n10\r\n", response.body());
    }

    @Test
    void smallAnswersComeWithTheirLengthAndLargeOnesStreamWhole() throws Exception {
        HttpResponse<String> small = get("/vault/sparql?query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8), "application/sparql-results+json");
        assertEquals(Long.toString(small.body().getBytes(StandardCharsets.UTF_8).length), small.headers().firstValue("Content-Length").orElse("none"));
        String all = URLEncoder.encode("SELECT ?s ?p ?o WHERE { ?s ?p ?o }", StandardCharsets.UTF_8);
        HttpResponse<String> large = get("/vault/sparql?query=" + all, "application/sparql-results+json");
        assertTrue(large.body().length() > 64 * 1024, "the test needs an answer over the held size: " + large.body().length());
        assertTrue(large.headers().firstValue("Content-Length").isEmpty(), "a large answer is streamed");
        ResultSet rows = ResultSetMgr.read(new ByteArrayInputStream(large.body().getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON);
        long count = 0;
        for (; rows.hasNext(); rows.next()) count++;
        HttpResponse<String> counted = get("/vault/sparql?query=" + URLEncoder.encode("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", StandardCharsets.UTF_8), "text/csv");
        assertEquals(counted.body().lines().skip(1).findFirst().orElseThrow().strip(), Long.toString(count));
    }

    @Test
    void theEndpointIsReadOnly() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.url() + "vault/update"))
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { <urn:a> <urn:b> <urn:c> }")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() >= 400, "an update was accepted: " + response.statusCode());
        HttpResponse<String> viaQuery = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl()))
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { <urn:a> <urn:b> <urn:c> }")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(viaQuery.statusCode() >= 400, "an update was accepted: " + viaQuery.statusCode());
    }

    @Test
    void graphStoreReadsGiveOneNotesGraph() throws Exception {
        String graph = URLEncoder.encode(loaded.mapper().iris().note(SampleVault.MSC), StandardCharsets.UTF_8);
        HttpResponse<String> response = get("/vault/get?graph=" + graph, "text/turtle");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("Hypoxic-Cultured Autologous Mesenchymal Stem Cells (MSCs).md"), response.body());
    }

    @Test
    void landingPageSaysWhatIsServedAndLinksExampleQueries() throws Exception {
        HttpResponse<String> response = get("/", "text/html");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(response.body().contains(loaded.report().notes() + " notes"), response.body());
        assertTrue(response.body().contains("tag-table.rq"), response.body());
        assertTrue(response.body().contains("/research/tags/hypoxic-cultured-autologous-mesenchymal-stem-cells-ms-cs/"));
    }

    @Test
    void exampleQueryLinksRunOnTheEndpoint() throws Exception {
        String page = get("/", "text/html").body();
        int at = page.indexOf("/vault/sparql?output=text&amp;query=");
        String link = page.substring(at, page.indexOf('"', at)).replace("&amp;", "&");
        HttpResponse<String> response = get(link, null);
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void tagPageIsServedAtItsPermalink() throws Exception {
        HttpResponse<String> response = get("/research/tags/hypoxic-cultured-autologous-mesenchymal-stem-cells-ms-cs/", "text/html");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("<span class=\"dataview small-text\">4</span>"), response.body());
        assertTrue(response.body().contains("<h1 id=\"tagged-content\">Tagged Content</h1>"), response.body());
        assertTrue(response.body().contains("href=\"/note/Research/Insights/2025-01-30%2014-48-20\""), "result links lead to the notes' pages: " + response.body());
    }

    @Test
    void unknownPathsAre404() throws Exception {
        assertEquals(404, get("/no/such/page/", "text/html").statusCode());
    }

    @Test
    void theEditorsFilesAreServedFromTheJarAndNothingElseIs() throws Exception {
        HttpResponse<String> js = get("/static/yasgui/yasgui.min.js", null);
        assertEquals(200, js.statusCode());
        assertTrue(js.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertTrue(js.body().length() > 100_000, "the bundled YASGUI");
        assertEquals(200, get("/static/yasgui/yasgui.min.css", null).statusCode());
        for (String path : List.of("/static/yasgui/../../log4j2.properties", "/static/yasgui/", "/static/vaultgraph.ttl",
                "/org/vaultgraph/server/static/yasgui/yasgui.min.js")) {
            assertEquals(404, get(path, null).statusCode(), path);
        }
    }

    @Test
    void theLandingPageStartsTheEditorWithTheQueriesForAnyVaultThenTheTagTable() throws Exception {
        String page = get("/", "text/html").body();
        assertTrue(page.contains("<script src=\"/static/yasgui/yasgui.min.js\"></script>"), page);
        int json = page.indexOf("<script type=\"application/json\" id=\"vaultgraph-queries\">");
        assertTrue(json > 0, page);
        String queries = page.substring(json, page.indexOf("</script>", json));
        assertTrue(queries.startsWith("<script type=\"application/json\" id=\"vaultgraph-queries\">[{\"name\":\"top-tags\""), queries);
        assertTrue(queries.indexOf("{\"name\":\"orphans\"") < queries.indexOf("{\"name\":\"tag-table\""), queries);
        assertTrue(queries.contains("Hypoxic-Cultured Autologous Mesenchymal Stem Cells (MSCs)"), queries);
        assertTrue(!queries.contains("</"), "no end tag can close the script early");
        assertTrue(page.contains("newest first, with each insight") && page.contains("These are the rows of the table that the concept note"),
                "each query's description whole in the list: " + page);
    }
}
