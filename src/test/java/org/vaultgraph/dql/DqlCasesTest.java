package org.vaultgraph.dql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vaultgraph.SampleVault;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.render.TextTable;
import org.vaultgraph.store.VaultLoader;

/**
 * The table of Dataview queries in {@code src/test/resources/dql/queries.txt}, each taken from
 * Dataview's documentation or tests and run on the vault beside it; a failure names the case and its source.
 */
class DqlCasesTest {
    private static final Path DIR = Path.of("src/test/resources/dql");
    private static VaultLoader.LoadedVault loaded;
    private static DqlEngine engine;
    private static GraphLinks links;

    @BeforeAll
    static void load() {
        loaded = SampleVault.load(DIR.resolve("vault"));
        SparqlService sparql = SampleVault.sparql(loaded);
        links = GraphLinks.load(sparql, loaded.mapper().iris());
        engine = new DqlEngine(sparql, loaded.mapper().iris(), links, ZoneOffset.UTC);
    }

    @AfterAll
    static void close() {
        loaded.store().close();
    }

    private record Case(String title, String from, String query, List<String> expected, boolean error) {}

    @TestFactory
    Stream<DynamicTest> queries() throws IOException {
        List<Case> cases = read(Files.readAllLines(DIR.resolve("queries.txt")));
        assertTrue(cases.size() >= 60, "the table holds " + cases.size() + " queries");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.title(), () -> run(c)));
    }

    private static void run(Case c) {
        String from = c.from() == null ? null : links.resolvePath(c.from(), "").orElseThrow();
        if (c.error()) {
            DqlException e = assertThrows(DqlException.class, () -> engine.run(c.query(), from), c.title());
            assertTrue(e.getMessage().contains(c.expected().get(0)), c.title() + "\n  expected an error with: " + c.expected().get(0)
                    + "\n  but the error was: " + e.getMessage());
            return;
        }
        DqlResult result = engine.run(c.query(), from);
        List<String> actual = lines(result);
        assertEquals(String.join("\n", c.expected()), String.join("\n", actual), c.title() + "\nSPARQL:\n" + result.sparql());
    }

    /** The result as the table writes it: a header line, then a line per row. */
    static List<String> lines(DqlResult result) {
        List<String> out = new ArrayList<>();
        boolean list = result.type() == Dql.QueryType.LIST;
        boolean withValue = !result.headers().isEmpty();
        List<String> header = new ArrayList<>();
        if (result.showId() || (list && !withValue)) header.add(result.idHeader());
        if (list && withValue) header.add("value");
        if (!list) header.addAll(result.headers());
        out.add(String.join(" | ", header));
        for (DqlResult.Row row : result.rows()) {
            List<String> cells = new ArrayList<>();
            if (result.showId() || (list && !withValue)) cells.add(TextTable.text(row.id()));
            row.values().forEach(v -> cells.add(TextTable.text(v)));
            out.add(String.join(" | ", cells).stripTrailing());
        }
        if (result.rows().isEmpty()) out.add("(no rows)");
        return out;
    }

    private static List<Case> read(List<String> lines) {
        List<Case> cases = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (!line.startsWith("### ")) {
                i++;
                continue;
            }
            String title = line.substring(4);
            String from = null;
            i++;
            if (lines.get(i).startsWith("from: ")) from = lines.get(i++).substring(6);
            if (!lines.get(i).equals("query:")) throw new IllegalStateException("case " + title + ": 'query:' expected");
            i++;
            StringBuilder query = new StringBuilder();
            while (!lines.get(i).startsWith("expect")) query.append(query.length() == 0 ? "" : "\n").append(lines.get(i++));
            boolean error = lines.get(i).equals("expect error:");
            i++;
            List<String> expected = new ArrayList<>();
            while (i < lines.size() && !lines.get(i).startsWith("### ")) {
                if (!lines.get(i).isBlank()) expected.add(lines.get(i).stripTrailing());
                i++;
            }
            cases.add(new Case(title, from, query.toString(), expected, error));
        }
        return cases;
    }
}
