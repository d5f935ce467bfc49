package org.vaultgraph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vaultgraph.SampleVault;
import org.vaultgraph.store.VaultLoader;

/**
 * A vault without a mapping file: a note that no rule of the built-in mapping classifies gets a class
 * from its type or category field, its fileClass, or its first tag.
 */
class DefaultClassesTest {
    static final Path VAULT = Path.of("src/test/resources/any-vault");
    private static final String BASE = "http://127.0.0.1:3030/";

    private static VaultLoader.LoadedVault loaded;
    private static Graph union;

    @BeforeAll
    static void load() {
        loaded = SampleVault.load(VAULT);
        union = Txn.calculateRead(loaded.store().dataset(), () -> {
            Graph copy = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
            loaded.store().dataset().getUnionGraph().find().forEachRemaining(copy::add);
            return copy;
        });
    }

    @AfterAll
    static void close() {
        loaded.store().close();
    }

    /** Each note's classes other than vg:Note, as IRIs without the base. */
    private static Map<String, Set<String>> classesByNote() {
        Map<String, Set<String>> out = new TreeMap<>();
        union.find(Node.ANY, RDF.type.asNode(), VG.Note).forEachRemaining(t -> {
            Set<String> classes = new TreeSet<>();
            union.find(t.getSubject(), RDF.type.asNode(), Node.ANY).forEachRemaining(c -> {
                if (!c.getObject().equals(VG.Note)) classes.add(c.getObject().getURI().replace(BASE, "").replace(VG.NS, "vg:"));
            });
            out.put(t.getSubject().getURI().replace(BASE + "note/", ""), classes);
        });
        return out;
    }

    @Test
    void notesGetTheClassTheyNameThemselves() {
        Map<String, Set<String>> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("Books/Dune", Set.of("class/book")),                 // type: Book
                Map.entry("Books/Foundation", Set.of("class/book")),           // type: book, the same class
                Map.entry("People/Frank%20Herbert", Set.of("class/person")),   // category: person
                Map.entry("Recipes/Bread", Set.of("class/recipe")),            // fileClass: Recipe
                Map.entry("Recipes/Flour", Set.of("class/cooking/ingredient")), // its first tag
                Map.entry("Quotes", Set.of("class/quotes")),                   // a front matter tag before the text's
                Map.entry("Journal/2025-01-05", Set.of("class/journal")),      // a list's first item
                Map.entry("Trips/Lisbon", Set.of("class/trip")),               // a link's note name
                Map.entry("Home", Set.of("class/index")),                      // its only tag
                Map.entry("Health/Physio", Set.of("vg:Therapy", "vg:Concept")), // a rule of the built-in mapping
                Map.entry("Lonely", Set.of())));                               // nothing to go by
        assertEquals(expected, classesByNote());
    }

    @Test
    void aMintedClassIsAnOwlClassLabelledWithItsNameInLowerCase() {
        Node book = NodeFactory.createURI(BASE + "class/book");
        assertEquals(Set.of(OWL.Class.asNode()), objects(book, RDF.type.asNode()));
        assertEquals(Set.of(NodeFactory.createLiteralString("book")), objects(book, RDFS.label.asNode()));
        assertEquals(Set.of(VG.Note), objects(book, RDFS.subClassOf.asNode()));
        assertEquals(Set.of(NodeFactory.createLiteralString("cooking/ingredient")),
                objects(NodeFactory.createURI(BASE + "class/cooking/ingredient"), RDFS.label.asNode()));
    }

    @Test
    void theSampleVaultKeepsItsMappedClassesOnly() {
        Set<Node> classes = new TreeSet<>(java.util.Comparator.comparing(Node::getURI));
        VaultLoader.LoadedVault sample = SampleVault.load();
        try {
            Txn.executeRead(sample.store().dataset(), () -> sample.store().dataset().getUnionGraph()
                    .find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
                        if (sample.store().dataset().getUnionGraph().contains(t.getSubject(), RDF.type.asNode(), VG.Note)) classes.add(t.getObject());
                    }));
        } finally {
            sample.store().close();
        }
        assertEquals(Set.of(VG.Note, VG.Insight, VG.Source, VG.Therapy, VG.AnatomicalStructure, VG.Outcome, VG.Concept, VG.FileClass),
                Set.copyOf(classes));
    }

    private static Set<Node> objects(Node s, Node p) {
        return union.find(s, p, Node.ANY).mapWith(t -> t.getObject()).toSet();
    }
}
