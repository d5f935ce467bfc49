package org.vaultgraph.dql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vaultgraph.SampleVault;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.store.VaultLoader;

/** Dataview queries compiled to SPARQL and run on the sample vault. */
class DqlEngineTest {
    private static VaultLoader.LoadedVault loaded;
    private static DqlEngine engine;

    @BeforeAll
    static void load() {
        loaded = SampleVault.load();
        SparqlService sparql = SampleVault.sparql(loaded);
        engine = new DqlEngine(sparql, loaded.mapper().iris(), GraphLinks.load(sparql, loaded.mapper().iris()));
    }

    @AfterAll
    static void close() {
        loaded.store().close();
    }

    private static List<String> ids(DqlResult result) {
        return result.rows().stream().map(r -> ((DqlValue.LinkValue) r.id()).path()).toList();
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1).replace(".md", "");
    }

    @Test
    void theSeedsBlockGivesItsFourInsightsNewestFirst() {
        DqlResult result = engine.run("TABLE WITHOUT ID file.link AS \"Insights\", insight AS \"\"\nFROM [[]] AND \"Research/Insights\"\n"
                + "SORT created DESC", SampleVault.MSC);
        assertEquals(List.of("Insights", ""), result.headers());
        assertEquals(List.of("2025-01-30 14-48-20", "2025-01-30 14-29-17", "2025-01-29 10-39-27", "2025-01-29 10-27-22"),
                ids(result).stream().map(DqlEngineTest::name).toList());
        DqlValue.LinkValue link = (DqlValue.LinkValue) result.rows().get(0).values().get(0);
        assertEquals("Research/Insights/2025-01-30 14-48-20.md", link.path());
        assertTrue(((DqlValue.Str) result.rows().get(0).values().get(1)).value().startsWith("The number of [["));
    }

    @Test
    void tagSourceFindsTaggedPagesInPathOrder() {
        DqlResult result = engine.run("LIST FROM #insight", null);
        assertEquals(10, result.rows().size());
        assertEquals(ids(result).stream().sorted().toList(), ids(result));
    }

    @Test
    void tagsMatchCaseInsensitively() {
        assertEquals(10, engine.run("LIST FROM #Insight", null).rows().size());
    }

    @Test
    void folderSourceAndFileName() {
        DqlResult result = engine.run("TABLE WITHOUT ID file.name FROM \"Research/Sources\"", null);
        assertEquals(List.of(new DqlValue.Str("Centeno et al. 2017")), result.rows().get(0).values());
        assertEquals(2, result.rows().size());
    }

    @Test
    void whereOnAFieldAndSortByName() {
        DqlResult result = engine.run("TABLE type FROM \"Research/Tags\" WHERE type = \"outcome\" SORT file.name", null);
        assertEquals(List.of("Adverse Events", "Functional Rating Index (FRI)", "Numeric Pain Score (NPS)",
                "Posterior Disc Bulge Size", "Quality of Life", "SANE Rating"), ids(result).stream().map(DqlEngineTest::name).toList());
    }

    @Test
    void sortDescendingWithLimit() {
        DqlResult result = engine.run("TABLE year FROM \"Research/Sources\" SORT year DESC LIMIT 1", null);
        assertEquals(List.of("Centeno et al. 2017"), ids(result).stream().map(DqlEngineTest::name).toList());
    }

    @Test
    void outgoingLinks() {
        DqlResult result = engine.run("LIST FROM outgoing([[2025-01-30 14-48-20]])", null);
        assertEquals(List.of("Elabd et al. 2016", "Annulus Fibrosus", "Hypoxic-Cultured Autologous Mesenchymal Stem Cells (MSCs)",
                "Intervertebral Disc (IVD)", "L5-S1", "Quality of Life"), ids(result).stream().map(DqlEngineTest::name).toList());
    }

    @Test
    void negatedSource() {
        assertEquals(13, engine.run("LIST FROM \"Research/Tags\" AND -#insight", null).rows().size());
        assertEquals(0, engine.run("LIST FROM \"Research/Insights\" AND -#insight", null).rows().size());
    }

    @Test
    void datesCompareWithDateLiterals() {
        assertEquals(6, engine.run("LIST FROM #insight WHERE created >= date(2025-02-01)", null).rows().size());
        assertEquals(4, engine.run("LIST FROM #insight WHERE file.ctime < date(2025-02-01)", null).rows().size());
    }

    @Test
    void aFieldWithSeveralValuesIsAList() {
        DqlResult result = engine.run("TABLE authors FROM \"Research/Sources\" WHERE file.name = \"Centeno et al. 2017\"", null);
        DqlValue authors = result.rows().get(0).values().get(0);
        assertTrue(authors instanceof DqlValue.ListValue list && list.items().size() == 8, authors.toString());
    }

    @Test
    void missingFieldsAreNullAndFalsy() {
        assertEquals(0, engine.run("LIST FROM #insight WHERE !source", null).rows().size());
        assertEquals(10, engine.run("LIST FROM #insight WHERE rating = null", null).rows().size());
        assertEquals(new DqlValue.Null(), engine.run("TABLE rating FROM #insight LIMIT 1", null).rows().get(0).values().get(0));
    }

    @Test
    void linksCompareByTheFileTheyName() {
        assertEquals(6, engine.run("LIST FROM #insight WHERE source = [[Centeno et al. 2017]]", null).rows().size());
        assertEquals(4, engine.run("LIST FROM #insight WHERE source = [[Research/Sources/Elabd et al. 2016]]", null).rows().size());
    }

    @Test
    void linkValuesResolveToTheirPaths() {
        DqlResult result = engine.run("TABLE source FROM #insight SORT file.name LIMIT 1", null);
        assertEquals(new DqlValue.LinkValue("Research/Sources/Centeno et al. 2017.md", "", null, false, true), result.rows().get(0).values().get(0));
    }

    @Test
    void whatCannotBeTranslatedIsNamed() {
        DqlException e = assertThrows(DqlException.class, () -> engine.run("TABLE x FROM #insight GROUP BY a GROUP BY b", null));
        assertTrue(e.getMessage().contains("a second GROUP BY"), e.getMessage());
        DqlException csv = assertThrows(DqlException.class, () -> engine.run("TABLE x FROM csv(\"data.csv\")", null));
        assertTrue(csv.getMessage().contains("csv"), csv.getMessage());
    }

    @Test
    void thisNeedsTheCurrentNote() {
        DqlException e = assertThrows(DqlException.class, () -> engine.run("LIST FROM [[]]", null));
        assertTrue(e.getMessage().contains("--from"), e.getMessage());
    }
}
