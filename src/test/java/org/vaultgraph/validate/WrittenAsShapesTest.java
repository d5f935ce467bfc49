package org.vaultgraph.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vaultgraph.SampleVault;
import org.vaultgraph.rdf.OntologyFiles;
import org.vaultgraph.store.VaultLoader;

/** The shapes of field entries, list items and tasks hold on real vaults and catch a graph that breaks them. */
class WrittenAsShapesTest {
    private static final Shapes SHAPES = Shapes.parse(OntologyFiles.shapes());
    /** How the messages of the shapes under test begin. */
    private static final Set<String> WRITTEN_AS = Set.of("A field entry", "A list item", "A task");

    static Stream<Path> vaults() {
        return Stream.of(SampleVault.ROOT, Path.of("src/test/resources/conformance/dataview/vault"),
                Path.of("src/test/resources/validate/false-alarms"));
    }

    @ParameterizedTest
    @MethodSource("vaults")
    void whatTheMapperWritesConformsOnEveryVault(Path vault) {
        VaultLoader.LoadedVault loaded = SampleVault.load(vault);
        Graph union = GraphFactory.createDefaultGraph();
        Txn.executeRead(loaded.store().dataset(), () -> loaded.store().dataset().stream()
                .forEach(q -> union.add(q.asTriple())));
        ValidationReport report = ShaclValidator.get().validate(SHAPES, union);
        List<String> broken = report.getEntries().stream()
                .filter(e -> WRITTEN_AS.stream().anyMatch(String.valueOf(e.message())::startsWith))
                .map(e -> e.focusNode() + ": " + e.message()).toList();
        assertEquals(List.of(), broken, vault + " breaks the shapes of what vaultgraph writes");
        assertTrue(union.size() > 0);
    }

    @Test
    void aGraphThatLosesPartsOfEntriesItemsAndTasksIsCaught() {
        String broken = """
                @prefix vg: <https://w3id.org/vaultgraph/ns#> .
                @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                <n> vg:fieldEntry <n#field-1>, <n#field-2> .
                <n#field-1> vg:position 1 ; vg:value "a", "b" .
                <n#field-2> vg:key "k" ; vg:position 0 .
                <n#item-3> a vg:ListItem, vg:Task ; vg:text "x" ; vg:line 3 ; vg:listLine 3 ; vg:symbol "-" ;
                    vg:status "xx" ; vg:parentItem <n#item-9> .
                <n#item-9> vg:text "not an item" .
                """;
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(broken, Lang.TURTLE).base("https://example.org/").parse(graph);
        ValidationReport report = ShaclValidator.get().validate(SHAPES, graph);
        Set<String> messages = new TreeSet<>();
        report.getEntries().forEach(e -> messages.add(e.message()));
        assertEquals(new TreeSet<>(List.of(
                "A field entry has exactly one key, the field's name as written.",
                "A field entry has at most one value (a list is one rdf:Seq).",
                "A field entry has exactly one position, counted from 1.",
                "A list item has at most one parent, and it is a list item.",
                "A task has exactly one status, the character between its brackets.")), messages);
    }
}
