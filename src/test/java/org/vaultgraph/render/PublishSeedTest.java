package org.vaultgraph.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vaultgraph.SampleVault;
import org.vaultgraph.store.VaultLoader;

/** The published tag page of the sample vault's MSC note must be the seed page, byte for byte. */
class PublishSeedTest {
    private static VaultLoader.LoadedVault loaded;
    private static GardenPublisher publisher;

    @BeforeAll
    static void load() {
        loaded = SampleVault.load();
        publisher = new GardenPublisher(SampleVault.sparql(loaded), loaded.mapper().iris());
    }

    @AfterAll
    static void close() {
        loaded.store().close();
    }

    @Test
    void mscPageIsTheSeedByteForByte() throws Exception {
        byte[] expected = Files.readAllBytes(Path.of("src/test/resources/golden/Hypoxic-Cultured Autologous Mesenchymal Stem Cells (MSCs).published.md"));
        GardenPublisher.Page page = publisher.page(SampleVault.MSC).orElseThrow();
        assertEquals(new String(expected, StandardCharsets.UTF_8), page.markdown());
        assertTrue(page.errors().isEmpty(), page.errors().toString());
    }

    @Test
    void permalinkIsTheSlugifiedVaultPath() {
        assertEquals("/research/tags/hypoxic-cultured-autologous-mesenchymal-stem-cells-ms-cs/",
                publisher.page(SampleVault.MSC).orElseThrow().permalink());
    }

    @Test
    void secondTagPageListsItsInsightsNewestFirst() {
        String page = publisher.page("Research/Tags/L4-L5.md").orElseThrow().markdown();
        assertTrue(page.startsWith("---\n{\"dg-publish\":true,\"permalink\":\"/research/tags/l4-l5/\",\"updated\":\"2025-01-30T16:42:40-05:00\"}\n---\n\n# Tagged Content\n<div><table"), page);
        assertTrue(page.contains("<span>Insights</span><span class=\"dataview small-text\">2</span>"), page);
        int newer = page.indexOf(">2025-01-29 10-39-27</a>");
        int older = page.indexOf(">2025-01-29 10-27-22</a>");
        assertTrue(newer > 0 && older > newer, "rows out of order in " + page);
        // The note's own text after its block stays, its wikilinks written with the full vault path, as the plugin writes them.
        assertTrue(page.endsWith("between the fourth and fifth lumbar vertebrae, and its "
                + "[[Research/Tags/Intervertebral Disc (IVD)\\|Intervertebral Disc (IVD)]].\n"), page);
    }

    @Test
    void everyNoteMarkedForPublishingIsPublishedWithoutErrors() {
        List<GardenPublisher.Page> pages = publisher.pages();
        assertEquals(16, pages.size(), pages.stream().map(GardenPublisher.Page::notePath).toList().toString());
        pages.forEach(p -> assertTrue(p.errors().isEmpty(), p.notePath() + ": " + p.errors()));
    }
}
