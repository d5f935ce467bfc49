package org.vaultgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultgraph.SampleVault;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.render.GardenPublisher;
import org.vaultgraph.store.SyncedStore;
import org.vaultgraph.store.VaultLoader;

/** The endpoint's defaults, each checked over HTTP against the running server. */
class EndpointSecurityTest {
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final String CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder query(VaultServer server, String query) {
        return HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Accept", "text/csv");
    }

    private static VaultServer.Builder sampleServer(VaultLoader.LoadedVault loaded) {
        return VaultServer.builder().dataset(loaded.store().dataset()).iris(loaded.mapper().iris())
                .publisher(new GardenPublisher(SampleVault.sparql(loaded), loaded.mapper().iris())).port(0);
    }

    @Test
    void itListensOnLoopbackOnlyByDefault() {
        VaultLoader.LoadedVault loaded = SampleVault.load();
        try (VaultServer server = sampleServer(loaded).build().start()) {
            assertEquals("127.0.0.1", server.boundHost());
            assertTrue(server.url().startsWith("http://127.0.0.1:"));
        } finally {
            loaded.store().close();
        }
    }

    @Test
    void aRunawayQueryIsStoppedAndOthersAreStillAnswered() throws Exception {
        VaultLoader.LoadedVault loaded = SampleVault.load();
        try (VaultServer server = sampleServer(loaded).queryTimeoutMillis(500).build().start()) {
            HttpResponse<String> runaway = send(query(server, CARTESIAN));
            assertEquals(503, runaway.statusCode(), runaway.body());
            // a regex that backtracks on every pair of literals; counted, so no row is streamed before the limit
            String regex = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o . ?t ?q ?v FILTER(REGEX(CONCAT(STR(?o), STR(?v)), \"^(a|aa|.)*[.]$\")) }";
            HttpResponse<String> stopped = send(query(server, regex));
            assertEquals(503, stopped.statusCode(), stopped.body());
            HttpResponse<String> after = send(query(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/vaultgraph/ns#Insight> }"));
            assertEquals(200, after.statusCode());
            assertTrue(after.body().contains("10"), after.body());
        } finally {
            loaded.store().close();
        }
    }

    @Test
    void rowsAreCappedAndLargeRequestsRefused() throws Exception {
        VaultLoader.LoadedVault loaded = SampleVault.load();
        try (VaultServer server = sampleServer(loaded).maxRows(5).maxRequestBytes(2000).build().start()) {
            HttpResponse<String> capped = send(query(server, "SELECT * WHERE { ?s ?p ?o }"));
            assertEquals(200, capped.statusCode());
            assertEquals(6, capped.body().strip().lines().count(), "a header line and five rows: " + capped.body());
            assertEquals("5", capped.headers().firstValue(QueryLimitsFilter.ROW_CAP_HEADER).orElse(""));
            HttpResponse<String> small = send(query(server, "SELECT * WHERE { ?s ?p ?o } LIMIT 3"));
            assertTrue(small.headers().firstValue(QueryLimitsFilter.ROW_CAP_HEADER).isEmpty());

            String big = "SELECT * WHERE { ?s ?p ?o } # " + "x".repeat(5000);
            HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(server.sparqlUrl()))
                    .header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString(big)));
            assertEquals(413, refused.statusCode());
        } finally {
            loaded.store().close();
        }
    }

    @Test
    void corsAllowsReadsFromAnywhereAndNoWrites() throws Exception {
        VaultLoader.LoadedVault loaded = SampleVault.load();
        try (VaultServer server = sampleServer(loaded).build().start()) {
            HttpResponse<String> read = send(query(server, "ASK {}").header("Origin", "https://tools.example"));
            assertEquals(200, read.statusCode());
            assertEquals("*", read.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(server.url() + "vault/data"))
                    .header("Origin", "https://tools.example").header("Access-Control-Request-Method", "PUT")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
            String allowed = preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("");
            assertFalse(allowed.contains("PUT") || allowed.contains("DELETE"), allowed);
            HttpResponse<String> write = send(HttpRequest.newBuilder(URI.create(server.url() + "vault/update"))
                    .header("Origin", "https://evil.example").header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { <urn:a> <urn:b> <urn:c> }")));
            assertEquals(403, write.statusCode());
        } finally {
            loaded.store().close();
        }
    }

    @Test
    void pagesEscapeWhatNotesSayAndSendSecurityHeaders(@TempDir Path tmp) throws Exception {
        Path vault = tmp.resolve("vault");
        Files.createDirectories(vault);
        Files.writeString(vault.resolve("<script>alert(1)<script>.md"), "---\ntitle: \"<img src=x onerror=alert(2)>\"\n---\n"
                + "# Tagged\n```dataview\nLIST FROM [[]]\n```\n<script>alert(3)</script>\n");
        Files.writeString(vault.resolve("Other.md"), "Links to [[<script>alert(1)<script>]] and says <b onmouseover=alert(4)>hi</b>\n");
        VaultLoader.LoadedVault loaded = SampleVault.load(vault);
        try (VaultServer server = sampleServer(loaded).landing(new LandingPage("vault", 2, loaded.mapping().base())).build().start()) {
            String notePath = "note/" + org.vaultgraph.rdf.IriMinter.encodePath("<script>alert(1)<script>");
            for (String path : new String[] {notePath, "note/Other", ""}) {
                HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(server.url() + path)).header("Accept", "text/html"));
                assertEquals(200, page.statusCode(), path);
                assertFalse(page.body().contains("<script>alert"), path + ": " + page.body());
                assertFalse(page.body().contains("<img src=x"), path);
                assertFalse(page.body().contains("<b onmouseover"), path);
                assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
                assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
                assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"), path);
            }
            HttpResponse<String> resource = send(HttpRequest.newBuilder(URI.create(server.url() + notePath)).header("Accept", "text/html"));
            assertTrue(resource.body().contains("&lt;script&gt;alert(1)&lt;script&gt;"), resource.body());
        } finally {
            loaded.store().close();
        }
    }

    @Test
    void writesNeedCredentialsAndSurviveARestart(@TempDir Path tmp) throws Exception {
        Path passwords = tmp.resolve("passwords");
        Files.writeString(passwords, "editor: s3cret\n");
        Path tdb = tmp.resolve("tdb");
        VaultLoader loader = VaultLoader.builder().zone(ZoneOffset.UTC).build();
        String insert = "INSERT DATA { GRAPH <urn:team:notes> { <urn:team:a> <urn:team:says> \"reviewed\" } }";
        String auth = "Basic " + Base64.getEncoder().encodeToString("editor:s3cret".getBytes(StandardCharsets.UTF_8));
        try (SyncedStore synced = SyncedStore.onDisk(SampleVault.ROOT, tdb, loader, line -> { });
             VaultServer server = VaultServer.builder().dataset(synced.store().dataset()).iris(synced.mapper().iris())
                     .updates(passwords).port(0).build().start()) {
            HttpRequest.Builder update = HttpRequest.newBuilder(URI.create(server.url() + "vault/update"))
                    .header("Content-Type", "application/sparql-update").POST(HttpRequest.BodyPublishers.ofString(insert));
            assertEquals(401, send(update).statusCode(), "no credentials, no write");
            HttpResponse<String> written = send(update.header("Authorization", auth));
            assertTrue(written.statusCode() == 200 || written.statusCode() == 204, written.statusCode() + " " + written.body());
            assertTrue(send(query(server, "SELECT ?o WHERE { GRAPH <urn:team:notes> { ?s ?p ?o } }")).body().contains("reviewed"));
            HttpResponse<String> readOnlyStill = send(query(server, "ASK { ?s ?p ?o }"));
            assertEquals(200, readOnlyStill.statusCode(), "reads need no credentials");
        }
        try (SyncedStore reopened = SyncedStore.onDisk(SampleVault.ROOT, tdb, loader, line -> { })) {
            String after = SparqlService.local(reopened.store().dataset())
                    .select(org.apache.jena.query.QueryFactory.create("SELECT ?o WHERE { GRAPH <urn:team:notes> { ?s ?p ?o } }"))
                    .next().get("o").getLiteralLexicalForm();
            assertEquals("reviewed", after, "the write survived a restart and the sync left it alone");
        }
    }
}
