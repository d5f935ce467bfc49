package org.vaultgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code vaultgraph base} on the sample vault: each format, the SPARQL of the candidates, and usage mistakes found before the vault loads. */
class BaseCommandTest {
    private static final String TAG_TABLE = "Research/Tags/Tag table.base";
    private static final String MSC = "Hypoxic-Cultured Autologous Mesenchymal Stem Cells (MSCs)";

    @Test
    void textGivesTheTagTableWithItsQueryFirst() {
        CliRun run = CliRun.of("base", "data/vault", TAG_TABLE, "--this", MSC, "--sparql", "--quiet");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("PREFIX vg: <https://w3id.org/vaultgraph/ns#>"), run.out());
        List<String> lines = run.out().lines().dropWhile(l -> !l.startsWith("Insights (table")).toList();
        assertEquals("Insights (table, 4 files)", lines.get(0));
        assertEquals(List.of("2025-01-30 14-48-20", "2025-01-30 14-29-17", "2025-01-29 10-39-27", "2025-01-29 10-27-22"),
                lines.subList(3, 7).stream().map(l -> l.substring(0, 19)).toList());
    }

    @Test
    void csvJsonAndHtml() {
        CliRun csv = CliRun.of("base", "data/vault", TAG_TABLE, "--this", "L4-L5", "--format", "csv", "--quiet");
        assertEquals("file name,Source,created\r\n2025-01-29 10-39-27,Centeno et al. 2017,2025-01-29 10:39:27\r\n"
                + "2025-01-29 10-27-22,Centeno et al. 2017,2025-01-29 10:27:22\r\n", csv.out());
        CliRun json = CliRun.of("base", "data/vault", TAG_TABLE, "--this", "L4-L5", "--view", "By source", "-f", "json", "--quiet");
        assertTrue(json.out().startsWith("{\"view\":\"By source\",\"type\":\"table\",\"matched\":2,\"columns\":[{\"property\":\"file.name\",\"name\":\"file name\"}"),
                json.out());
        assertTrue(json.out().contains("\"summaries\":[{\"property\":\"formula.outcomes_named\",\"summary\":\"Sum\",\"value\":3}]}"), json.out());
        CliRun html = CliRun.of("base", "data/vault", TAG_TABLE, "--this", "L4-L5", "-f", "html", "--quiet");
        assertTrue(html.out().startsWith("<div class=\"obsidian-bases-views\">"), html.out());
    }

    @Test
    void mistakesAreFoundBeforeTheVaultLoads() {
        CliRun format = CliRun.of("base", "data/vault", TAG_TABLE, "--format", "xml");
        assertEquals(2, format.exit());
        assertEquals("vaultgraph: unknown format 'xml'; expected text, html, csv or json", format.err().strip());
        CliRun missing = CliRun.of("base", "data/vault", "No such.base");
        assertEquals(2, missing.exit());
        assertEquals("vaultgraph: base file not found: No such.base", missing.err().strip());
        CliRun self = CliRun.of("base", "data/vault", TAG_TABLE, "--this", "Nobody", "--quiet");
        assertEquals(2, self.exit());
        assertEquals("vaultgraph: --this: no note named 'Nobody' in the vault", self.err().strip());
    }
}
