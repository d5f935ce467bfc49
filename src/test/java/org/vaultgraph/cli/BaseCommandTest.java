package org.vaultgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code vaultgraph base} on the sample vault: each format, the SPARQL of the candidates, and usage mistakes found before the vault loads. */
class BaseCommandTest {
    private static final String TAG_TABLE = "Research/Tags/Tag table.base";
    private static final String MSC = "Hypoxic-Cultured Autologous Mesenchymal Stem Cells (MSCs)";

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void textGivesTheTagTableWithItsQueryFirst() {
        Run run = run("base", "data/vault", TAG_TABLE, "--this", MSC, "--sparql", "--quiet");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("PREFIX vg: <https://w3id.org/vaultgraph/ns#>"), run.out());
        List<String> lines = run.out().lines().dropWhile(l -> !l.startsWith("Insights (table")).toList();
        assertEquals("Insights (table, 4 files)", lines.get(0));
        assertEquals(List.of("2025-01-30 14-48-20", "2025-01-30 14-29-17", "2025-01-29 10-39-27", "2025-01-29 10-27-22"),
                lines.subList(3, 7).stream().map(l -> l.substring(0, 19)).toList());
    }

    @Test
    void csvJsonAndHtml() {
        Run csv = run("base", "data/vault", TAG_TABLE, "--this", "L4-L5", "--format", "csv", "--quiet");
        assertEquals("file name,Source,created\r\n2025-01-29 10-39-27,Centeno et al. 2017,2025-01-29 10:39:27\r\n"
                + "2025-01-29 10-27-22,Centeno et al. 2017,2025-01-29 10:27:22\r\n", csv.out());
        Run json = run("base", "data/vault", TAG_TABLE, "--this", "L4-L5", "--view", "By source", "-f", "json", "--quiet");
        assertTrue(json.out().startsWith("{\"view\":\"By source\",\"type\":\"table\",\"matched\":2,\"columns\":[{\"property\":\"file.name\",\"name\":\"file name\"}"),
                json.out());
        assertTrue(json.out().contains("\"summaries\":[{\"property\":\"formula.outcomes_named\",\"summary\":\"Sum\",\"value\":3}]}"), json.out());
        Run html = run("base", "data/vault", TAG_TABLE, "--this", "L4-L5", "-f", "html", "--quiet");
        assertTrue(html.out().startsWith("<div class=\"obsidian-bases-views\">"), html.out());
    }

    @Test
    void mistakesAreFoundBeforeTheVaultLoads() {
        Run format = run("base", "data/vault", TAG_TABLE, "--format", "xml");
        assertEquals(2, format.exit());
        assertEquals("vaultgraph: unknown format 'xml'; expected text, html, csv or json", format.err().strip());
        Run missing = run("base", "data/vault", "No such.base");
        assertEquals(2, missing.exit());
        assertEquals("vaultgraph: base file not found: No such.base", missing.err().strip());
        Run self = run("base", "data/vault", TAG_TABLE, "--this", "Nobody", "--quiet");
        assertEquals(2, self.exit());
        assertEquals("vaultgraph: --this: no note named 'Nobody' in the vault", self.err().strip());
    }
}
