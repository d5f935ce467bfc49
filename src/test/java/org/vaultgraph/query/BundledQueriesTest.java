package org.vaultgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultgraph.SampleVault;
import org.vaultgraph.generate.VaultGenerator;
import org.vaultgraph.store.VaultLoader;

/**
 * The bundled queries: those that answer on any vault come first, each says whole what it is for, and
 * each runs on vaults other than the sample vault, the generic ones with rows.
 */
class BundledQueriesTest {
    @TempDir
    Path tmp;

    @Test
    void theQueriesForAnyVaultComeFirstInTheOrderTheyAreMeantToBeRead() {
        List<QueryFile> bundled = QueryCatalog.bundled();
        List<String> names = bundled.stream().map(QueryFile::name).toList();
        assertEquals(List.of("top-tags.rq", "most-linked-notes.rq", "orphans.rq", "unresolved-links.rq", "notes-by-class.rq",
                "notes-by-folder.rq", "recently-modified.rq"), names.subList(0, 7));
        int firstForTheSampleVault = names.size();
        for (int i = 0; i < bundled.size(); i++) {
            if (!bundled.get(i).anyVault()) {
                firstForTheSampleVault = Math.min(firstForTheSampleVault, i);
            } else {
                assertTrue(i < firstForTheSampleVault, bundled.get(i).name() + " answers on any vault and comes after one that does not");
            }
        }
        assertTrue(names.indexOf("tag-table.rq") >= firstForTheSampleVault, "the sample vault's queries follow");
    }

    @Test
    void everyQuerySaysWholeWhatItIsFor() {
        for (QueryFile file : QueryCatalog.bundled()) {
            String description = file.description();
            assertTrue(description.length() > 40, file.name() + ": " + description);
            assertTrue(description.endsWith("."), file.name() + " says it in whole sentences: " + description);
            assertFalse(description.contains("@"), file.name() + ": " + description);
        }
        assertEquals("The tag table of a concept note: the insights that link to it, newest first, with each insight's note and its "
                + "one-sentence statement. These are the rows of the table that the concept note's dataview block shows in Obsidian.",
                QueryCatalog.named("tag-table.rq").description());
    }

    @Test
    void everyQueryRunsOnAVaultWithoutAMappingAndTheGenericOnesAnswer() {
        assertGenericQueriesAnswer(SampleVault.load(Path.of("src/test/resources/any-vault")));
    }

    @Test
    void everyQueryRunsOnAGeneratedVaultAndTheGenericOnesAnswer() throws Exception {
        new VaultGenerator(300, 11).write(tmp.resolve("vault"));
        assertGenericQueriesAnswer(SampleVault.load(tmp.resolve("vault")));
    }

    private static void assertGenericQueriesAnswer(VaultLoader.LoadedVault loaded) {
        try {
            SparqlService sparql = SampleVault.sparql(loaded);
            List<String> silent = new ArrayList<>();
            for (QueryFile file : QueryCatalog.bundled()) {
                RowSetRewindable rows = sparql.select(file.bind(loaded.mapping().base(), file.examples()));
                long count = 0;
                while (rows.hasNext()) {
                    rows.next();
                    count++;
                }
                if (file.anyVault() && count == 0) silent.add(file.name());
            }
            assertEquals(List.of(), silent, "generic queries without an answer");
        } finally {
            loaded.store().close();
        }
    }
}
