package org.vaultgraph.bases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vaultgraph.SampleVault;
import org.vaultgraph.bases.graph.GraphFiles;
import org.vaultgraph.bases.value.BaseValues;
import org.vaultgraph.bases.view.ViewResult;
import org.vaultgraph.dql.DqlEngine;
import org.vaultgraph.dql.DqlResult;
import org.vaultgraph.dql.graph.GraphPages;
import org.vaultgraph.dql.value.DvLink;
import org.vaultgraph.dql.value.QuerySettings;
import org.vaultgraph.store.VaultLoader;

/**
 * The seed through Bases: the sample vault's tag-table base, embedded in the MSC note, lists the
 * same insights in the same order as the note's own Dataview table (the published seed page).
 */
class BasesSeedTest {
    private static final String TAG_TABLE = "Research/Tags/Tag table.base";
    private static VaultLoader.LoadedVault loaded;
    private static BaseEngine bases;
    private static DqlEngine dataview;

    @BeforeAll
    static void load() {
        loaded = SampleVault.load();
        bases = new BaseEngine(GraphFiles.of(SampleVault.sparql(loaded), loaded.mapper().iris(), ZoneOffset.UTC), BaseVaults::clock);
        dataview = new DqlEngine(GraphPages.of(SampleVault.sparql(loaded), loaded.mapper().iris(), ZoneOffset.UTC), QuerySettings.DEFAULTS,
                BaseVaults::clock);
    }

    @AfterAll
    static void close() {
        loaded.store().close();
    }

    private static BaseSource tagTable() throws Exception {
        return new BaseSource(TAG_TABLE, 1, Files.readString(SampleVault.ROOT.resolve(TAG_TABLE)));
    }

    /** The paths of the seed Dataview block's rows, in its order. */
    private static List<String> seedRows(String note) throws Exception {
        String text = Files.readString(SampleVault.ROOT.resolve(SampleVault.MSC));
        String query = text.substring(text.indexOf("```dataview\n") + 12, text.lastIndexOf("```"));
        DqlResult.Table table = (DqlResult.Table) dataview.run(query, note);
        return table.rows().stream().map(r -> ((DvLink) r.get(0)).path()).toList();
    }

    @Test
    void theTagTableBaseGivesTheSeedsFourRowsInItsOrder() throws Exception {
        ViewResult result = bases.run(tagTable(), null, SampleVault.MSC);
        List<String> seed = seedRows(SampleVault.MSC);
        assertEquals(4, seed.size());
        assertEquals(seed, BaseVaults.paths(result));
        assertEquals(List.of("2025-01-30 14-48-20", "2025-01-30 14-29-17", "2025-01-29 10-39-27", "2025-01-29 10-27-22"),
                result.rows().stream().map(r -> r.file().basename()).toList());
        // The source column is the front matter link, read as Obsidian reads it.
        assertEquals("Elabd et al. 2016", BaseValues.text(result.rows().get(0).cells().get(1)));
    }

    @Test
    void everyConceptNotesTagTableAgreesWithItsDataviewBlock() throws Exception {
        try (var notes = Files.list(SampleVault.ROOT.resolve("Research/Tags"))) {
            for (Path p : notes.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                String note = "Research/Tags/" + p.getFileName();
                assertEquals(seedRows(note), BaseVaults.paths(bases.run(tagTable(), null, note)), note);
            }
        }
    }

    @Test
    void theSparqlOfTheViewLooksUpTheFolderAndTheLinksToThisNote() throws Exception {
        String query = bases.sparql(tagTable(), null, SampleVault.MSC);
        int folder = query.indexOf("?file vg:folder \"Research/Insights\"");
        int links = query.indexOf("?file vg:linksTo <" + loaded.mapper().iris().note(SampleVault.MSC) + ">");
        assertTrue(folder > 0 && links > 0, query);
        assertTrue(links < folder, "the few notes that link to this one are looked up before the many in the folder:\n" + query);
    }
}
