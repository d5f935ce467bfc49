package org.vaultgraph.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultgraph.SampleVault;
import org.vaultgraph.store.VaultLoader;

/** A dataview block that fails is shown as Dataview shows it, and reported with the note's path and line. */
class PublishErrorsTest {
    @TempDir
    Path vault;

    @Test
    void aBrokenQueryIsReportedWithTheNotesLineAndTheQuerysColumn() throws Exception {
        Files.writeString(vault.resolve("Note.md"), "# T\n```dataview\nTABLE x\nFROM #a\nWHERE (x >\n```\n\n```dataview\nLIST FROM csv(\"x.csv\")\n```\n");
        VaultLoader.LoadedVault loaded = SampleVault.load(vault);
        GardenPublisher publisher = new GardenPublisher(SampleVault.sparql(loaded), loaded.mapper().iris());
        GardenPublisher.Page page = publisher.page("Note.md").orElseThrow();
        assertEquals(2, page.errors().size(), page.errors().toString());
        assertTrue(page.errors().get(0).startsWith("Note.md:5: dataview query: line 3, column "), page.errors().get(0));
        assertTrue(page.errors().get(1).startsWith("Note.md:9: dataview query: csv(\"x.csv\") sources are not supported"), page.errors().get(1));
        assertTrue(page.markdown().contains("<pre class=\"dataview dataview-error\">Dataview: line 3, column "), page.markdown());
        loaded.store().close();
    }
}
