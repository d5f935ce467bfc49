package org.vaultgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vaultgraph.SampleVault;
import org.vaultgraph.StrictParse;
import org.vaultgraph.rdf.IriMinter;
import org.vaultgraph.rdf.VG;
import org.vaultgraph.render.GardenPublisher;
import org.vaultgraph.store.VaultLoader;

/** Every IRI the vault mints answers a GET on the running server, in the format the client asks for. */
class LinkedDataTest {
    private static final String MSC_PATH = "/note/Research/Tags/Hypoxic-Cultured%20Autologous%20Mesenchymal%20Stem%20Cells%20(MSCs)";
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    private static VaultLoader.LoadedVault loaded;
    private static IriMinter iris;
    private static VaultServer server;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        loaded = SampleVault.load();
        iris = loaded.mapper().iris();
        server = VaultServer.builder()
                .dataset(loaded.store().dataset())
                .iris(iris)
                .publisher(new GardenPublisher(SampleVault.sparql(loaded), iris))
                .port(0)
                .build()
                .start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        loaded.store().close();
    }

    private static HttpResponse<byte[]> get(String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)));
        if (accept != null) request.header("Accept", accept);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** What the store holds about an IRI, computed with SPARQL rather than the server's code: its graph, and triples naming it. */
    private static Graph expectedDescription(String iri) {
        DatasetGraph dataset = loaded.store().dataset();
        String query = "CONSTRUCT { ?s ?p ?o } WHERE { { GRAPH <" + iri + "> { ?s ?p ?o } } UNION "
                + "{ GRAPH ?g { ?s ?p ?o } FILTER(?s = <" + iri + "> || ?o = <" + iri + ">) } }";
        return Txn.calculateRead(dataset, () -> {
            try (QueryExecution qe = QueryExecution.create(query, org.apache.jena.query.DatasetFactory.wrap(dataset))) {
                return qe.execConstruct().getGraph();
            }
        });
    }

    @ParameterizedTest(name = "{0} gives {1}")
    @CsvSource(delimiter = '|', value = {
        "text/turtle                             | text/turtle           | TTL",
        "application/ld+json                     | application/ld+json   | JSONLD",
        "application/n-triples                   | application/n-triples | NT",
        "application/rdf+xml                     | application/rdf+xml   | RDFXML",
        "text/turtle;q=0.5, application/ld+json  | application/ld+json   | JSONLD",
        "application/rdf+xml;q=0.2, text/*;q=0.4 | text/turtle           | TTL",
        "*/*                                     | text/turtle           | TTL",
        "text/turtle;q=0, */*;q=0.1              | application/ld+json   | JSONLD",
        "Text/Turtle                             | text/turtle           | TTL",
        "application/LD+JSON                     | application/ld+json   | JSONLD",
        "application/json                        | application/json      | JSONLD",
        "text/*;q=0.4, text/turtle;q=0, text/html;q=0, application/n-triples;q=0.5 | application/n-triples | NT",
    })
    void aNoteIriAnswersInTheAcceptedRdfFormatWithTheStoresTriples(String accept, String mediaType, String lang) throws Exception {
        HttpResponse<byte[]> response = get(MSC_PATH, accept);
        assertEquals(200, response.statusCode(), text(response));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(mediaType), response.headers().toString());
        assertTrue(response.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")), response.headers().toString());
        Graph parsed = StrictParse.parse(response.body(), langOf(lang)).getDefaultGraph();
        Graph expected = expectedDescription(iris.note(SampleVault.MSC));
        assertTrue(parsed.isIsomorphicWith(expected), "description differs from the store; got " + parsed.size() + " triples, store has " + expected.size());
        assertTrue(parsed.contains(NodeFactory.createURI(iris.note(SampleVault.MSC)), RDF.type.asNode(), VG.Therapy));
    }

    private static Lang langOf(String name) {
        return switch (name) {
            case "TTL" -> Lang.TURTLE;
            case "JSONLD" -> Lang.JSONLD;
            case "NT" -> Lang.NTRIPLES;
            default -> Lang.RDFXML;
        };
    }

    @Test
    void aWeightOfZeroMeansNotThis() throws Exception {
        HttpResponse<byte[]> refused = get(MSC_PATH, "text/turtle;q=0");
        assertEquals(406, refused.statusCode(), text(refused));
        HttpResponse<byte[]> refusedAll = get(MSC_PATH, "*/*;q=0");
        assertEquals(406, refusedAll.statusCode(), text(refusedAll));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "application/n-quads | NQ",
        "application/trig    | TRIG",
        "Application/TriG    | TRIG",
    })
    void aNoteIsANamedGraphAndComesAsQuadsToo(String accept, String lang) throws Exception {
        HttpResponse<byte[]> response = get(MSC_PATH, accept);
        assertEquals(200, response.statusCode(), text(response));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT).startsWith(accept.toLowerCase(java.util.Locale.ROOT)));
        DatasetGraph parsed = StrictParse.parse(response.body(), lang.equals("NQ") ? Lang.NQUADS : Lang.TRIG);
        Node note = NodeFactory.createURI(iris.note(SampleVault.MSC));
        DatasetGraph dataset = loaded.store().dataset();
        Graph stored = Txn.calculateRead(dataset, () -> {
            Graph copy = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
            dataset.getGraph(note).find().forEachRemaining(copy::add);
            return copy;
        });
        assertTrue(parsed.getGraph(note).isIsomorphicWith(stored), "the note's named graph, as stored");
        Graph union = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        parsed.find().forEachRemaining(q -> union.add(q.asTriple()));
        assertTrue(union.isIsomorphicWith(expectedDescription(iris.note(SampleVault.MSC))), "the same statements as the triple formats");
        HttpResponse<byte[]> byParameter = get(MSC_PATH + "?format=" + (lang.equals("NQ") ? "nq" : "trig"), null);
        assertEquals(200, byParameter.statusCode());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "application/n-quads   | NQ",
        "application/trig      | TRIG",
        "application/ld+json   | JSONLD",
        "                      | NQ",
    })
    void theWholeDatasetReadGivesTheStoredQuadsInEveryFormat(String accept, String lang) throws Exception {
        HttpResponse<byte[]> response = get("/vault/get", accept);
        assertEquals(200, response.statusCode(), text(response));
        Lang parseAs = switch (lang) {
            case "NQ" -> Lang.NQUADS;
            case "TRIG" -> Lang.TRIG;
            default -> Lang.JSONLD;
        };
        DatasetGraph parsed = StrictParse.parse(response.body(), parseAs);
        DatasetGraph stored = org.apache.jena.sparql.core.DatasetGraphFactory.create();
        DatasetGraph dataset = loaded.store().dataset();
        Txn.executeRead(dataset, () -> dataset.find().forEachRemaining(stored::add));
        long parsedQuads = org.apache.jena.atlas.iterator.Iter.count(parsed.find());
        assertEquals(org.apache.jena.atlas.iterator.Iter.count(stored.find()), parsedQuads, "no quad doubled or lost");
        assertTrue(parsed.getDefaultGraph().isEmpty(), "the union is not written again as the default graph");
        assertTrue(org.apache.jena.sparql.util.IsoMatcher.isomorphic(stored, parsed), "the stored quads");
    }

    @Test
    void theWholeDatasetReadOnTdb2HoldsEachQuadOnce(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        org.vaultgraph.store.VaultLoader loader = org.vaultgraph.store.VaultLoader.builder().zone(java.time.ZoneOffset.UTC).build();
        try (org.vaultgraph.store.SyncedStore synced = org.vaultgraph.store.SyncedStore.onDisk(SampleVault.ROOT, tmp.resolve("tdb"), loader, line -> { });
             VaultServer tdb = VaultServer.builder().dataset(synced.store().dataset()).iris(synced.mapper().iris()).port(0).build().start()) {
            DatasetGraph dataset = synced.store().dataset();
            DatasetGraph stored = org.apache.jena.sparql.core.DatasetGraphFactory.create();
            Txn.executeRead(dataset, () -> dataset.find().forEachRemaining(stored::add));
            for (String accept : List.of("application/trig", "application/n-quads")) {
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(tdb.url() + "vault/get")).header("Accept", accept).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, response.statusCode(), text(response));
                DatasetGraph parsed = StrictParse.parse(response.body(), accept.endsWith("trig") ? Lang.TRIG : Lang.NQUADS);
                assertTrue(org.apache.jena.sparql.util.IsoMatcher.isomorphic(stored, parsed), accept + ": the stored quads, each once");
            }
        }
    }

    @Test
    void aBrowserGetsTheNoteRenderedWithItsClassesPropertiesAndBacklinks() throws Exception {
        HttpResponse<byte[]> response = get(MSC_PATH, BROWSER_ACCEPT);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String page = text(response);
        assertTrue(page.contains("<h1>Hypoxic-Cultured Autologous Mesenchymal Stem Cells (MSCs)</h1>"), page);
        assertTrue(page.contains("<a href=\"/research/tags/hypoxic-cultured-autologous-mesenchymal-stem-cells-ms-cs/\">Published page</a>"), page);
        assertTrue(page.contains("<a class=\"class\" href=\"/class?iri=https%3A%2F%2Fw3id.org%2Fvaultgraph%2Fns%23Therapy\">vg:Therapy</a>"), page);
        assertTrue(page.contains("<table class=\"dataview table-view-table\">"), "the note's query is drawn: " + page);
        assertFalse(page.contains("```dataview"), "no markdown is left: " + page);
        assertTrue(page.contains("<a data-tooltip-position=\"top\" aria-label=\"Research/Insights/2025-01-30 14-48-20.md\" "
                + "data-href=\"Research/Insights/2025-01-30 14-48-20.md\" href=\"/note/Research/Insights/2025-01-30%2014-48-20\""), page);
        assertTrue(page.contains("by &gt;= 25% correlates"), "statements are escaped: " + page);
        assertTrue(page.contains("<tr><th>broad-match</th><td><span>MESH:D045164</span></td></tr>"), "fields as a table: " + page);
        assertTrue(page.contains("<h2>Linked from</h2>"), page);
        assertTrue(page.contains("<li><a class=\"internal-link\" href=\"/note/Research/Insights/2025-01-30%2014-48-20\">2025-01-30 14-48-20</a>"
                + " <small class=\"folder\">Research/Insights</small> <small>"), page);
        assertFalse(page.contains("#link-"), "links are grouped under their notes: " + page);
        assertTrue(page.contains("<a href=\"?format=ttl\">Turtle</a>"), page);
    }

    @Test
    void anInsightsPageLinksOutToItsConceptsAndSource() throws Exception {
        String page = text(get("/note/Research/Insights/2025-01-30%2014-48-20", "text/html"));
        assertTrue(page.contains("href=\"/note/Research/Tags/L5-S1\""), page);
        assertTrue(page.contains("href=\"/note/Research/Sources/Elabd%20et%20al.%202016\""), page);
    }

    @Test
    void formatParameterAndExtensionWorkWithoutAnAcceptHeader() throws Exception {
        HttpResponse<byte[]> byParameter = get(MSC_PATH + "?format=nt", BROWSER_ACCEPT);
        assertEquals(200, byParameter.statusCode());
        assertTrue(byParameter.headers().firstValue("Content-Type").orElse("").startsWith("application/n-triples"));
        StrictParse.parse(byParameter.body(), Lang.NTRIPLES);
        HttpResponse<byte[]> byExtension = get("/note/Research/Tags/L4-L5.jsonld", BROWSER_ACCEPT);
        assertEquals(200, byExtension.statusCode(), text(byExtension));
        Graph parsed = StrictParse.parse(byExtension.body(), Lang.JSONLD).getDefaultGraph();
        assertTrue(parsed.isIsomorphicWith(expectedDescription(iris.note("Research/Tags/L4-L5.md"))));
    }

    @Test
    void percentEncodingIsNormalisedBeforeLookup() throws Exception {
        HttpResponse<byte[]> response = get("/note/Research/Tags/Hypoxic-Cultured%20Autologous%20Mesenchymal%20Stem%20Cells%20%28MSCs%29", "text/turtle");
        assertEquals(200, response.statusCode(), text(response));
    }

    @Test
    void unknownIrisAre404WithAShortBody() throws Exception {
        for (String path : List.of("/note/Research/No%20Such%20Note", "/tag/no-such-tag", "/field/nothing.ttl")) {
            HttpResponse<byte[]> response = get(path, "text/turtle");
            assertEquals(404, response.statusCode(), path);
            String body = text(response);
            assertTrue(body.startsWith("Not found: the vault has nothing about http://127.0.0.1:3030/"), body);
            assertFalse(body.contains("Exception"), body);
            assertTrue(body.length() < 200, body);
        }
    }

    @Test
    void aPathThatIsNotUtf8IsABadRequest() throws Exception {
        HttpResponse<byte[]> response = get("/note/%FF%FE", "text/turtle");
        assertEquals(400, response.statusCode());
        assertFalse(text(response).contains("Exception"), text(response));
    }

    @Test
    void unknownFormatsAre400AndUnacceptableTypes406() throws Exception {
        HttpResponse<byte[]> bogus = get(MSC_PATH + "?format=docx", null);
        assertEquals(400, bogus.statusCode());
        assertTrue(text(bogus).contains("ttl"), text(bogus));
        HttpResponse<byte[]> image = get(MSC_PATH, "image/png");
        assertEquals(406, image.statusCode());
        assertTrue(text(image).contains("text/turtle"), text(image));
    }

    @Test
    void everyIriTheVaultMintsDereferences() throws Exception {
        TreeSet<String> documents = new TreeSet<>();
        DatasetGraph dataset = loaded.store().dataset();
        Txn.executeRead(dataset, () -> dataset.find().forEachRemaining(q -> {
            for (Node n : List.of(q.getGraph(), q.getSubject(), q.getObject())) {
                if (n.isURI() && n.getURI().startsWith(iris.base())) documents.add(n.getURI().replaceFirst("#.*", ""));
            }
        }));
        assertTrue(documents.size() > 40, "the sample vault mints more IRIs than " + documents);
        List<String> failures = new ArrayList<>();
        for (String iri : documents) {
            HttpResponse<byte[]> response = get("/" + iri.substring(iris.base().length()), "text/turtle");
            if (response.statusCode() != 200) failures.add(response.statusCode() + " " + iri);
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void theOntologyIsServedAtItsNamespace() throws Exception {
        HttpResponse<byte[]> turtle = get("/ns", "text/turtle");
        assertEquals(200, turtle.statusCode());
        Graph ontology = StrictParse.parse(turtle.body(), Lang.TURTLE).getDefaultGraph();
        assertTrue(ontology.contains(VG.Insight, RDF.type.asNode(), OWL.Class.asNode()));
        assertTrue(ontology.contains(VG.Insight, RDFS.label.asNode(), Node.ANY));

        String page = text(get("/ns", BROWSER_ACCEPT));
        assertTrue(page.contains("<dt id=\"Insight\">"), page);
        assertTrue(page.contains("<dt id=\"linksTo\">"), page);
        assertEquals(200, get("/ns.jsonld", null).statusCode());
    }
}
