package org.vaultgraph.bases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultgraph.cli.CliRun;
import org.vaultgraph.render.GardenPublisher;
import org.vaultgraph.vault.Problem;

/**
 * Bases that cannot run: invalid YAML, an unknown function, a formula cycle, in .base files and in
 * ```base blocks. Each is one message naming the file and line, never a stack trace, and the rest of
 * the vault loads and runs as if it were not there.
 */
class BadBasesTest {
    @TempDir
    static Path temp;
    private static Path root;
    private static BaseVaults.Loaded vault;

    @BeforeAll
    static void load() {
        root = temp.resolve("bad");
        BaseVaults.write(root, "Books/Dune.md", "---\ntags: [book]\nrating: 5\n---\nA novel.\n");
        BaseVaults.write(root, "Books/Emma.md", "---\ntags: [book]\nrating: 4\n---\nAnother.\n");
        BaseVaults.write(root, "Good.base", "filters: 'file.hasTag(\"book\")'\nviews:\n  - type: table\n    name: Books\n    order: [file.name, rating]\n");
        BaseVaults.write(root, "Broken YAML.base", "filters:\n  and:\n    - file.hasTag(\"book\")\n  views: [\n");
        BaseVaults.write(root, "Unknown.base", "filters: 'file.hasTag(\"book\")'\nformulas:\n  stars: 'rating.repeatStars(\"*\")'\n");
        BaseVaults.write(root, "Cycle.base", "formulas:\n  a: 'formula.b + 1'\n  b: 'formula.c * 2'\n  c: 'formula.a'\nviews:\n  - type: table\n    name: T\n");
        BaseVaults.write(root, "Page.md", "---\ndg-publish: true\n---\n# Page\n\n```base\nfilters: 'file.hasTag(\"book\")'\nviews:\n  - type: table\n"
                + "    name: Books\n    order: [file.name, rating]\n    summaries:\n      rating: Averag\n```\n\n![[Good.base]]\n\nThe end.\n");
        vault = BaseVaults.load(root);
    }

    @AfterAll
    static void close() {
        vault.close();
    }

    private static Problem problem(String path) {
        List<Problem> found = vault.vault().problems().stream().filter(p -> p.path().equals(path)).toList();
        assertEquals(1, found.size(), path + ": " + vault.vault().problems());
        return found.get(0);
    }

    @Test
    void loadingReportsEachBadBaseOnceWithItsLine() {
        Problem yaml = problem("Broken YAML.base");
        assertEquals(5, yaml.line(), yaml.toString());
        assertTrue(yaml.message().startsWith("base: not valid YAML"), yaml.toString());
        Problem unknown = problem("Unknown.base");
        assertEquals(3, unknown.line());
        assertEquals(18, unknown.column(), unknown.toString());
        assertEquals("base: unknown function 'repeatStars'", unknown.message());
        Problem cycle = problem("Cycle.base");
        assertEquals(2, cycle.line());
        assertEquals("base: formula cycle: formula.a -> formula.b -> formula.c -> formula.a; a formula cannot use itself, directly or through other formulas",
                cycle.message());
        Problem block = problem("Page.md");
        assertEquals(9, block.line(), block.toString());
        assertTrue(block.message().contains("unknown summary 'Averag'"), block.toString());
    }

    @Test
    void theRestOfTheVaultIsUnaffected() {
        assertEquals(List.of("Books/Dune.md", "Books/Emma.md", "Page.md"), vault.files().links().notePaths());
        BaseSource good = new BaseSource("Good.base", 1, "filters: 'file.hasTag(\"book\")'\n");
        assertEquals(List.of("Books/Dune.md", "Books/Emma.md"), BaseVaults.paths(vault.engine().run(good, null, null)));
        // The bad bases are still in the graph, text kept, as bases.
        assertEquals(5, vault.files().select("PREFIX vg: <https://w3id.org/vaultgraph/ns#>\nSELECT ?path WHERE { { ?f a vg:Base ; vg:path ?path } "
                + "UNION { ?n vg:baseBlock ?b ; vg:path ?path } }").size());
    }

    @Test
    void runningABadBaseSaysWhereInOneLine() {
        BaseException e = assertThrows(BaseException.class,
                () -> vault.engine().run(new BaseSource("Cycle.base", 1, "formulas:\n  a: 'formula.a'\n"), null, null));
        assertEquals("Cycle.base:2:7: formula cycle: formula.a -> formula.a; a formula cannot use itself, directly or through other formulas",
                e.getMessage());
    }

    @Test
    void thePublishedPageShowsTheErrorAndTheGoodBase() {
        GardenPublisher publisher = new GardenPublisher(vault.sparql(), vault.vault().mapper().iris(), java.time.ZoneOffset.UTC);
        GardenPublisher.Page page = publisher.page("Page.md").orElseThrow();
        assertEquals(1, page.errors().size(), page.errors().toString());
        assertTrue(page.errors().get(0).startsWith("Page.md:9: view 'Books': unknown summary 'Averag'"), page.errors().toString());
        assertTrue(page.markdown().contains("<div class=\"obsidian-base-error\">Page.md:9: view &#x27;Books&#x27;: unknown summary"), page.markdown());
        assertTrue(page.markdown().contains("<span class=\"obsidian-bases-result-count\">2 results</span>"), page.markdown());
        assertTrue(page.markdown().endsWith("The end.\n"), page.markdown());
    }

    @Test
    void theBaseCommandFailsWithOneLineAndNoStackTrace() {
        for (String[] bad : new String[][] {
            {"Broken YAML.base", "vaultgraph: Broken YAML.base:5:1: not valid YAML: "},
            {"Unknown.base", "vaultgraph: Unknown.base:3:18: unknown function 'repeatStars'"},
            {"Cycle.base", "vaultgraph: Cycle.base:2:7: formula cycle: formula.a -> formula.b -> formula.c -> formula.a"}}) {
            CliRun run = CliRun.of("base", root.toString(), bad[0], "--quiet");
            assertEquals(1, run.exit(), run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith(bad[1]), run.err());
            assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        }
        CliRun good = CliRun.of("base", root.toString(), "Good.base", "--quiet");
        assertEquals(0, good.exit(), good.err());
        assertTrue(good.out().contains("Dune") && good.out().contains("Emma"), good.out());
        // validate lists each bad base as an error with its line, and fails.
        CliRun validate = CliRun.of("validate", root.toString());
        assertEquals(1, validate.exit(), validate.out());
        assertTrue(validate.out().contains("Cycle.base") && validate.out().contains("formula cycle"), validate.out());
        CliRun view = CliRun.of("base", root.toString(), "Good.base", "--view", "Nope", "--quiet");
        assertEquals(2, view.exit());
        assertEquals("vaultgraph: --view: the base has no view named 'Nope'; its views are 'Books'", view.err().strip());
    }
}
