package org.vaultgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultgraph.SampleVault;
import org.vaultgraph.render.GardenPublisher;
import org.vaultgraph.server.VaultServer;
import org.vaultgraph.store.VaultLoader;

/** {@code vaultgraph dql} as scripts use it: output formats, a store on disk, a running server, and what it says when a query finds nothing. */
class DqlCommandTest {
    @TempDir
    Path tmp;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static final String SOURCES = "TABLE year, authors FROM \"Research/Sources\" SORT file.name";

    @Test
    void csvAndTsvHaveAHeadingAndOneLinePerRow() {
        CliRun csv = run("dql", "data/vault", SOURCES, "--format", "csv", "--quiet");
        assertEquals(0, csv.exit(), csv.err());
        List<String> lines = csv.out().lines().toList();
        assertEquals("File,year,authors", lines.get(0));
        assertEquals(3, lines.size(), csv.out());
        assertTrue(lines.get(1).startsWith("[[Research/Sources/Centeno et al. 2017.md|Centeno et al. 2017]],2017,\"[Christopher Centeno, "), lines.get(1));
        CliRun tsv = run("dql", "data/vault", SOURCES, "--format", "tsv", "--quiet");
        assertEquals("File\tyear\tauthors", tsv.out().lines().findFirst().orElseThrow());
    }

    @Test
    void jsonTypesEveryValue() {
        CliRun json = run("dql", "data/vault", "TABLE WITHOUT ID year, file.link FROM \"Research/Sources\" SORT year LIMIT 1", "--format", "json", "--quiet");
        assertEquals(0, json.exit(), json.err());
        assertEquals("{\"type\":\"table\",\"headers\":[\"year\",\"file.link\"],\"rows\":[[2016,{\"link\":{\"path\":\"Research/Sources/Elabd et al. 2016.md\","
                + "\"display\":null,\"subpath\":null,\"type\":\"file\",\"embed\":false}}]]}", json.out().strip());
    }

    @Test
    void markdownIsWhatDataviewsExportWrites() {
        CliRun md = run("dql", "data/vault", "TABLE WITHOUT ID year FROM \"Research/Sources\" SORT year", "--format", "markdown", "--quiet");
        assertEquals("| year |\n| ---- |\n| 2016 |\n| 2017 |\n", md.out());
        CliRun tasks = run("dql", "data/vault", "TASK FROM \"Research/Overview\"", "--format", "markdown", "--quiet");
        assertEquals("- [ ] Find the long-term follow-up of [[Centeno et al. 2017]] #to-read\n"
                + "    - [x] Search PubMed Central for the authors [searched:: 2025-02-04]\n", tasks.out());
    }

    @Test
    void aSourceThatNamesNothingIsSaidOnStandardError() {
        CliRun run = run("dql", "data/vault", "LIST FROM #insigth OR \"Research/Insights\"", "--quiet");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().endsWith("10 rows\n"), run.out());
        CliRun none = run("dql", "data/vault", "LIST FROM #insigth", "--quiet");
        assertTrue(none.err().contains("dql: FROM #insigth names no note"), none.err());
    }

    @Test
    void aMisspeltFunctionIsNamedWithTheClosestOne() {
        CliRun run = run("dql", "data/vault", "TABLE lenght(authors) FROM \"Research/Sources\"", "--quiet");
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("Unrecognized function name 'lenght' (did you mean 'length'?)"), run.err());
    }

    @Test
    void aStoreOnDiskAnswersTheSame() {
        Path store = tmp.resolve("store");
        CliRun first = run("dql", "data/vault", SOURCES, "--tdb", store.toString(), "--quiet");
        CliRun again = run("dql", "data/vault", SOURCES, "--tdb", store.toString(), "--quiet");
        CliRun memory = run("dql", "data/vault", SOURCES, "--quiet");
        assertEquals(0, first.exit(), first.err());
        assertEquals(memory.out(), first.out());
        assertEquals(memory.out(), again.out());
    }

    @Test
    void aRunningServerAnswersTheSame() {
        VaultLoader.LoadedVault loaded = SampleVault.load();
        try (VaultServer server = VaultServer.builder().dataset(loaded.store().dataset()).iris(loaded.mapper().iris())
                .publisher(new GardenPublisher(SampleVault.sparql(loaded), loaded.mapper().iris())).port(0).build().start()) {
            CliRun remote = run("dql", "data/vault", SOURCES, "--endpoint", server.sparqlUrl(), "--quiet");
            CliRun local = run("dql", "data/vault", SOURCES, "--quiet");
            assertEquals(0, remote.exit(), remote.err());
            assertEquals(local.out(), remote.out());
            CliRun seed = run("dql", "data/vault", "TABLE WITHOUT ID file.link AS \"Insights\" FROM [[]] AND \"Research/Insights\" SORT created DESC",
                    "--from", "Hypoxic-Cultured Autologous Mesenchymal Stem Cells (MSCs)", "--endpoint", server.sparqlUrl(), "--quiet");
            assertTrue(seed.out().endsWith("4 rows\n"), seed.out() + seed.err());
        } finally {
            loaded.store().close();
        }
    }
}
