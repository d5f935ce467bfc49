package org.vaultgraph.bases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.vaultgraph.bases.eval.Evaluator;
import org.vaultgraph.bases.eval.FileFacts;
import org.vaultgraph.bases.graph.CandidateFiles;
import org.vaultgraph.bases.syntax.BaseSpec;
import org.vaultgraph.bases.view.ViewRunner;

/**
 * The first step of a view (the SPARQL query of its candidates) never loses a file the second step
 * (the evaluator) keeps: for each filter, the view over the candidates equals the view over every
 * file of the vault; and the filters the graph answers by index do narrow the candidates.
 */
class PushdownTest {
    @TempDir
    static Path temp;
    private static BaseVaults.Loaded vault;

    @BeforeAll
    static void load() {
        vault = BaseVaults.load(BaseVaults.copy("examples", temp));
    }

    @AfterAll
    static void close() {
        vault.close();
    }

    /** Filters, and whether the graph answers them (so that the candidates are fewer than the files). */
    private static final Object[][] FILTERS = {
        {"file.inFolder(\"Shop\")", true}, {"!file.inFolder(\"Shop\")", true}, {"file.inFolder(\"/Books/\")", true},
        {"file.inFolder(\"\")", false}, {"file.inFolder(\"Nope\")", true}, {"file.inFolder(\"Sho\")", true},
        {"file.hasTag(\"stock\")", true}, {"file.hasTag(\"STOCK\")", true}, {"file.hasTag(\"#book\", \"stock\")", true},
        {"!file.hasTag(\"stock\")", true}, {"file.hasTag(\"stock/kitchen\")", true}, {"file.hasTag(\"kitchen\")", true},
        {"file.hasLink(\"Home\")", true}, {"file.hasLink(this.file)", true}, {"file.hasLink(link(\"Reference Manual\"))", true},
        {"file.hasLink(\"Nowhere\")", true}, {"!file.hasLink(\"Home\")", true}, {"file.hasLink(\"[[Assets/cover.png]]\")", true},
        {"file.path == \"Shop/Lamp.md\"", true}, {"file.folder == \"Books\"", true}, {"file.name == \"Lamp.md\"", true},
        {"file.basename == \"cover\"", true}, {"file.basename == \"Lamp\"", true}, {"file.ext == \"png\"", true}, {"file.ext != \"md\"", false},
        {"!(file.ext == \"md\")", true}, {"\"Books\" == file.folder", true},
        {"status == \"open\"", true}, {"note.status == \"open\"", true}, {"note[\"status\"] == \"done\"", true}, {"Status == \"Done\"", true},
        {"price == 12", true}, {"price == 2.1", true}, {"completed == false", true}, {"\"open\" == status", true},
        {"!(status == \"open\")", false}, {"due_date == \"2025-05-01\"", false}, {"tags == \"stock\"", true},
        {"price > 2.1 && file.inFolder(\"Shop\")", true}, {"file.hasTag(\"stock\") || file.inFolder(\"Books\")", true},
        {"file.hasTag(\"stock\") || price > 2", false}, {"true", false}, {"false", true},
        {"file.hasTag(\"book\") && !file.hasLink(\"Reference Manual\")", true}, {"!(file.hasTag(\"book\") && price > 20)", false},
        {"!(file.inFolder(\"Shop\") || file.hasTag(\"book\"))", true},
    };

    private static String base(String filter) {
        return "filters: '" + filter.replace("'", "''") + "'\nviews:\n  - type: table\n    name: T\n";
    }

    @TestFactory
    Stream<DynamicTest> theCandidatesHoldEveryFileTheFiltersKeep() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Object[] f : FILTERS) {
            String filter = (String) f[0];
            boolean narrows = (Boolean) f[1];
            tests.add(DynamicTest.dynamicTest(filter, () -> {
                BaseSource source = new BaseSource("Home.md", 1, base(filter));
                BaseSpec spec = source.read();
                Evaluator ev = new Evaluator(vault.files(), spec.formulas(), "Home.md", "Home.md", vault.clock());
                List<FileFacts> all = new ArrayList<>();
                for (String p : vault.files().links().paths()) all.add(vault.files().file(p));
                List<String> everyFile = BaseVaults.paths(ViewRunner.run(spec, spec.views().get(0), all, ev));
                List<String> viaGraph = BaseVaults.paths(vault.engine().run(source, null, "Home.md"));
                assertEquals(everyFile, viaGraph);
                int candidates = CandidateFiles.of(vault.files(), ev, spec.filters(), null).size();
                assertTrue(candidates >= viaGraph.size());
                assertEquals(narrows, candidates < all.size(), candidates + " candidates of " + all.size() + " files; the query:\n"
                        + vault.engine().sparql(source, null, "Home.md"));
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> theExampleBasesGiveTheSameRowsEitherWay() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : List.of("Catalog.base", "Expressions.base")) {
            BaseSource source = new BaseSource(name, 1, java.nio.file.Files.readString(temp.resolve("examples").resolve(name)));
            BaseSpec spec = source.read();
            for (BaseSpec.View view : spec.views()) {
                tests.add(DynamicTest.dynamicTest(name + " / " + view.name(), () -> {
                    Evaluator ev = new Evaluator(vault.files(), spec.formulas(), name, name, vault.clock());
                    List<FileFacts> all = new ArrayList<>();
                    for (String p : vault.files().links().paths()) all.add(vault.files().file(p));
                    assertEquals(BaseVaults.paths(ViewRunner.run(spec, view, all, ev)), BaseVaults.paths(vault.engine().run(source, view.name(), null)));
                }));
            }
        }
        return tests.stream();
    }
}
