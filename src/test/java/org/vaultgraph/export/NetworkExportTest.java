package org.vaultgraph.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vaultgraph.SampleVault;
import org.vaultgraph.query.QueryCatalog;
import org.vaultgraph.store.VaultLoader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * GraphML and GEXF of a vault without a mapping file, as a graph explorer reads them: edges of three
 * kinds (link, embed, the field a link is the value of) and none from a note to itself, the classes
 * notes give themselves, tags as a list, dates typed as dates.
 */
class NetworkExportTest {
    private static final String GRAPHML = "http://graphml.graphdrawing.org/xmlns";
    private static final String GEXF = "http://www.gexf.net/1.2draft";
    private static VaultLoader.LoadedVault loaded;

    @BeforeAll
    static void load() {
        loaded = SampleVault.load(Path.of("src/test/resources/any-vault"));
    }

    @AfterAll
    static void close() {
        loaded.store().close();
    }

    static NetworkExporter.Queries bundledQueries() {
        return new NetworkExporter.Queries(QueryCatalog.named("graph-nodes.rq"), QueryCatalog.named("graph-edges.rq"),
                QueryCatalog.named("graph-attributes.rq"));
    }

    private static byte[] export(ExportFormat format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new NetworkExporter(SampleVault.sparql(loaded), bundledQueries(), loaded.mapping().base()).write(format, out);
        byte[] bytes = out.toByteArray();
        ExportTest.validate(bytes, format == ExportFormat.GRAPHML ? "/graphml.xsd" : "/gexf.xsd");
        return bytes;
    }

    @Test
    void edgesAreLinksEmbedsAndFieldLinksWithTheirCountAndNoneToTheNoteItself() throws Exception {
        Document doc = ExportTest.xml(export(ExportFormat.GRAPHML));
        Map<String, String> keys = graphMlKeys(doc);
        Map<String, String> labels = new HashMap<>();
        NodeList nodes = doc.getElementsByTagNameNS(GRAPHML, "node");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element node = (Element) nodes.item(i);
            labels.put(node.getAttribute("id"), data(node, keys.get("label")));
        }
        Set<String> edges = new TreeSet<>();
        NodeList found = doc.getElementsByTagNameNS(GRAPHML, "edge");
        for (int i = 0; i < found.getLength(); i++) {
            Element edge = (Element) found.item(i);
            edges.add(labels.get(edge.getAttribute("source")) + " -" + data(edge, keys.get("kind")) + "-> "
                    + labels.get(edge.getAttribute("target")) + " x" + data(edge, keys.get("weight")));
        }
        // [[#Plans]] in Home and [[#Dune|the top]] in Dune link to their own headings: no edge.
        assertEquals(new TreeSet<>(Set.of(
                "Home -link-> Dune x2", "Home -link-> Foundation x1", "Home -link-> Bread x1", "Home -link-> Lisbon x1",
                "Home -link-> Someday x1", "Home -embed-> cover.svg x1",
                "Dune -author-> Frank Herbert x1", "Dune -embed-> Quotes x1", "Dune -link-> Foundation x1",
                "Foundation -related-> Dune x1", "Foundation -author-> Isaac Asimov x1",
                "Frank Herbert -link-> Dune x1", "Bread -ingredient-> Flour x1", "Lisbon -type-> Trip x1",
                "2025-01-05 -link-> Bread x1", "2025-01-05 -link-> Dune x1", "2025-01-05 -link-> Home x1")).toString(), edges.toString());
        assertEquals(15, nodes.getLength(), "11 notes, 1 attachment, 3 link targets no file has");
    }

    @Test
    void graphMlDeclaresTypesClassesAndTagsAsAList() throws Exception {
        Document doc = ExportTest.xml(export(ExportFormat.GRAPHML));
        Map<String, String> keys = graphMlKeys(doc);
        Element dune = node(doc, keys, "Dune");
        assertEquals("book", data(dune, keys.get("class")));
        assertEquals("2024-03-02", data(dune, keys.get("created")));
        assertEquals("reading/classic|reading/sf", data(node(doc, keys, "Foundation"), keys.get("tags")));
        assertEquals("cooking/ingredient", data(node(doc, keys, "Flour"), keys.get("class")));
        Element created = key(doc, "created");
        assertEquals("string", created.getAttribute("attr.type"));
        assertTrue(created.getTextContent().contains("xsd:date"), "the key says its values are dates");
        assertTrue(key(doc, "tags").getTextContent().contains("a list"), "the key says its values are lists");
        assertEquals("int", key(doc, "weight").getAttribute("attr.type"));
    }

    @Test
    void gexfStartsEachNoteOnItsCreationDateAndKeepsTagsAsAListString() throws Exception {
        Document doc = ExportTest.xml(export(ExportFormat.GEXF));
        Element graph = (Element) doc.getElementsByTagNameNS(GEXF, "graph").item(0);
        assertEquals("date", graph.getAttribute("timeformat"));
        Map<String, String> titles = new HashMap<>();
        NodeList attributes = doc.getElementsByTagNameNS(GEXF, "attribute");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element a = (Element) attributes.item(i);
            titles.put(a.getAttribute("title"), a.getAttribute("type"));
        }
        assertEquals("liststring", titles.get("tags"));
        assertEquals("string", titles.get("class"));
        Element dune = null;
        NodeList nodes = doc.getElementsByTagNameNS(GEXF, "node");
        for (int i = 0; i < nodes.getLength(); i++) {
            if (((Element) nodes.item(i)).getAttribute("label").equals("Dune")) dune = (Element) nodes.item(i);
        }
        assertEquals("2024-03-02", dune.getAttribute("start"));
        Set<String> kinds = new TreeSet<>();
        NodeList edges = doc.getElementsByTagNameNS(GEXF, "edge");
        for (int i = 0; i < edges.getLength(); i++) kinds.add(((Element) edges.item(i)).getAttribute("label"));
        assertEquals(Set.of("author", "embed", "ingredient", "link", "related", "type"), kinds);
    }

    private static Map<String, String> graphMlKeys(Document doc) {
        Map<String, String> out = new HashMap<>();
        NodeList keys = doc.getElementsByTagNameNS(GRAPHML, "key");
        for (int i = 0; i < keys.getLength(); i++) {
            Element key = (Element) keys.item(i);
            out.put(key.getAttribute("attr.name"), key.getAttribute("id"));
        }
        return out;
    }

    private static Element key(Document doc, String name) {
        NodeList keys = doc.getElementsByTagNameNS(GRAPHML, "key");
        for (int i = 0; i < keys.getLength(); i++) {
            if (((Element) keys.item(i)).getAttribute("attr.name").equals(name)) return (Element) keys.item(i);
        }
        throw new AssertionError("no key " + name);
    }

    private static Element node(Document doc, Map<String, String> keys, String label) {
        NodeList nodes = doc.getElementsByTagNameNS(GRAPHML, "node");
        for (int i = 0; i < nodes.getLength(); i++) {
            if (label.equals(data((Element) nodes.item(i), keys.get("label")))) return (Element) nodes.item(i);
        }
        throw new AssertionError("no node " + label);
    }

    private static String data(Element owner, String key) {
        NodeList data = owner.getElementsByTagNameNS(GRAPHML, "data");
        for (int i = 0; i < data.getLength(); i++) {
            if (((Element) data.item(i)).getAttribute("key").equals(key)) return data.item(i).getTextContent();
        }
        return null;
    }
}
