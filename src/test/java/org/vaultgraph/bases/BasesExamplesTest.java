package org.vaultgraph.bases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.vaultgraph.bases.eval.Evaluator;
import org.vaultgraph.bases.eval.Scope;
import org.vaultgraph.bases.syntax.BaseReader;
import org.vaultgraph.bases.syntax.BaseSpec;
import org.vaultgraph.bases.syntax.ExprParser;
import org.vaultgraph.bases.value.BaseValue;
import org.vaultgraph.bases.value.BaseValues;
import org.vaultgraph.bases.view.ViewResult;

/**
 * Every example of Obsidian's Bases pages (Bases syntax, Functions, Formulas, Views, the layouts,
 * Create a base), on the notes and bases of {@code src/test/resources/bases/examples}, written for
 * these tests. The expressions are in {@code expressions.txt}, each under the page it comes from;
 * the views are here, each test naming its page. Expected results were worked out from the pages.
 */
class BasesExamplesTest {
    private static final List<String> PAGES = List.of("Bases syntax", "Functions", "Formulas", "Views", "Table view", "Cards view",
            "List view", "Map view", "Create a base");

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

    private static BaseSource base(String path) throws IOException {
        return new BaseSource(path, 1, Files.readString(temp.resolve("examples").resolve(path)));
    }

    // --- Expressions ------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> everyExpressionExampleGivesWhatItsPageSays() throws IOException {
        BaseSpec formulas = BaseReader.read(Files.readString(temp.resolve("examples/Expressions.base")));
        List<DynamicTest> tests = new ArrayList<>();
        String file = null;
        String self = "Expressions.base";
        String citation = null;
        int number = 0;
        for (String line : Files.readAllLines(Path.of("src/test/resources/bases/expressions.txt"))) {
            number++;
            if (line.isBlank()) continue;
            if (line.startsWith("#")) {
                citation = line.substring(1).strip();
                continue;
            }
            if (line.startsWith("@ ")) {
                String[] parts = line.substring(2).split(" this ");
                file = parts[0].strip();
                self = parts.length > 1 ? parts[1].strip() : "Expressions.base";
                citation = null;
                continue;
            }
            int arrow = line.lastIndexOf(" => ");
            assertTrue(arrow > 0, "line " + number + " is no case: " + line);
            String cited = citation;
            assertTrue(cited != null && PAGES.stream().anyMatch(cited::startsWith), "line " + number + " names no page: " + line);
            String expression = line.substring(0, arrow).strip();
            String expected = line.substring(arrow + 4).strip();
            String at = file;
            String thisFile = self;
            int lineNumber = number;
            tests.add(DynamicTest.dynamicTest(lineNumber + ": " + expression + " (" + cited + ")", () -> {
                Evaluator ev = new Evaluator(vault.files(), formulas.formulas(), "Expressions.base", thisFile, vault.clock());
                Scope scope = Scope.of(vault.files().file(at));
                BaseValue actual = ev.cell(ExprParser.parse(expression), scope);
                if (expected.equals("error")) {
                    assertInstanceOf(BaseValue.ErrorValue.class, actual, expression);
                    return;
                }
                BaseValue wanted = ev.value(ExprParser.parse(expected), scope);
                assertEquals(BaseValues.typeName(wanted), BaseValues.typeName(actual), expression + " gave " + BaseValues.text(actual));
                assertTrue(BaseValues.equal(wanted, actual), expression + " gave " + BaseValues.text(actual) + ", not " + BaseValues.text(wanted));
            }));
        }
        assertTrue(tests.size() > 250, "cases: " + tests.size());
        return tests.stream();
    }

    // --- Summaries (Bases syntax, "Default Summary Formulas"; Table view, "Built-in summaries") ---

    private BaseValue summary(String name, String values) {
        BaseSpec base = BaseReader.read("summaries:\n  roundedMean: 'values.mean().round(3)'\n"
                + "  largest: 'values.filter(value.isType(\"number\")).reduce(if(acc == null || value > acc, value, acc), null)'\n");
        Evaluator ev = new Evaluator(vault.files(), base.formulas(), "Expressions.base", "Expressions.base", vault.clock());
        BaseValue list = ev.value(ExprParser.parse(values), Scope.of(null));
        return org.vaultgraph.bases.eval.Summaries.compute(name, ((BaseValue.ListValue) list).items(), base, ev);
    }

    private void assertSummary(String expected, String name, String values) {
        assertEquals(expected, BaseValues.text(summary(name, values)), name + " of " + values);
    }

    @Test
    void everyDefaultSummaryAsTheTableSays() {
        assertSummary("2.5", "Average", "[1, 2, 3, 4]");
        assertSummary("1", "Min", "[3, 1, 2]");
        assertSummary("3", "Max", "[3, 1, 2]");
        assertSummary("6", "Sum", "[1, 2, 3]");
        assertSummary("7", "Range", "[2, 9, 4]");
        assertSummary("3", "Median", "[5, 1, 3]");
        assertSummary("2.5", "Median", "[1, 2, 3, 4]");
        assertSummary("2", "Stddev", "[2, 4, 4, 4, 5, 5, 7, 9]");
        assertSummary("2024-12-31", "Earliest", "[date(\"2025-01-02\"), date(\"2024-12-31\")]");
        assertSummary("2025-01-02", "Latest", "[date(\"2025-01-02\"), date(\"2024-12-31\")]");
        assertSummary("2 days", "Range", "[date(\"2025-01-02\"), date(\"2024-12-31\")]");
        assertSummary("2", "Checked", "[true, false, true, null]");
        assertSummary("1", "Unchecked", "[true, false, true, null]");
        assertSummary("3", "Empty", "[1, null, \"\", [], \"a\"]");
        assertSummary("2", "Filled", "[1, null, \"\", [], \"a\"]");
        assertSummary("2", "Unique", "[1, 1, \"a\", \"a\", null]");
        // The page's custom summary (the Average, rounded to three places) and the Functions page's reduce example.
        assertSummary("1.667", "roundedMean", "[1, 2, 2]");
        assertSummary("7", "largest", "[3, \"x\", 7, 5]");
    }

    // --- The Bases syntax page's example base --------------------------------------------------

    @Test
    void theSyntaxPagesExampleBaseGroupsByAgeDescendingWithItsAverage() throws IOException {
        // Bases syntax, "Example": the global or() lets in the stock notes, the book that links the manual,
        // and whatever is neither a book nor in Set Texts; the view keeps what is not done and costs more
        // than 2.1 or more than 5 a year (per_year is text, compared as a number).
        ViewResult table = vault.engine().run(base("Catalog.base"), "Stock table", null);
        assertEquals(List.of("Formulas/Project.md", "Books/Atlas.md", "Notes/Clock.md", "Shop/Lamp.md"), BaseVaults.paths(table));
        assertEquals(List.of("file name", "Extension", "age", "per_year", "Price"), table.columns().stream().map(ViewResult.Column::name).toList());
        assertEquals(List.of("16", "4", "3"), table.groups().stream().map(g -> BaseValues.text(g.key())).toList());
        assertEquals(List.of(1, 1, 2), table.groups().stream().map(g -> g.rows().size()).toList());
        List<String> lamp = table.rows().get(3).cells().stream().map(BaseValues::text).toList();
        assertEquals(List.of("Lamp.md", "md", "3", "16.67", "50.00 euros"), lamp);
        assertEquals(List.of("Project.md", "md", "16", "1.25", "20.00 euros"), table.rows().get(0).cells().stream().map(BaseValues::text).toList());
        // Average of the per_year column: (1.25 + 3 + 3 + 16.67) / 4, and per group.
        assertEquals(5.98, number(table.summaries().get(0).value()), 1e-9);
        assertEquals(9.835, number(table.groups().get(2).summaries().get(0).value()), 1e-9);
        assertEquals("Average", table.summaries().get(0).name());
    }

    @Test
    void aCustomSummaryFormulaAndASortOnATextFormula() throws IOException {
        // Bases syntax, "Summaries": roundedMean is the mean rounded to three places; per_year is text,
        // so sorting it descending orders "3.00" before "16.67" before "1.25".
        ViewResult rounded = vault.engine().run(base("Catalog.base"), "Rounded", null);
        assertEquals(List.of("Books/Atlas.md", "Notes/Clock.md", "Shop/Lamp.md", "Formulas/Project.md"), BaseVaults.paths(rounded));
        assertEquals("5.98", BaseValues.text(rounded.summaries().get(0).value()));
    }

    @Test
    void aListViewSortedByNumberAndLimited() throws IOException {
        // Views, "Sort and group results" and "Limit results": the two smallest prices.
        ViewResult list = vault.engine().run(base("Catalog.base"), "Two cheapest", null);
        assertEquals(List.of("Shop/Mug.md", "Shop/Kettle.md"), BaseVaults.paths(list));
        assertEquals(7, list.matched());
        assertEquals("list", list.view().type());
    }

    @Test
    void anEmbedShowsTheFirstViewAndThisIsTheEmbeddingNote() throws IOException {
        // Views, "Embed a view": ![[File.base]] uses the first view.
        assertEquals("Stock table", vault.engine().run(base("Catalog.base"), null, "Home.md").view().name());
        // Create a base, "Embed a base as a code block": the block's example, files tagged #example.
        String home = Files.readString(temp.resolve("examples/Home.md"));
        int start = home.indexOf("```base\n") + 8;
        String block = home.substring(start, home.indexOf("```", start));
        ViewResult table = vault.engine().run(new BaseSource("Home.md", 17, block), null, "Home.md");
        assertEquals(List.of("Notes/Sample.md"), BaseVaults.paths(table));
        // Bases syntax, this: file.hasLink(this.file) in a note lists the notes that link to it.
        int second = home.indexOf("```base\n", start) + 8;
        ViewResult backlinks = vault.engine().run(new BaseSource("Home.md", 30, home.substring(second, home.indexOf("```", second))), null, "Home.md");
        assertEquals(List.of("Formulas/Project.md", "Notes/Sample.md"), BaseVaults.paths(backlinks));
    }

    @Test
    void withoutFiltersABaseHoldsEveryFileAndExtSelectsTheNotes() {
        // Bases syntax, "Filters": by default a base includes every file; file.ext == "md" only the notes.
        int files = vault.files().links().paths().size();
        ViewResult all = vault.engine().run(new BaseSource("All.base", 1, "views:\n  - type: table\n    name: All\n"), null, null);
        assertEquals(files, all.rows().size());
        assertTrue(BaseVaults.paths(all).contains("Assets/cover.png") && BaseVaults.paths(all).contains("Catalog.base"));
        ViewResult notes = vault.engine().run(new BaseSource("All.base", 1, "filters: 'file.ext == \"md\"'\n"), null, null);
        assertEquals(vault.files().links().notePaths(), BaseVaults.paths(notes));
        assertEquals(List.of("file.name"), notes.columns().stream().map(ViewResult.Column::property).toList(), "a view without order shows the file name");
    }

    @Test
    void filtersOfTheBaseAndOfTheViewJoinWithAnd() {
        // Bases syntax, "Filters": both levels apply, joined with and; not means none of its items.
        String text = "filters:\n  not:\n    - file.inFolder(\"Shop\")\n    - file.inFolder(\"Books\")\nviews:\n  - type: table\n    name: Priced\n"
                + "    filters: 'price'\n    sort:\n      - property: file.name\n        direction: ASC\n";
        ViewResult priced = vault.engine().run(new BaseSource("Priced.base", 1, text), null, null);
        assertEquals(List.of("Notes/Clock.md", "Set Texts/Grammar.md", "Notes/Pen.md", "Formulas/Project.md"), BaseVaults.paths(priced));
    }

    @Test
    void sortsTextAlphabeticallyNumbersAndDatesByValueEitherWay() {
        // Views, "Add a sort": text A→Z and Z→A, numbers 0→1, dates old to new; empty values last.
        String text = "filters: 'file.inFolder(\"Shop\") || file.inFolder(\"Books\")'\nviews:\n"
                + "  - {type: table, name: ZA, sort: [{property: file.name, direction: DESC}]}\n"
                + "  - {type: table, name: Cheap, sort: [{property: price, direction: ASC}]}\n"
                + "  - {type: table, name: Status, sort: [{property: status, direction: DESC}, {property: file.name, direction: ASC}]}\n";
        BaseSource source = new BaseSource("Sorts.base", 1, text);
        assertEquals(List.of("Books/Novel.md", "Shop/Mug.md", "Shop/Lamp.md", "Shop/Kettle.md", "Books/Atlas.md"),
                BaseVaults.paths(vault.engine().run(source, "ZA", null)));
        assertEquals(List.of("Shop/Mug.md", "Shop/Kettle.md", "Books/Atlas.md", "Books/Novel.md", "Shop/Lamp.md"),
                BaseVaults.paths(vault.engine().run(source, "Cheap", null)));
        assertEquals(List.of("Shop/Lamp.md", "Shop/Mug.md", "Shop/Kettle.md", "Books/Atlas.md", "Books/Novel.md"),
                BaseVaults.paths(vault.engine().run(source, "Status", null)));
    }

    @Test
    void theMapViewsExampleFindsThePlacesAndACardsViewTakesItsImage() {
        // Map view, "Example": a view with a filter for the tag places; drawn here as a table.
        String text = "filters: 'file.hasTag(\"places\")'\nformulas:\n  Type icon: 'list(type)[0].asFile().properties.icon'\n"
                + "views:\n  - type: map\n    name: Places\n    order: [file.name, formula.Type icon, color]\n"
                + "  - type: cards\n    name: Covers\n    image: note.cover\n";
        ViewResult map = vault.engine().run(new BaseSource("Places.base", 1, text), "Places", null);
        assertEquals(List.of("Places/Bistro.md"), BaseVaults.paths(map));
        assertEquals("utensils", BaseValues.text(map.rows().get(0).cells().get(1)));
        // Cards view, "Image property": the image is the row's value of the property the view names.
        ViewResult cards = vault.engine().run(new BaseSource("Covers.base", 1,
                "filters: 'file.inFolder(\"Formulas\")'\nviews:\n  - type: cards\n    name: Covers\n    image: note.cover\n"), null, null);
        assertInstanceOf(BaseValue.LinkValue.class, cards.rows().get(1).image());
        assertEquals("Assets/cover.png", ((BaseValue.LinkValue) cards.rows().get(1).image()).target());
    }

    private static double number(BaseValue v) {
        assertFalse(v instanceof BaseValue.ErrorValue, BaseValues.text(v));
        return ((BaseValue.NumberValue) v).value();
    }
}
