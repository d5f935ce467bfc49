package org.vaultgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultgraph.StrictParse;
import picocli.CommandLine;

/** The commands as a user runs them, with their output captured. */
class CliTest {
    @TempDir
    Path tmp;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void helpListsTheCommands() {
        CliRun run = run("--help");
        assertEquals(0, run.exit());
        for (String command : List.of("serve", "query", "export", "publish", "dql")) assertTrue(run.out().contains(command), run.out());
    }

    @Test
    void eachCommandExplainsItself() {
        for (String command : List.of("serve", "query", "export", "publish", "dql")) {
            CliRun run = run(command, "--help");
            assertEquals(0, run.exit(), command);
            assertTrue(run.out().contains("Usage: vaultgraph " + command), run.out());
        }
    }

    @Test
    void wrongUsageExitsWith2() {
        assertEquals(2, run("no-such-command").exit());
        assertEquals(2, run("export", "--no-such-option").exit());
        CliRun badFormat = run("export", "data/vault", "--format", "yaml", "--quiet");
        assertEquals(2, badFormat.exit());
        assertTrue(badFormat.err().contains("unknown format 'yaml'"), badFormat.err());
    }

    @Test
    void serveRefusesAServicePrefixThatIsNotAnHttpUrlWithAHostBeforeLoading() {
        for (String prefix : List.of("file:///etc/", "http://", "gopher://example.org/")) {
            CliRun run = run("serve", "no/such/vault", "--port", "0", "--allow-service", prefix);
            assertEquals(2, run.exit(), run.err());
            assertTrue(run.err().contains("--allow-service") && run.err().contains(prefix), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
        }
        CliRun limits = run("serve", "no/such/vault", "--port", "0", "--max-queries", "0");
        assertEquals(2, limits.exit(), limits.err());
    }

    @Test
    void aMissingVaultIsOneLineNotAStackTrace() {
        CliRun run = run("export", "no/such/vault");
        assertEquals(1, run.exit());
        assertEquals("vaultgraph: vault folder not found: no/such/vault", run.err().strip());
    }

    @Test
    void queryRunsAFileWithItsParameter() {
        CliRun run = run("query", "data/vault", "queries/tag-table.rq", "--format", "csv",
                "--param", "tag=Hypoxic-Cultured Autologous Mesenchymal Stem Cells (MSCs)");
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("insight,name,path,statement,created", lines.get(0));
        assertEquals(5, lines.size(), run.out());
        assertTrue(lines.get(1).contains(",2025-01-30 14-48-20,"), lines.get(1));
        assertTrue(lines.get(4).contains(",2025-01-29 10-27-22,"), lines.get(4));
    }

    @Test
    void aQueryWithoutItsParameterSaysWhichOneIsMissing() {
        CliRun run = run("query", "data/vault", "queries/tag-table.rq");
        assertEquals(2, run.exit(), "a missing parameter is wrong usage");
        assertOneLine(run);
        assertTrue(run.err().contains("tag-table.rq needs --param tag=VALUE"), run.err());
        assertFalse(run.err().contains("loading") || run.err().contains("read "), "checked before the vault is read: " + run.err());
    }

    @Test
    void anUnknownParameterIsWrongUsage() {
        CliRun run = run("query", "data/vault", "queries/tag-table.rq", "--param", "tag=L4-L5", "--param", "colour=red");
        assertEquals(2, run.exit());
        assertOneLine(run);
        assertEquals("vaultgraph: tag-table.rq has no parameter [colour]; it takes [tag]", run.err().strip());
    }

    @Test
    void aParameterWithoutAValueIsOneLine() {
        CliRun run = run("query", "data/vault", "queries/tag-table.rq", "--param", "tag");
        assertEquals(2, run.exit());
        assertOneLine(run);
        assertEquals("vaultgraph: --param tag has no value: write --param tag=VALUE", run.err().strip());
    }

    @Test
    void aSyntaxErrorGivesOnePosition() throws Exception {
        Path query = tmp.resolve("bad.rq");
        Files.writeString(query, "PREFIX vg: <https://w3id.org/vaultgraph/ns#>\nSELECT ?x WHERE {\n  ?x a vg:Note ;\n  FILTER (?x = )\n}\n");
        CliRun run = run("query", "data/vault", query.toString());
        assertEquals(1, run.exit());
        assertOneLine(run);
        assertEquals("vaultgraph: bad.rq:4:16: syntax error at ')'", run.err().strip());
    }

    @Test
    void aDeadEndpointSaysConnectionRefused() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String endpoint = "http://127.0.0.1:" + port + "/vault/sparql";
        CliRun run = run("query", "data/vault", "queries/tag-table.rq", "--param", "tag=L4-L5", "--endpoint", endpoint);
        assertEquals(1, run.exit());
        assertOneLine(run);
        assertEquals("vaultgraph: cannot reach the SPARQL endpoint " + endpoint + ": connection refused", run.err().strip());
    }

    @Test
    void serveOnABusyPortFailsBeforeLoading() throws Exception {
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            CliRun run = run("serve", "data/vault", "--port", Integer.toString(busy.getLocalPort()));
            assertEquals(1, run.exit());
            assertOneLine(run);
            assertTrue(run.err().startsWith("vaultgraph: cannot listen on 127.0.0.1:" + busy.getLocalPort() + ": the port is in use"), run.err());
        }
    }

    @Test
    void serveChecksItsOptionsBeforeLoading() {
        for (String[] args : List.of(new String[] {"--port", "99999"}, new String[] {"--port", "-1"},
                new String[] {"--query-timeout", "0"}, new String[] {"--max-rows", "0"}, new String[] {"--port", "http"})) {
            String[] command = java.util.stream.Stream.concat(java.util.stream.Stream.of("serve", "data/vault"), java.util.Arrays.stream(args))
                    .toArray(String[]::new);
            CliRun run = run(command);
            assertEquals(2, run.exit(), String.join(" ", args) + ": " + run.err());
            assertOneLine(run);
        }
        assertEquals("vaultgraph: --port 99999 is not a port: use 1 to 65535, or 0 for any free one",
                run("serve", "data/vault", "--port", "99999").err().strip());
        CliRun missing = run("serve", "no/such/vault", "--port", "0");
        assertEquals(1, missing.exit());
        assertEquals("vaultgraph: vault folder not found: no/such/vault", missing.err().strip());
    }

    @Test
    void noArgumentsPrintsTheUsageAndIsWrongUsage() {
        CliRun run = run();
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("Usage: vaultgraph"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void wrongOptionsAreOneLineEach() {
        CliRun unknown = run("export", "data/vault", "--no-such-option");
        assertEquals(2, unknown.exit());
        assertOneLine(unknown);
        assertEquals("vaultgraph export: Unknown option: '--no-such-option' (see 'vaultgraph help export')", unknown.err().strip());
        CliRun typo = run("serv", "data/vault");
        assertEquals(2, typo.exit());
        assertOneLine(typo);
        assertTrue(typo.err().contains("did you mean serve"), typo.err());
    }

    private static void assertOneLine(CliRun run) {
        assertEquals(1, run.err().strip().lines().count(), "one line, not:\n" + run.err());
    }

    @Test
    void parameterValuesCannotChangeTheQuery() {
        CliRun run = run("query", "data/vault", "queries/tag-table.rq", "--format", "csv", "--quiet",
                "--param", "tag=x\") || true || (\"");
        assertEquals(0, run.exit(), run.err());
        assertEquals(1, run.out().lines().count(), "only the header: " + run.out());
    }

    @Test
    void dqlRunsAQueryAndShowsItsSparql() {
        CliRun run = run("dql", "data/vault", "TABLE length(rows) AS n FROM #insight GROUP BY source", "--sparql", "--quiet");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("?n vg:tag/<http://www.w3.org/2004/02/skos/core#broader>* <http://127.0.0.1:3030/tag/insight>"), run.out());
        assertTrue(run.out().contains("[[Research/Sources/Centeno et al. 2017.md|Centeno et al. 2017]]  6"), run.out());
        assertTrue(run.out().endsWith("2 rows\n"), run.out());
    }

    @Test
    void dqlReportsWhatItCannotRun() {
        CliRun run = run("dql", "data/vault", "TABLE x FROM csv(\"data.csv\")", "--quiet");
        assertEquals(1, run.exit());
        assertEquals("vaultgraph: csv(\"data.csv\") sources are not supported: the graph does not hold the contents of CSV files", run.err().strip());
        CliRun html = run("dql", "data/vault", "LIST FROM [[]]", "--from", "L4-L5", "--format", "html", "--quiet");
        assertEquals(0, html.exit(), html.err());
        assertTrue(html.out().startsWith("<div><ul class=\"dataview list-view-ul\"><li><span><a data-tooltip-position"), html.out());
    }

    @Test
    void exportWritesEachFormat() throws Exception {
        for (String format : List.of("turtle", "trig", "ntriples", "nquads")) {
            Path file = tmp.resolve("vault." + format);
            CliRun run = run("export", "data/vault", "--format", format, "-o", file.toString());
            assertEquals(0, run.exit(), run.err());
            Lang lang = switch (format) {
                case "turtle" -> Lang.TURTLE;
                case "trig" -> Lang.TRIG;
                case "ntriples" -> Lang.NTRIPLES;
                default -> Lang.NQUADS;
            };
            assertFalse(StrictParse.parse(Files.readAllBytes(file), lang).isEmpty(), format);
        }
    }

    @Test
    void exportToStandardOutput() {
        CliRun run = run("export", "data/vault", "--format", "ntriples", "--quiet");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("<https://w3id.org/vaultgraph/ns#Insight>"), run.out());
    }

    @Test
    void publishFromATdbStoreWritesWhatPublishingFromMemoryWrites() throws Exception {
        Path fromMemory = tmp.resolve("memory");
        Path fromStore = tmp.resolve("store");
        assertEquals(0, run("publish", "data/vault", "--out", fromMemory.toString(), "--quiet").exit());
        CliRun stored = run("publish", "data/vault", "--out", fromStore.toString(), "--tdb", tmp.resolve("tdb").toString(), "--quiet");
        assertEquals(0, stored.exit(), stored.err());
        try (var memoryFiles = Files.walk(fromMemory); var storeFiles = Files.walk(fromStore)) {
            List<String> expected = memoryFiles.filter(Files::isRegularFile).map(f -> fromMemory.relativize(f).toString()).sorted().toList();
            List<String> actual = storeFiles.filter(Files::isRegularFile).map(f -> fromStore.relativize(f).toString()).sorted().toList();
            assertEquals(expected, actual);
            assertTrue(expected.size() > 10, expected.toString());
            for (String file : expected) {
                assertEquals(-1L, Files.mismatch(fromMemory.resolve(file), fromStore.resolve(file)), file + " differs");
            }
        }
    }

    @Test
    void publishWritesTheSeedPage() throws Exception {
        CliRun run = run("publish", "data/vault", "--out", tmp.toString(), "--format", "markdown", "--links", "vault-paths", "--quiet");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("published 16 pages and 1 attachments"), run.err());
        assertTrue(run.err().contains("(17 files written, 0 already up to date)"), run.err());
        CliRun again = run("publish", "data/vault", "--out", tmp.toString(), "--format", "markdown", "--links", "vault-paths", "--quiet");
        assertTrue(again.err().contains("(0 files written, 17 already up to date)"), "only changed pages are rewritten: " + again.err());
        byte[] expected = Files.readAllBytes(Path.of("src/test/resources/golden/Hypoxic-Cultured Autologous Mesenchymal Stem Cells (MSCs).published.md"));
        assertEquals(new String(expected, java.nio.charset.StandardCharsets.UTF_8),
                Files.readString(tmp.resolve("src/site/notes/Research/Tags/Hypoxic-Cultured Autologous Mesenchymal Stem Cells (MSCs).md")));
        assertTrue(Files.isRegularFile(tmp.resolve("src/site/img/user/Research/Figures/lumbar-levels.svg")));
    }

    @Test
    void publishWritesASiteWhoseLinksAllLeadSomewhere() throws Exception {
        CliRun run = run("publish", "data/vault", "--out", tmp.toString(), "--check-links", "--quiet");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains(" pages: 0 broken"), run.err());
        String msc = Files.readString(tmp.resolve("research/tags/hypoxic-cultured-autologous-mesenchymal-stem-cells-ms-cs/index.html"));
        assertTrue(msc.contains("<table class=\"dataview table-view-table\">"), msc);
        assertFalse(msc.contains("href=\"Research/"), "no link is left as a vault path: " + msc);
        assertEquals(2, run("publish", "data/vault", "--out", tmp.toString(), "--format", "markdown", "--check-links").exit());
    }

    @Test
    void validatePassesTheSampleVaultAndFailsThePlantedOne() {
        CliRun clean = run("validate", "data/vault", "--quiet");
        assertEquals(0, clean.exit(), clean.err());
        assertTrue(clean.out().contains("0 errors, 1 warning in 1 note (27 notes checked); the warnings include 1 link to 1 missing target."),
                clean.out());
        assertEquals(1, run("validate", "data/vault", "--quiet", "--strict").exit());

        CliRun planted = run("validate", "src/test/resources/validate/planted", "--quiet");
        assertEquals(1, planted.exit());
        assertTrue(planted.out().contains("Insights/No Source.md"), planted.out());

        CliRun falseAlarms = run("validate", "src/test/resources/validate/false-alarms", "--quiet");
        assertEquals(0, falseAlarms.exit(), "only warnings: " + falseAlarms.out());
        assertEquals(1, run("validate", "src/test/resources/validate/false-alarms", "--quiet", "--strict").exit());
    }

    @Test
    void validateWritesTheShaclReportAsTurtleForTools() {
        CliRun planted = run("validate", "src/test/resources/validate/planted", "--quiet", "--format", "turtle");
        assertEquals(1, planted.exit());
        org.apache.jena.graph.Graph report = org.vaultgraph.StrictParse.parse(
                planted.out().getBytes(java.nio.charset.StandardCharsets.UTF_8), org.apache.jena.riot.Lang.TURTLE).getDefaultGraph();
        String sh = "http://www.w3.org/ns/shacl#";
        var conforms = report.find(org.apache.jena.graph.Node.ANY, org.apache.jena.graph.NodeFactory.createURI(sh + "conforms"),
                org.apache.jena.graph.Node.ANY).toList();
        assertEquals(1, conforms.size());
        assertEquals("false", conforms.get(0).getObject().getLiteralLexicalForm());
        assertEquals(10, report.find(org.apache.jena.graph.Node.ANY, org.apache.jena.graph.NodeFactory.createURI(sh + "result"),
                org.apache.jena.graph.Node.ANY).toList().size(), planted.out());
        assertTrue(planted.err().contains("Insights/No Source.md"), "the text report goes to standard error");
        assertEquals(2, run("validate", "data/vault", "--format", "docx").exit());
    }

    @Test
    void aStoreOnDiskIsLoadedOnceThenOnlySynced() throws Exception {
        Path tdb = tmp.resolve("vault.tdb");
        CliRun first = run("query", "data/vault", "queries/tag-table.rq", "--tdb", tdb.toString(), "-p", "tag=L5-S1", "--format", "csv");
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.err().contains("29 added"), first.err());
        CliRun second = run("query", "data/vault", "queries/tag-table.rq", "--tdb", tdb.toString(), "-p", "tag=L5-S1", "--format", "csv");
        assertEquals(0, second.exit(), second.err());
        assertTrue(second.err().contains("0 added, 0 changed, 0 removed, 0 relinked, 29 unchanged"), second.err());
        assertEquals(first.out(), second.out());

        // Another base IRI is another mapping: the store is rebuilt, not mixed.
        CliRun rebased = run("export", "data/vault", "--tdb", tdb.toString(), "--base", "https://example.org/vault/", "-f", "ntriples");
        assertEquals(0, rebased.exit(), rebased.err());
        assertTrue(rebased.err().contains("rebuilding"), rebased.err());
        assertFalse(rebased.out().contains("http://127.0.0.1:3030/"), "nothing of the old base is left");
    }
}
