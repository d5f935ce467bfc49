package org.vaultgraph.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultgraph.SampleVault;
import org.vaultgraph.rdf.IriMinter;
import org.vaultgraph.render.GardenPublisher;
import org.vaultgraph.store.SyncedStore;
import org.vaultgraph.store.VaultLoader;

/**
 * The server as an attacker sees it, each attack sent over HTTP to the running server. A listener on a
 * free port proves that nothing was fetched; a file planted outside the vault, holding a marker, proves
 * that nothing was read. Attacks covered, one test each:
 * <ol>
 * <li>SERVICE to a loopback listener (the reported server-side request forgery), as GET, form POST and body POST</li>
 * <li>SERVICE SILENT, SERVICE inside FILTER EXISTS and inside a subquery</li>
 * <li>SERVICE with a variable endpoint bound by VALUES</li>
 * <li>SERVICE to a file: IRI</li>
 * <li>a query sent to the dataset's own URL ({@code /vault?query=}), past the endpoint checks</li>
 * <li>FROM and FROM NAMED with an http URL and a file: IRI; default-graph-uri and named-graph-uri with them</li>
 * <li>with {@code --allow-service}: a listed endpoint is called, while another path, another port, dot
 * segments, user info and a redirect to an unlisted address are not followed</li>
 * <li>with {@code --allow-service}: a listed host name that resolves to a loopback or link-local address
 * (DNS rebinding, cloud metadata)</li>
 * <li>SERVICE run straight through Jena, past the server's filters: the policy in the dataset's context still decides</li>
 * <li>LOAD of a URL and of a file: IRI (with --update, as a logged-in user)</li>
 * <li>SERVICE inside an update's WHERE clause</li>
 * <li>JSON-LD uploads with a remote @context (http URL, file: IRI)</li>
 * <li>RDF/XML uploads with external entities (XXE: a file, a URL) and with an internal DTD; multipart uploads</li>
 * <li>relative IRIs in an upload sent with a forged Host header</li>
 * <li>paths that climb out ({@code /file/../..}, encoded dots and slashes, the planted file's own path)</li>
 * <li>symbolic links in the vault to a file and a folder outside it</li>
 * <li>script in a tag page: a tag such as {@code #"><svg onload=…>}, script, event handlers, javascript: links</li>
 * <li>script in resource pages for odd IRIs and for a note whose name is markup</li>
 * <li>script in error answers (404, 400, 406, SPARQL syntax errors) and in the landing page's query parameters</li>
 * <li>script in the garden's pages (index, folder, class), the graph pages and their data, and a base whose view name
 * and html() formula are markup</li>
 * <li>a forged Host header on pages and descriptions</li>
 * <li>answers that would load or run code: an XSLT {@code stylesheet=} in XML results, a JSONP {@code callback=},
 * a query fetched by {@code query-ref=}</li>
 * </ol>
 */
class SecurityTest {
    private static final String MARKER = "planted-secret-7f3a";
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    static Path tmp;
    private static Path secretFile;
    private static Path secretFolder;
    private static Listener listener;
    private static VaultLoader.LoadedVault loaded;
    private static VaultServer server;
    private static String tagPage;

    @BeforeAll
    static void start() throws IOException {
        secretFolder = tmp.resolve("outside");
        Files.createDirectories(secretFolder);
        secretFile = secretFolder.resolve("secret.ttl");
        Files.writeString(secretFile, "<urn:secret> <urn:says> \"" + MARKER + "\" .\n");
        Files.writeString(secretFolder.resolve("secret.md"), "# Secret\n" + MARKER + "\n");
        Files.writeString(secretFolder.resolve("context.jsonld"), "{\"@context\": {\"says\": \"urn:" + MARKER + "\"}}");
        Path vault = tmp.resolve("vault");
        Files.createDirectories(vault);
        Files.writeString(vault.resolve("Hostile.md"), "---\ndg-publish: true\ntags: [insight]\n---\n"
                + "# Hostile\nA tag #\"><svg onload=alert(1)> and " + SCRIPT + " and <img src=x onerror=alert(2)>.\n\n"
                + "[click](javascript:alert(3)) <a href=\"javascript:alert(4)\">me</a> <iframe src=\"https://evil.example/\"></iframe>\n\n"
                + "```dataview\nLIST FROM #insight\n```\n\n```base\nfilters: file.hasTag(\"insight\")\nviews:\n  - type: cards\n    name: \"<img src=x onerror=alert(6)>\"\n"
                + "formulas:\n  shout: html(\"<b onclick=alert(7)>hi</b><script>alert(8)</script>\")\n```\n");
        Files.writeString(vault.resolve("\"><img src=x onerror=alert(5)>.md"), "A note whose name is markup. #insight\n");
        Files.write(vault.resolve("picture.png"), PICTURE);
        Files.createSymbolicLink(vault.resolve("Secret.md"), secretFolder.resolve("secret.md"));
        Files.createSymbolicLink(vault.resolve("secret.ttl"), secretFile);
        Files.createSymbolicLink(vault.resolve("Outside"), secretFolder);
        loaded = SampleVault.load(vault);
        GardenPublisher publisher = new GardenPublisher(SampleVault.sparql(loaded), loaded.mapper().iris());
        tagPage = publisher.permalinks().entrySet().stream().filter(e -> e.getValue().equals("Hostile.md")).findFirst().orElseThrow().getKey();
        server = VaultServer.builder().dataset(loaded.store().dataset()).iris(loaded.mapper().iris()).publisher(publisher).vaultRoot(vault)
                .landing(new LandingPage("vault", loaded.report().notes(), loaded.mapping().base())).port(0).build().start();
        listener = new Listener();
    }

    @AfterAll
    static void stop() {
        listener.close();
        server.stop();
        loaded.store().close();
    }

    /** A PNG of one pixel. */
    private static final byte[] PICTURE = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYGAAAAAEAAH2FzhVAAAAAElFTkSuQmCC");

    private static int requestsBefore;

    @BeforeEach
    void countRequests() {
        requestsBefore = listener.requests().size();
    }

    private static void assertNothingFetched() {
        assertEquals(List.of(), listener.requests().subList(requestsBefore, listener.requests().size()), "the server made requests");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(VaultServer s, String pathAndQuery, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(s.url() + pathAndQuery.replaceFirst("^/", "")));
        if (accept != null) request.header("Accept", accept);
        return send(request);
    }

    private static HttpResponse<String> query(VaultServer s, String query) throws IOException, InterruptedException {
        return get(s, "vault/sparql?query=" + encode(query), "application/sparql-results+json");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void assertRefused(HttpResponse<String> response, String reasonWord) {
        assertTrue(response.statusCode() == 400 || response.statusCode() == 403, response.statusCode() + " " + response.body());
        assertTrue(response.body().contains(reasonWord), response.body());
    }

    private static boolean graphMentionsMarker(VaultServer s) throws IOException, InterruptedException {
        HttpResponse<String> ask = get(s, "vault/sparql?query=" + encode("ASK { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } FILTER(CONTAINS(STR(?o), \""
                + MARKER + "\") || CONTAINS(STR(?p), \"" + MARKER + "\")) }"), "application/sparql-results+json");
        assertEquals(200, ask.statusCode(), ask.body());
        return ask.body().contains("true");
    }

    // ---- No outbound requests

    @Test
    void serviceToALoopbackListenerIsRefusedAndNothingIsFetched() throws Exception {
        String attack = "SELECT * WHERE { SERVICE <" + listener.url("/sparql") + "> { ?s ?p ?o } }";
        assertRefused(query(server, attack), "SERVICE is off");
        assertRefused(send(HttpRequest.newBuilder(URI.create(server.sparqlUrl())).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + encode(attack)))), "SERVICE is off");
        assertRefused(send(HttpRequest.newBuilder(URI.create(server.sparqlUrl())).header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofString(attack))), "SERVICE is off");
        assertRefused(get(server, "vault/query?query=" + encode(attack), null), "SERVICE is off");
        assertNothingFetched();
    }

    @Test
    void serviceHiddenInSilentExistsOrASubqueryIsRefused() throws Exception {
        String url = listener.url("/sparql");
        for (String attack : List.of(
                "SELECT * WHERE { SERVICE SILENT <" + url + "> { ?s ?p ?o } }",
                "SELECT * WHERE { ?x ?y ?z FILTER EXISTS { SERVICE <" + url + "> { ?s ?p ?o } } } LIMIT 1",
                "SELECT * WHERE { { SELECT * WHERE { SERVICE <" + url + "> { ?s ?p ?o } } } }",
                "ASK { OPTIONAL { SERVICE <" + url + "> { ?s ?p ?o } } }")) {
            assertRefused(query(server, attack), "SERVICE");
        }
        assertNothingFetched();
    }

    @Test
    void serviceWithAVariableEndpointIsRefused() throws Exception {
        String attack = "SELECT * WHERE { VALUES ?endpoint { <" + listener.url("/sparql") + "> } SERVICE ?endpoint { ?s ?p ?o } }";
        assertRefused(query(server, attack), "SERVICE");
        assertNothingFetched();
    }

    @Test
    void serviceToAFileIriIsRefused() throws Exception {
        HttpResponse<String> response = query(server, "SELECT * WHERE { SERVICE <" + secretFile.toUri() + "> { ?s ?p ?o } }");
        assertRefused(response, "SERVICE");
        assertFalse(response.body().contains(MARKER));
    }

    @Test
    void theDatasetsOwnUrlRunsNoQuery() throws Exception {
        String attack = "SELECT * WHERE { SERVICE SILENT <" + listener.url("/sparql") + "> { ?s ?p ?o } }";
        HttpResponse<String> response = get(server, "vault?query=" + encode(attack), "application/sparql-results+json");
        assertTrue(response.statusCode() >= 400, response.statusCode() + " " + response.body());
        HttpResponse<String> posted = send(HttpRequest.newBuilder(URI.create(server.url() + "vault")).header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofString(attack)));
        assertTrue(posted.statusCode() >= 400, posted.statusCode() + " " + posted.body());
        assertNothingFetched();
    }

    @Test
    void fromAndFromNamedChooseAmongTheVaultsGraphsAndFetchNothing() throws Exception {
        String url = listener.url("/data.ttl");
        String file = secretFile.toUri().toString();
        for (String attack : List.of(
                "SELECT * FROM <" + url + "> WHERE { ?s ?p ?o }",
                "SELECT * FROM NAMED <" + url + "> WHERE { GRAPH ?g { ?s ?p ?o } }",
                "SELECT * FROM <" + file + "> WHERE { ?s ?p ?o }",
                "SELECT * FROM NAMED <" + file + "> WHERE { GRAPH ?g { ?s ?p ?o } }")) {
            HttpResponse<String> response = query(server, attack);
            assertEquals(200, response.statusCode(), response.body());
            assertFalse(response.body().contains(MARKER) || response.body().contains("fetched"), response.body());
        }
        for (String parameter : List.of("default-graph-uri", "named-graph-uri")) {
            for (String graph : List.of(url, file)) {
                HttpResponse<String> response = get(server, "vault/sparql?query=" + encode("SELECT * WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }")
                        + "&" + parameter + "=" + encode(graph), "application/sparql-results+json");
                assertEquals(200, response.statusCode(), response.body());
                assertFalse(response.body().contains(MARKER) || response.body().contains("fetched"), response.body());
            }
        }
        assertNothingFetched();
    }

    @Test
    void withAllowServiceOnlyTheListedEndpointIsCalled() throws Exception {
        try (Listener other = new Listener();
             VaultServer federating = VaultServer.builder().dataset(loaded.store().dataset()).iris(loaded.mapper().iris())
                     .allowService(List.of(listener.url("/sparql"))).port(0).build().start()) {
            HttpResponse<String> allowed = query(federating, "SELECT * WHERE { SERVICE <" + listener.url("/sparql") + "> { ?s ?p ?o } }");
            assertEquals(200, allowed.statusCode(), allowed.body());
            assertEquals(1, listener.requests().size() - requestsBefore, "the listed endpoint is called: " + listener.requests());
            requestsBefore = listener.requests().size();

            String port = listener.url("").replaceFirst(".*:", "");
            for (String target : List.of(listener.url("/other"), other.url("/sparql"), listener.url("/sparql/../admin"),
                    listener.url("/sparql/%2e%2e/admin"), "http://user@127.0.0.1:" + port + "/sparql", "http://localhost:" + port + "/sparql",
                    "https://127.0.0.1:" + port + "/sparql")) {
                assertRefused(query(federating, "SELECT * WHERE { SERVICE <" + target + "> { ?s ?p ?o } }"), "SERVICE");
            }
            assertNothingFetched();
            assertEquals(List.of(), other.requests());

            // A listed endpoint that redirects elsewhere is not followed.
            listener.redirectTo(other.url("/sparql"));
            try (VaultServer redirected = VaultServer.builder().dataset(loaded.store().dataset()).iris(loaded.mapper().iris())
                    .allowService(List.of(listener.url("/redirect"))).port(0).build().start()) {
                HttpResponse<String> response = query(redirected, "SELECT * WHERE { SERVICE <" + listener.url("/redirect") + "> { ?s ?p ?o } }");
                assertTrue(response.statusCode() != 200, response.statusCode() + " " + response.body());
            }
            assertEquals(List.of(), other.requests(), "the redirect was followed");
        }
    }

    @Test
    void allowServiceRefusesPrefixesThatAreNotHttpUrlsWithAHost() {
        for (String bad : List.of("file:///etc/", "http://", "ftp://example.org/", "http://user@example.org/", "http://example.org/a/../b")) {
            try {
                VaultServer.builder().allowService(List.of(bad));
                throw new AssertionError("accepted " + bad);
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage().contains(bad), expected.getMessage());
            }
        }
    }

    @Test
    void aNameThatResolvesToLoopbackOrLinkLocalNeedsTheAddressListed() throws Exception {
        OutboundPolicy.Resolver dns = host -> switch (host) {
            case "rebound.example" -> new java.net.InetAddress[] {java.net.InetAddress.getByName("127.0.0.1")};
            case "metadata.example" -> new java.net.InetAddress[] {java.net.InetAddress.getByName("169.254.169.254")};
            default -> new java.net.InetAddress[] {java.net.InetAddress.getByName("192.0.2.10")};
        };
        OutboundPolicy policy = OutboundPolicy.of(List.of("http://rebound.example/sparql", "http://metadata.example/",
                "http://public.example/sparql", "http://127.0.0.1:8080/"), dns);
        for (String internal : List.of("http://rebound.example/sparql", "http://metadata.example/latest/meta-data")) {
            assertEquals(null, policy.refusal(internal), "the name is listed");
            String refusal = policy.refusalAfterResolving(internal);
            assertTrue(refusal != null && refusal.contains("internal address"), internal + ": " + refusal);
        }
        assertEquals(null, policy.refusalAfterResolving("http://public.example/sparql"));
        assertEquals(null, policy.refusalAfterResolving("http://127.0.0.1:8080/sparql"), "listed by its address");
    }

    @Test
    void whereSparqlRunsServiceIsCheckedToo() throws Exception {
        // Straight to Jena, past every filter: the policy installed in the dataset's context decides.
        org.apache.jena.sparql.core.DatasetGraph dataset = org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem();
        String service = "SELECT * WHERE { SERVICE <" + listener.url("/sparql") + "> { ?s ?p ?o } }";
        OutboundPolicy.none().install(dataset.getContext());
        try {
            org.apache.jena.sparql.exec.QueryExec.dataset(dataset).query(service).select().materialize();
            throw new AssertionError("SERVICE ran");
        } catch (org.apache.jena.query.QueryDeniedException expected) {
            assertTrue(expected.getMessage().contains("SERVICE"), expected.getMessage());
        }
        String silent = "SELECT * WHERE { SERVICE SILENT ?endpoint { ?s ?p ?o } VALUES ?endpoint { <" + listener.url("/sparql") + "> } }";
        OutboundPolicy.of(List.of(listener.url("/other"))).install(dataset.getContext());
        try {
            org.apache.jena.sparql.exec.QueryExec.dataset(dataset).query(silent).select().materialize();
            throw new AssertionError("SERVICE ran");
        } catch (org.apache.jena.query.QueryDeniedException expected) {
            assertTrue(expected.getMessage().contains("not under an endpoint"), expected.getMessage());
        }
        assertNothingFetched();
        OutboundPolicy.of(List.of(listener.url("/sparql"))).install(dataset.getContext());
        org.apache.jena.sparql.exec.QueryExec.dataset(dataset).query(service).select().materialize();
        assertEquals(1, listener.requests().size() - requestsBefore, "a listed endpoint is called: " + listener.requests());
    }

    // ---- Writes: LOAD, SERVICE in updates, uploads

    /** Runs the body against a server with --update on a TDB2 store; sends requests as a logged-in user. */
    private static void withWritableServer(Consumer<VaultServer> body) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "writable");
        Path passwords = dir.resolve("passwords");
        Files.writeString(passwords, "editor: s3cret\n");
        VaultLoader loader = VaultLoader.builder().zone(ZoneOffset.UTC).build();
        try (SyncedStore synced = SyncedStore.onDisk(SampleVault.ROOT, dir.resolve("tdb"), loader, line -> { });
             VaultServer writable = VaultServer.builder().dataset(synced.store().dataset()).iris(synced.mapper().iris())
                     .updates(passwords).port(0).build().start()) {
            body.accept(writable);
        }
    }

    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("editor:s3cret".getBytes(StandardCharsets.UTF_8));

    private static HttpResponse<String> update(VaultServer s, String update) {
        return sendUnchecked(HttpRequest.newBuilder(URI.create(s.url() + "vault/update")).header("Authorization", AUTH)
                .header("Content-Type", "application/sparql-update").POST(HttpRequest.BodyPublishers.ofString(update)));
    }

    private static HttpResponse<String> upload(VaultServer s, String contentType, String body) {
        return sendUnchecked(HttpRequest.newBuilder(URI.create(s.url() + "vault/data?graph=" + encode("urn:team:upload")))
                .header("Authorization", AUTH).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> sendUnchecked(HttpRequest.Builder request) {
        try {
            return send(request);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean markerIn(VaultServer s) {
        try {
            return graphMentionsMarker(s);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void loadOfAUrlOrAFileIsRefused() throws Exception {
        withWritableServer(s -> {
            assertRefused(update(s, "LOAD <" + listener.url("/data.ttl") + ">"), "LOAD is not accepted");
            assertRefused(update(s, "LOAD SILENT <" + listener.url("/data.ttl") + "> INTO GRAPH <urn:team:x>"), "LOAD is not accepted");
            assertRefused(update(s, "LOAD <" + secretFile.toUri() + ">"), "LOAD is not accepted");
            assertRefused(sendUnchecked(HttpRequest.newBuilder(URI.create(s.url() + "vault/update")).header("Authorization", AUTH)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("update=" + encode("LOAD <" + secretFile.toUri() + ">")))), "LOAD is not accepted");
            assertFalse(markerIn(s));
            HttpResponse<String> fine = update(s, "INSERT DATA { GRAPH <urn:team:notes> { <urn:team:a> <urn:team:b> \"ok\" } }");
            assertTrue(fine.statusCode() < 300, fine.statusCode() + " " + fine.body());
        });
        assertNothingFetched();
    }

    @Test
    void serviceInAnUpdateIsRefused() throws Exception {
        withWritableServer(s -> assertRefused(update(s, "INSERT { GRAPH <urn:team:x> { ?s ?p ?o } } WHERE { SERVICE <"
                + listener.url("/sparql") + "> { ?s ?p ?o } }"), "SERVICE is off"));
        assertNothingFetched();
    }

    @Test
    void jsonLdWithARemoteContextIsRefused() throws Exception {
        withWritableServer(s -> {
            for (String context : List.of(listener.url("/context.jsonld"), secretFolder.resolve("context.jsonld").toUri().toString())) {
                String body = "{\"@context\": \"" + context + "\", \"@id\": \"urn:team:a\", \"says\": \"hello\"}";
                HttpResponse<String> response = upload(s, "application/ld+json", body);
                assertEquals(400, response.statusCode(), response.body());
                assertTrue(response.body().contains("remote JSON-LD contexts are not fetched"), response.body());
                String imported = "{\"@context\": {\"@import\": \"" + context + "\"}, \"@id\": \"urn:team:a\", \"says\": \"hello\"}";
                assertEquals(400, upload(s, "application/ld+json", imported).statusCode());
            }
            assertFalse(markerIn(s));
            HttpResponse<String> inline = upload(s, "application/ld+json",
                    "{\"@context\": {\"says\": \"urn:team:says\"}, \"@id\": \"urn:team:a\", \"says\": \"hello\"}");
            assertTrue(inline.statusCode() < 300, inline.statusCode() + " " + inline.body());
        });
        assertNothingFetched();
    }

    @Test
    void rdfXmlWithExternalEntitiesOrADtdIsRefused() throws Exception {
        String rdf = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:t=\"urn:team:\">"
                + "<rdf:Description rdf:about=\"urn:team:a\"><t:says>&x;</t:says></rdf:Description></rdf:RDF>";
        withWritableServer(s -> {
            for (String dtd : List.of("<!DOCTYPE rdf:RDF [<!ENTITY x SYSTEM \"" + secretFile.toUri() + "\">]>",
                    "<!DOCTYPE rdf:RDF [<!ENTITY x SYSTEM \"" + listener.url("/xxe") + "\">]>",
                    "<!DOCTYPE rdf:RDF SYSTEM \"" + listener.url("/dtd") + "\" [<!ENTITY x \"inline\">]>",
                    "<!DOCTYPE rdf:RDF [<!ENTITY x \"inline\">]>")) {
                for (String type : List.of("application/rdf+xml", "application/trix+xml")) {
                    HttpResponse<String> response = upload(s, type, "<?xml version=\"1.0\"?>" + dtd + rdf);
                    assertEquals(400, response.statusCode(), response.body());
                    assertTrue(response.body().contains("DTD"), response.body());
                }
            }
            HttpResponse<String> multipart = upload(s, "multipart/form-data; boundary=x",
                    "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.rdf\"\r\n\r\n" + rdf + "\r\n--x--\r\n");
            assertEquals(415, multipart.statusCode(), multipart.body());
            assertFalse(markerIn(s));
            HttpResponse<String> plain = upload(s, "application/rdf+xml", rdf.replace("&x;", "plain"));
            assertTrue(plain.statusCode() < 300, plain.statusCode() + " " + plain.body());
        });
        assertNothingFetched();
    }

    @Test
    void relativeIrisInAnUploadResolveAgainstTheVaultBaseNotTheHostHeader() throws Exception {
        withWritableServer(s -> {
            try {
                RawHttp.Response response = RawHttp.send("127.0.0.1", s.port(), "PUT /vault/data?graph=urn:team:rel HTTP/1.0\nHost: evil.example\n"
                        + "Authorization: " + AUTH + "\nContent-Type: text/turtle", "<relative> <urn:team:p> \"x\" .\n");
                assertTrue(response.status() < 300, response.status() + " " + response.body());
                String subjects = query(s, "SELECT ?s WHERE { GRAPH <urn:team:rel> { ?s ?p ?o } }").body();
                assertFalse(subjects.contains("evil.example"), subjects);
                assertTrue(subjects.contains(new IriMinter("http://127.0.0.1:3030/").base() + "relative"), subjects);
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        });
    }

    // ---- No files read

    @Test
    void pathsThatClimbOutOfTheVaultReadNothing() throws Exception {
        String absolute = secretFile.toAbsolutePath().toString();
        for (String path : List.of("/file/../../../../../.." + absolute, "/file/%2e%2e/%2e%2e/%2e%2e/%2e%2e" + absolute,
                "/file/..%2f..%2f..%2f..%2f.." + absolute.replace("/", "%2f"), "/note/..%2F..%2Fsecret.md", "/file" + absolute,
                "/file/" + encode(absolute), "/static/yasgui/..%2f..%2f..%2f..%2f.." + absolute, "/file/%252e%252e/%252e%252e" + absolute,
                "/..;/..;" + absolute, absolute, "/vault/get?graph=" + encode(secretFile.toUri().toString()))) {
            RawHttp.Response response = RawHttp.get("127.0.0.1", server.port(), path, "127.0.0.1");
            assertTrue(response.status() >= 400, path + ": " + response.status() + " " + response.body());
            assertFalse(response.body().contains(MARKER), path + ": " + response.body());
        }
    }

    @Test
    void anAttachmentIsServedAsItselfAndNothingOutsideTheVaultIs() throws Exception {
        HttpResponse<byte[]> picture = http.send(HttpRequest.newBuilder(URI.create(server.url() + "file/picture.png")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, picture.statusCode());
        assertEquals("image/png", picture.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(PICTURE, picture.body());
        assertTrue(picture.headers().firstValue("Content-Security-Policy").orElse("").contains("sandbox"), "a file never runs as a page of the site");
        for (String path : List.of("file/secret.ttl", "file/Outside/secret.ttl", "file/Outside/secret.md", "file/Secret.md")) {
            for (String accept : List.of("*/*", "text/turtle", "image/png")) {
                HttpResponse<String> response = get(server, path, accept);
                assertTrue(response.statusCode() == 404 || response.statusCode() == 406, path + " " + accept + ": " + response.statusCode());
                assertFalse(response.body().contains(MARKER), path);
            }
        }
    }

    @Test
    void symbolicLinksInTheVaultAreNotFollowed() throws Exception {
        assertFalse(graphMentionsMarker(server), "the graph holds nothing from outside the vault");
        for (String path : List.of("note/Secret", "file/secret.ttl", "note/Outside/secret", "file/Outside/secret.ttl")) {
            HttpResponse<String> response = get(server, path, "text/turtle");
            assertEquals(404, response.statusCode(), path + ": " + response.body());
            assertFalse(response.body().contains(MARKER), path);
        }
    }

    // ---- No injected script

    private static void assertNoMarkup(String where, HttpResponse<String> response, String... raw) {
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), where);
        if (!type.startsWith("text/html")) return;
        for (String r : raw) assertFalse(response.body().contains(r), where + " echoes " + r + ": " + response.body());
    }

    @Test
    void aTagPageShowsHostileMarkupAsTextOrNotAtAll() throws Exception {
        HttpResponse<String> page = get(server, tagPage, "text/html");
        assertEquals(200, page.statusCode(), tagPage);
        assertTrue(page.body().contains("<h1 id=\"hostile\">Hostile</h1>"), page.body());
        assertTrue(page.body().contains("<ul class=\"dataview list-view-ul\">") || page.body().contains("dataview"), page.body());
        assertNoActiveMarkup(tagPage, page.body());
        assertTrue(page.body().contains("&lt;img src=x onerror=alert(5)&gt;"), "a name that is markup is shown as text: " + page.body());
        assertNoMarkup(tagPage, page);
    }

    /** Parses the page as a browser would and finds no script, frame, form, event handler or javascript: URL in it. */
    private static void assertNoActiveMarkup(String where, String html) {
        for (org.jsoup.nodes.Element element : org.jsoup.Jsoup.parse(html).getAllElements()) {
            String tag = element.tagName().toLowerCase(Locale.ROOT);
            assertFalse(List.of("script", "iframe", "object", "embed", "form", "base").contains(tag), where + " has <" + tag + ">: " + element);
            for (org.jsoup.nodes.Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = attribute.getValue().strip().toLowerCase(Locale.ROOT);
                assertFalse(name.startsWith("on"), where + " has an event handler: " + element);
                assertFalse(value.startsWith("javascript:") || value.startsWith("data:text/html"), where + " has a script URL: " + element);
            }
        }
    }

    @Test
    void resourcePagesEscapeOddIris() throws Exception {
        String markupNote = "note/" + IriMinter.encodePath("\"><img src=x onerror=alert(5)>");
        HttpResponse<String> note = get(server, markupNote, "text/html");
        assertEquals(200, note.statusCode(), note.body());
        assertFalse(note.body().contains("<img src=x"), note.body());
        assertTrue(note.body().contains("&lt;img src=x onerror=alert(5)&gt;"), note.body());
        for (String path : List.of("note/" + encode(SCRIPT), "tag/%22%3E%3Csvg%20onload%3Dalert(1)%3E", "note/%3Cscript%3Ealert(1)%3C/script%3E.html",
                "field/" + encode(SCRIPT) + "?format=html")) {
            assertNoMarkup(path, get(server, path, "text/html"), SCRIPT, "<svg onload");
        }
    }

    @Test
    void errorAnswersAndTheLandingPageEchoNoMarkup() throws Exception {
        String encoded = encode(SCRIPT);
        assertNoMarkup("landing", get(server, "?q=" + encoded + "&format=" + encoded + "&query=" + encoded, "text/html"), SCRIPT);
        assertNoMarkup("unknown path", get(server, "nothing/" + encoded, "text/html"), SCRIPT);
        assertNoMarkup("unknown format", get(server, "ns?format=" + encoded, "text/html"), SCRIPT);
        assertNoMarkup("unknown dataset path", get(server, "vault/" + encoded, "text/html"), SCRIPT);
        assertNoMarkup("syntax error", get(server, "vault/sparql?query=" + encode("SELECT * WHERE { " + SCRIPT + " }"), "text/html"), SCRIPT);
        assertNoMarkup("graph store", get(server, "vault/get?graph=" + encoded, "text/html"), SCRIPT);
        HttpResponse<String> notAcceptable = send(HttpRequest.newBuilder(URI.create(server.url() + "ns")).header("Accept", "text/" + SCRIPT.replace("/", "")));
        assertNoMarkup("406", notAcceptable, SCRIPT);
    }

    @Test
    void theGardenGraphAndBasePagesEchoNoMarkup() throws Exception {
        String encoded = encode(SCRIPT);
        String markupNote = IriMinter.encodePath("\"><img src=x onerror=alert(5)>");
        for (String path : List.of("index", "folder/" + encoded, "class?iri=" + encoded, "graph", "graph/note/" + markupNote, "graph/note/" + encoded,
                "graph.json?focus=" + encoded, "graph.json?tag=" + encoded + "&class=" + encoded + "&kind=" + encoded, "graph.json?depth=" + encoded)) {
            HttpResponse<String> page = get(server, path, "text/html");
            assertTrue(page.statusCode() < 500, path + ": " + page.statusCode());
            assertNoMarkup(path, page, SCRIPT, "<img src=x", "<svg onload");
            // The graph pages hold the server's own controls form and scripts; the garden's pages hold none.
            if (!path.startsWith("graph") && page.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) assertNoActiveMarkup(path, page.body());
        }
        HttpResponse<String> hostile = get(server, tagPage, "text/html");
        assertTrue(hostile.body().contains("obsidian-bases-views"), "the base is drawn: " + hostile.body());
        assertNoActiveMarkup(tagPage, hostile.body());
        assertFalse(hostile.body().contains("alert(8)</script>"), hostile.body());
    }

    @Test
    void answersThatWouldLoadOrRunCodeAreRefused() throws Exception {
        String ask = "vault/sparql?query=" + encode("ASK {}");
        HttpResponse<String> stylesheet = get(server, ask + "&output=xml&stylesheet=" + encode(listener.url("/evil.xsl")), null);
        assertEquals(400, stylesheet.statusCode(), stylesheet.body());
        assertFalse(stylesheet.body().contains("xml-stylesheet"), stylesheet.body());
        HttpResponse<String> jsonp = get(server, ask + "&output=json&callback=" + encode("alert(document.domain)//"), null);
        assertEquals(400, jsonp.statusCode(), jsonp.body());
        assertFalse(jsonp.body().contains("alert(document.domain)"), jsonp.body());
        HttpResponse<String> queryRef = get(server, "vault/sparql?query-ref=" + encode(listener.url("/query.rq")), null);
        assertTrue(queryRef.statusCode() >= 400, queryRef.body());
        assertNothingFetched();
    }

    @Test
    void aForgedHostHeaderEndsUpInNoPageAndNoIri() throws Exception {
        String note = "/note/" + IriMinter.encodePath("Hostile");
        for (String path : List.of("/", note, tagPage, "/ns")) {
            for (String accept : List.of("text/html", "text/turtle", "application/ld+json")) {
                RawHttp.Response response = RawHttp.send("127.0.0.1", server.port(), "GET " + path + " HTTP/1.0\nHost: forged-host.example\nAccept: " + accept, null);
                assertTrue(response.status() < 400, path + " " + response.status());
                assertFalse(response.body().contains("forged-host"), path + " as " + accept + ": " + response.body());
            }
        }
    }
}
