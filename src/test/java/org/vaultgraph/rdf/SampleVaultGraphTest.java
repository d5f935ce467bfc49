package org.vaultgraph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vaultgraph.SampleVault;
import org.vaultgraph.StrictParse;
import org.vaultgraph.export.ExportFormat;
import org.vaultgraph.export.GraphExporter;
import org.vaultgraph.store.VaultLoader;

/** The graph of the sample vault, written as TriG and parsed back with Jena's checking parser. */
class SampleVaultGraphTest {
    private static VaultLoader.LoadedVault loaded;
    private static DatasetGraph parsed;
    private static Graph union;
    private static IriMinter iris;

    @BeforeAll
    static void load() {
        loaded = SampleVault.load();
        iris = loaded.mapper().iris();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GraphExporter(iris).write(loaded.store().dataset(), ExportFormat.TRIG, out);
        parsed = StrictParse.parse(out.toByteArray(), Lang.TRIG);
        union = parsed.getUnionGraph();
    }

    @AfterAll
    static void close() {
        loaded.store().close();
    }

    private static Node note(String path) {
        return NodeFactory.createURI(iris.note(path));
    }

    private static boolean has(Node s, Node p, Node o) {
        return union.contains(s, p, o);
    }

    private static Set<Node> objects(Node s, Node p) {
        return union.find(s, p, Node.ANY).mapWith(t -> t.getObject()).toSet();
    }

    @Test
    void everyNoteIsANamedGraphOfItsOwn() {
        // Each attachment has a graph of its own too (the sample vault has one figure and one base).
        assertEquals(2, loaded.vault().attachments().size());
        assertEquals(loaded.vault().notes().size() + 2, parsed.size(), "named graphs");
        for (var n : loaded.vault().notes()) {
            Node g = note(n.path());
            assertTrue(parsed.contains(g, g, RDF.type.asNode(), VG.Note), n.path());
            // a note's graph holds only statements of that note and of the things it names
            parsed.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> assertEquals(g, q.getGraph()));
        }
        assertTrue(parsed.getDefaultGraph().isEmpty(), "the stored default graph is empty; the union is the default");
    }

    @Test
    void classesComeFromTheMappingFile() {
        assertTrue(has(note(SampleVault.MSC), RDF.type.asNode(), VG.Therapy));
        assertTrue(has(note(SampleVault.MSC), RDF.type.asNode(), VG.Concept));
        assertTrue(has(note("Research/Tags/L5-S1.md"), RDF.type.asNode(), VG.AnatomicalStructure));
        assertTrue(has(note("Research/Tags/Quality of Life.md"), RDF.type.asNode(), VG.Outcome));
        assertTrue(has(note("Research/Sources/Elabd et al. 2016.md"), RDF.type.asNode(), VG.Source));
        assertTrue(has(note("Meta/FileClasses/Research Links.md"), RDF.type.asNode(), VG.FileClass));
        assertTrue(has(note("Research/Insights/2025-01-30 14-48-20.md"), RDF.type.asNode(), VG.Insight));
    }

    @Test
    void anInsightIsTiedToItsTherapyAnatomyOutcomeAndSource() {
        Node insight = note("Research/Insights/2025-01-30 14-48-20.md");
        assertEquals(Set.of(note(SampleVault.MSC)), objects(insight, VG.therapy));
        assertEquals(Set.of(note("Research/Tags/Annulus Fibrosus.md"), note("Research/Tags/L5-S1.md"),
                note("Research/Tags/Intervertebral Disc (IVD).md")), objects(insight, VG.anatomicalStructure));
        assertEquals(Set.of(note("Research/Tags/Quality of Life.md")), objects(insight, VG.outcome));
        assertEquals(Set.of(note("Research/Sources/Elabd et al. 2016.md")), objects(insight, VG.source));
        assertEquals(5, objects(insight, VG.about).size());
        assertTrue(objects(insight, VG.statement).iterator().next().getLiteralLexicalForm()
                .startsWith("The number of [[Hypoxic-Cultured Autologous Mesenchymal Stem Cells (MSCs)]] injected"));
        assertEquals(Set.of(note("Meta/FileClasses/Research Links.md")), objects(insight, VG.fileClass));
        assertTrue(has(note("Meta/FileClasses/Research Links.md"), VG.icon, NodeFactory.createLiteralString("package")));
    }

    @Test
    void fieldsBecomeTypedLiteralsOrLinks() {
        Node insight = note("Research/Insights/2025-01-30 14-48-20.md");
        Node created = NodeFactory.createURI(iris.field("created"));
        assertEquals(Set.of(NodeFactory.createLiteralDT("2025-01-30T14:48:20", XSDDatatype.XSDdateTime)), objects(insight, created));
        assertEquals(Set.of(NodeFactory.createLiteralDT("2025-01-30T14:48:20", XSDDatatype.XSDdateTime)), objects(insight, VG.created));
        Node source = NodeFactory.createURI(iris.field("source"));
        assertEquals(Set.of(note("Research/Sources/Elabd et al. 2016.md")), objects(insight, source));
        Node year = NodeFactory.createURI(iris.field("year"));
        assertEquals(Set.of(NodeFactory.createLiteralDT("2017", XSDDatatype.XSDinteger)),
                objects(note("Research/Sources/Centeno et al. 2017.md"), year));
        Node authors = NodeFactory.createURI(VG.DCTERMS + "creator");
        assertEquals(8, objects(note("Research/Sources/Centeno et al. 2017.md"), authors).size(), "mapped to dcterms:creator");
        assertEquals(Set.of(NodeFactory.createLiteralDT("2025-01-30T16:40:43-05:00", XSDDatatype.XSDdateTime)),
                objects(note(SampleVault.MSC), VG.modified));
    }

    @Test
    void linksToMissingNotesAreKept() {
        Node missing = NodeFactory.createURI(iris.unresolved("Discography"));
        assertTrue(has(note("Research/Tags/Intradiscal Injection.md"), VG.linksTo, missing));
        assertTrue(has(missing, RDF.type.asNode(), VG.UnresolvedTarget));
        assertTrue(has(missing, RDFS.label.asNode(), NodeFactory.createLiteralString("Discography")));
    }

    @Test
    void tagsAreResources() {
        Node tag = NodeFactory.createURI(iris.tag("insight"));
        assertTrue(has(tag, RDF.type.asNode(), VG.Tag));
        long tagged = union.find(Node.ANY, VG.tag, tag).toList().size();
        assertEquals(10, tagged);
    }

    @Test
    void eachLinkIsKeptAsWrittenWithItsLine() {
        // Two links in front matter (source, outcomes) and four in the body on line 10.
        String insight = iris.note("Research/Insights/2025-01-30 14-48-20.md");
        List<Node> occurrences = new java.util.ArrayList<>(objects(NodeFactory.createURI(insight), VG.hasLink));
        assertEquals(6, occurrences.size(), occurrences.toString());
        Node af = occurrences.stream().filter(o -> objects(o, VG.linkText).contains(NodeFactory.createLiteralString("Annulus Fibrosus")))
                .findFirst().orElseThrow();
        assertTrue(has(af, RDF.type.asNode(), VG.Link));
        assertEquals(Set.of(note("Research/Tags/Annulus Fibrosus.md")), objects(af, VG.target));
        assertEquals(Set.of(NodeFactory.createLiteralDT("10", XSDDatatype.XSDinteger)), objects(af, VG.line));
        assertTrue(af.getURI().startsWith(insight + "#link-"), af.getURI());
    }

    @Test
    void dataviewBlocksAreKeptWithTheirLine() {
        Node query = NodeFactory.createURI(iris.note(SampleVault.MSC) + "#dataview-1");
        assertTrue(has(note(SampleVault.MSC), VG.dataviewQuery, query));
        assertEquals(Set.of(NodeFactory.createLiteralDT("8", XSDDatatype.XSDinteger)), objects(query, VG.line));
        assertTrue(objects(query, VG.queryText).iterator().next().getLiteralLexicalForm().startsWith("TABLE WITHOUT ID file.link AS \"Insights\""));
    }

    @Test
    void theNotesTextIsKeptWhole() throws Exception {
        String text = java.nio.file.Files.readString(SampleVault.ROOT.resolve(SampleVault.MSC));
        assertEquals(Set.of(NodeFactory.createLiteralString(text)), objects(note(SampleVault.MSC), VG.content));
    }

    @Test
    void theVaultLoadsWithoutProblems() {
        assertEquals("", loaded.problems().stream().map(Object::toString).collect(Collectors.joining("\n")));
    }

}
