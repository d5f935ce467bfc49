package org.vaultgraph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultgraph.SampleVault;
import org.vaultgraph.store.VaultLoader;
import org.vaultgraph.vault.Problem;

/** Identifiers named in front matter become SKOS mapping links to the identifiers' real IRIs. */
class ConceptMatchesTest {

    private static Set<String> matches(VaultLoader.LoadedVault loaded) {
        Set<String> out = new TreeSet<>();
        DatasetGraph dataset = loaded.store().dataset();
        Txn.executeRead(dataset, () -> dataset.getUnionGraph().find().forEachRemaining(t -> {
            if (t.getPredicate().getURI().startsWith(VG.SKOS) && t.getPredicate().getURI().endsWith("Match")) {
                out.add(t.getPredicate().getLocalName() + " " + t.getObject().getURI());
            }
        }));
        return out;
    }

    @Test
    void everyFormOfIdentifierBecomesItsIri(@TempDir Path vault) throws IOException {
        Files.writeString(vault.resolve("Concept.md"), """
                ---
                uberon: UBERON:0002242
                mesh: D011788
                ncit: NCIT_C32902
                wikidata: Q42
                broad-match: MESH:D045164
                related-match:
                  - uberon:0004620
                  - https://example.org/thing
                close-match: WD:Q7
                ---
                narrow-match:: NCIT:C49571
                """);
        VaultLoader.LoadedVault loaded = SampleVault.load(vault);
        assertEquals(new TreeSet<>(List.of(
                "exactMatch http://purl.obolibrary.org/obo/UBERON_0002242",
                "exactMatch http://id.nlm.nih.gov/mesh/D011788",
                "exactMatch http://purl.obolibrary.org/obo/NCIT_C32902",
                "exactMatch http://www.wikidata.org/entity/Q42",
                "broadMatch http://id.nlm.nih.gov/mesh/D045164",
                "relatedMatch http://purl.obolibrary.org/obo/UBERON_0004620",
                "relatedMatch https://example.org/thing",
                "closeMatch http://www.wikidata.org/entity/Q7",
                "narrowMatch http://purl.obolibrary.org/obo/NCIT_C49571")), matches(loaded));
        assertEquals(List.of(), loaded.problems());
    }

    @Test
    void valuesThatAreNoIdentifierAreReportedWithTheirLineAndKept(@TempDir Path vault) throws IOException {
        Files.writeString(vault.resolve("Bad.md"), """
                ---
                uberon: MESH:D011788
                mesh: quality of life
                broad-match: FOO:123
                ---
                """);
        VaultLoader.LoadedVault loaded = SampleVault.load(vault);
        assertEquals(Set.of(), matches(loaded));
        List<String> problems = loaded.problems().stream().map(Problem::toString).toList();
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("Bad.md:2: field 'uberon' expects a UBERON identifier such as UBERON:0002242, found 'MESH:D011788'"),
                problems.get(0));
        assertTrue(problems.get(1).startsWith("Bad.md:3: field 'mesh' expects a MeSH identifier"), problems.get(1));
        assertTrue(problems.get(2).startsWith("Bad.md:4: field 'broad-match' expects a CURIE"), problems.get(2));
        Node note = org.apache.jena.graph.NodeFactory.createURI(loaded.mapper().iris().note("Bad.md"));
        DatasetGraph dataset = loaded.store().dataset();
        Txn.executeRead(dataset, () -> assertTrue(dataset.getUnionGraph().contains(note,
                org.apache.jena.graph.NodeFactory.createURI(loaded.mapper().iris().field("mesh")), Node.ANY), "the plain field value is kept"));
    }

    @Test
    void theSampleVaultsConceptsAreAligned() {
        Set<String> found = matches(SampleVault.load());
        assertTrue(found.contains("exactMatch http://purl.obolibrary.org/obo/UBERON_0002242"), found.toString());
        assertTrue(found.contains("exactMatch http://id.nlm.nih.gov/mesh/D011788"), found.toString());
        assertTrue(found.contains("broadMatch http://id.nlm.nih.gov/mesh/D045164"), found.toString());
    }
}
