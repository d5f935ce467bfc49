package org.vaultgraph.dql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vaultgraph.SampleVault;
import org.vaultgraph.dql.graph.GraphPages;
import org.vaultgraph.dql.syntax.DqlException;
import org.vaultgraph.dql.value.DvClock;
import org.vaultgraph.dql.value.DvLink;
import org.vaultgraph.dql.value.QuerySettings;
import org.vaultgraph.dql.value.Value;
import org.vaultgraph.store.VaultLoader;

/** Dataview queries on the sample vault's graph: the seed's tag table, sources, and what the vault's own notes ask. */
class DqlEngineTest {
    private static VaultLoader.LoadedVault loaded;
    private static DqlEngine engine;

    @BeforeAll
    static void load() {
        loaded = SampleVault.load();
        engine = new DqlEngine(GraphPages.of(SampleVault.sparql(loaded), loaded.mapper().iris(), ZoneOffset.UTC), QuerySettings.DEFAULTS,
                () -> new DvClock(ZoneOffset.UTC, java.time.Instant.parse("2025-03-01T12:00:00Z")));
    }

    @AfterAll
    static void close() {
        loaded.store().close();
    }

    private static DqlResult.Table table(String query, String from) {
        return (DqlResult.Table) engine.run(query, from);
    }

    private static List<String> names(List<Value> links) {
        return links.stream().map(v -> DvLink.fileTitle(((DvLink) v).path())).toList();
    }

    @Test
    void theSeedsBlockGivesItsFourInsightsNewestFirst() {
        DqlResult.Table t = table("TABLE WITHOUT ID file.link AS \"Insights\", insight AS \"\"\nFROM [[]] AND \"Research/Insights\"\n"
                + "SORT created DESC", SampleVault.MSC);
        assertEquals(List.of("Insights", ""), t.headers());
        assertEquals(List.of("2025-01-30 14-48-20", "2025-01-30 14-29-17", "2025-01-29 10-39-27", "2025-01-29 10-27-22"),
                names(t.rows().stream().map(r -> r.get(0)).toList()));
        assertTrue(((Value.Text) t.rows().get(0).get(1)).value().startsWith("The number of [["));
    }

    @Test
    void tagSourcesMatchAnyCaseAndGiveNotesInPathOrder() {
        List<Value> insights = ((DqlResult.Listing) engine.run("LIST FROM #Insight", null)).items();
        assertEquals(10, insights.size());
        assertEquals(names(insights).stream().sorted().toList(), names(insights));
    }

    @Test
    void aFieldWrittenAsAListKeepsItsOrder() {
        DqlResult.Table t = table("TABLE WITHOUT ID authors FROM \"Research/Sources\" WHERE file.name = \"Centeno et al. 2017\"", null);
        List<Value> authors = ((Value.Array) t.rows().get(0).get(0)).items();
        assertEquals(8, authors.size());
        assertEquals(List.of(Value.of("Christopher Centeno"), Value.of("Jason Markle")), authors.subList(0, 2));
    }

    @Test
    void linksCompareByTheFileTheyName() {
        assertEquals(6, ((DqlResult.Listing) engine.run("LIST FROM #insight WHERE source = [[Centeno et al. 2017]]", null)).items().size());
    }

    @Test
    void groupsAndFlattenAsTheOverviewNoteAsks() {
        DqlResult.Table t = table("TABLE length(rows) AS \"Insights\" FROM #insight GROUP BY source AS \"Source\"", null);
        assertEquals(List.of("Source", "Insights"), t.headers());
        assertEquals(2, t.rows().size());
    }

    @Test
    void tasksOfTheOverviewAreItsTasks() {
        DqlResult.Tasks tasks = (DqlResult.Tasks) engine.run("TASK FROM \"Research/Overview\"", null);
        assertTrue(tasks.grouping().count() > 0);
    }

    @Test
    void aSourceThatCannotBeReadIsNamed() {
        DqlException csv = assertThrows(DqlException.class, () -> engine.run("TABLE x FROM csv(\"data.csv\")", null));
        assertTrue(csv.getMessage().contains("csv"), csv.getMessage());
    }
}
