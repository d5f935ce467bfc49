package org.vaultgraph.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultgraph.SampleVault;
import org.vaultgraph.rdf.OntologyFiles;

/** validate names every planted mistake with its note and line, and passes the sample vault. */
class VaultValidatorTest {
    private static final Path PLANTED = Path.of("src/test/resources/validate/planted");
    private static final Path FALSE_ALARMS = Path.of("src/test/resources/validate/false-alarms");
    private final VaultValidator validator = new VaultValidator(OntologyFiles.shapes());

    @Test
    void theSampleVaultHasNoErrors() {
        ValidationResult result = validator.validate(SampleVault.load());
        assertTrue(result.passes(false), result.text());
        assertEquals(0, result.count(Finding.Severity.ERROR), result.text());
        assertTrue(result.shaclReport().conforms(), result.text());
        // The one finding is the sample vault's deliberate placeholder link.
        assertEquals(List.of("Research/Tags/Intradiscal Injection.md: link [[Discography]] names no note or file of the vault"),
                result.findings().stream().map(f -> f.path() + ": " + f.message()).toList());
        assertFalse(result.passes(true));
    }

    @Test
    void everyPlantedMistakeIsNamedWithItsNoteLineAndFix() throws IOException {
        ValidationResult result = validator.validate(SampleVault.load(PLANTED));
        List<String> expected = Files.readAllLines(PLANTED.resolveSibling("planted.expected.txt"));
        List<String> actual = result.text().lines().toList();
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String want = i < expected.size() ? expected.get(i) : "(nothing more)";
            String got = i < actual.size() ? actual.get(i) : "(nothing more)";
            assertEquals(want, got, "line " + (i + 1) + " of the report differs; whole report:\n" + result.text());
        }
        assertFalse(result.passes(false));
        assertFalse(result.shaclReport().conforms());
    }

    @Test
    void whatARealVaultDoesOnPurposeIsNoErrorAndLinksAreGroupedByTarget() throws IOException {
        // Each note reproduces a false alarm seen on Obsidian's own help vault.
        ValidationResult result = validator.validate(SampleVault.load(FALSE_ALARMS));
        assertEquals(Files.readString(FALSE_ALARMS.resolveSibling("false-alarms.expected.txt")), result.text());
        assertTrue(result.passes(false), "prose about \"https://\" and links to missing targets fail nothing");
        assertEquals(0, result.count(Finding.Severity.ERROR));
        assertEquals(List.of("link ![[obsidian-cli.mp4]] names a file that is not in the vault",
                        "link ![[obsidian-cli.mp4#interface]] names a file that is not in the vault"),
                result.findings().stream().filter(f -> f.missing() != null && f.missing().kind() == Finding.Missing.Kind.FILE)
                        .map(Finding::message).toList());
    }

    @Test
    void eachKindOfMistakeIsFound() {
        ValidationResult result = validator.validate(SampleVault.load(PLANTED));
        String report = result.text();
        for (String expected : List.of(
                "Insights/No Source.md\n  error    An insight cites the source it was taken from.",
                "Insights/No Statement.md\n  error    An insight has a statement",
                "Insights/Two Statements.md\n  error    line 5: An insight has one statement, not several.",
                "Insights/No Concept.md\n  error    An insight links to at least one concept",
                "line 2: An insight's source is a source note. Found: 'Jones 2019', which names no note.",
                "line 4, column 1: front matter is not valid YAML",
                "  warning  [[Vertebra]]: 1 link\n           in Concepts/Disc.md line 5, column 10\n",
                "line 3: field 'mesh' expects a MeSH identifier",
                "Sources/Untitled 2021.md\n  error    A source has one title.",
                "warning  No insight links to this concept yet",
                "warning  No insight cites this source yet.")) {
            assertTrue(report.contains(expected), "report lacks: " + expected + "\n" + report);
        }
        assertEquals(10, result.count(Finding.Severity.ERROR), report);
        assertEquals(4, result.count(Finding.Severity.WARNING), report);
    }
}
