package org.vaultgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultgraph.vault.VaultException;

/** The Java API on the sample vault: what it reads, answers, writes and serves, through real Jena and a real server. */
class VaultGraphTest {
    private static final Path VAULT = Path.of("data/vault");

    @Test
    void aQueryIsCheckedBeforeTheVaultIsRead(@TempDir Path tmp) {
        try (VaultGraph graph = VaultGraph.builder().vault(tmp.resolve("not yet there")).build()) {
            IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                    () -> graph.bind(Path.of("queries/tag-table.rq"), Map.of()));
            assertTrue(missing.getMessage().contains("tag"), missing.getMessage());
            assertThrows(VaultException.class, graph::read, "only reading finds the folder missing");
        }
    }

    @Test
    void queriesResolveAgainstTheBaseAndAnswerInEveryShape() {
        try (VaultGraph graph = VaultGraph.builder().vault(VAULT).base("https://example.org/lab/").build()) {
            SparqlAnswer rows = graph.query("SELECT ?path WHERE { <note/Research/Tags/L4-L5> <https://w3id.org/vaultgraph/ns#path> ?path }");
            assertEquals(java.util.List.of("path"), rows.variables());
            assertEquals(java.util.List.of(Map.of("path", "Research/Tags/L4-L5.md")), rows.rows());
            assertTrue(graph.query("ASK { ?s a <https://w3id.org/vaultgraph/ns#Insight> }").bool());
            assertFalse(graph.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <note/Research/Tags/L4-L5> { ?s ?p ?o } }").graph().isEmpty());
            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            rows.write(csv, "csv");
            assertEquals("path\r\nResearch/Tags/L4-L5.md\r\n", csv.toString(StandardCharsets.UTF_8));
            assertThrows(IllegalArgumentException.class, () -> graph.dql("LIST", "No Such Note"));
            assertEquals(java.util.List.of("value"), graph.dql("LIST FROM #insight").headings());
        }
    }

    @Test
    void anExportStreamedFromTheFilesHoldsWhatATdbStoreHolds(@TempDir Path tmp) {
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        ByteArrayOutputStream stored = new ByteArrayOutputStream();
        try (VaultGraph graph = VaultGraph.builder().vault(VAULT).build()) {
            Exported exported = graph.export("nquads", streamed);
            assertTrue(exported.statements() > 0 && exported.quads());
        }
        try (VaultGraph graph = VaultGraph.builder().vault(VAULT).tdb(tmp.resolve("tdb")).build()) {
            assertEquals(-1, graph.export("trig", stored).statements(), "written from the store, which does not count");
        }
        assertEquals(quads(streamed.toByteArray(), Lang.NQUADS), quads(stored.toByteArray(), Lang.TRIG));
        assertThrows(IllegalArgumentException.class, () -> VaultGraph.builder().vault(VAULT).build().export("pdf", new ByteArrayOutputStream()));
    }

    @Test
    void publishesOnlyWhatSaysSoAndServesOnAFreePort(@TempDir Path tmp) throws Exception {
        try (VaultGraph graph = VaultGraph.builder().vault(VAULT).build()) {
            Published published = graph.publish(Publishing.site(tmp));
            assertTrue(published.pages() > 0 && !published.skipped().isEmpty(), published.toString());
            try (var files = Files.walk(tmp)) {
                assertEquals(published.written(), files.filter(Files::isRegularFile).filter(f -> !f.endsWith(SiteWriter.MANIFEST)).count(),
                        "pages, the home page and attachments (the list of files written is not counted)");
            }
            for (var skipped : published.skipped()) {
                assertTrue(skipped.reason().contains("dg-publish"), skipped.toString());
                String name = Path.of(skipped.path()).getFileName().toString().replace(".md", "").toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
                try (var files = Files.walk(tmp)) {
                    assertTrue(files.noneMatch(f -> f.toString().toLowerCase(java.util.Locale.ROOT).contains(name)), "nothing of " + skipped.path() + " is written");
                }
            }
            assertEquals(0, graph.publish(Publishing.site(tmp)).written(), "a second run finds every file as it should be");
            try (GraphServer server = graph.server().port(0).start()) {
                String ask = URLEncoder.encode("ASK { ?s a <https://w3id.org/vaultgraph/ns#Insight> }", StandardCharsets.UTF_8);
                HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query=" + ask))
                        .header("Accept", "application/sparql-results+json").build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answer.statusCode());
                assertTrue(answer.body().contains("true"), answer.body());
            }
            assertThrows(IllegalStateException.class, () -> graph.watch(change -> { }, message -> { }), "a graph read once does not follow edits");
        }
    }

    private static Set<String> quads(byte[] bytes, Lang lang) {
        DatasetGraph dataset = StrictParse.parse(bytes, lang);
        Set<String> out = new TreeSet<>();
        dataset.find().forEachRemaining(q -> out.add(q.toString()));
        return out;
    }
}
