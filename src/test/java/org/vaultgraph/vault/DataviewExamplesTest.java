package org.vaultgraph.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the examples of {@code src/test/resources/dataview/examples.txt}, taken from Dataview's own
 * tests; each failure names the section (and so the Dataview test file) and the example's line.
 */
class DataviewExamplesTest {
    private static final Path EXAMPLES = Path.of("src/test/resources/dataview/examples.txt");

    @TestFactory
    Stream<DynamicTest> examples() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        String section = null;
        int lineNumber = 0;
        for (String line : Files.readAllLines(EXAMPLES)) {
            lineNumber++;
            if (line.startsWith("## ")) {
                section = line.substring(3);
                continue;
            }
            if (line.isBlank() || line.startsWith("#")) continue;
            int tab = line.indexOf('\t');
            String input = line.substring(0, tab).replace("\\n", "\n");
            String expected = line.substring(tab + 1);
            Function<String, String> rule = rule(section);
            String name = "line " + lineNumber + " [" + section + "]: " + input;
            tests.add(DynamicTest.dynamicTest(name, () -> {
                String actual = rule.apply(input);
                // Positions are compared where the Dataview test states them.
                if (!expected.matches(".*\\[\\d+,\\d+,\\d+\\].*")) actual = actual.replaceAll(" \\[\\d+,\\d+,\\d+\\]", "");
                assertEquals(expected, actual, name);
            }));
        }
        return tests.stream();
    }

    private static Function<String, String> rule(String section) {
        String kind = section.substring(0, section.indexOf(" — "));
        switch (kind) {
            case "canonicalize":
                return FieldNames::canonicalize;
            case "inline value":
                return input -> VaultFacts.value(DataviewValues.parseInline(input));
            case "bracketed fields":
                return DataviewExamplesTest::bracketed;
            case "front matter tags":
                return DataviewExamplesTest::frontMatterTags;
            default:
                throw new IllegalArgumentException("no rule for section " + section);
        }
    }

    private static String bracketed(String line) {
        List<InlineFields.Found> found = InlineFields.bracketed(line);
        if (found.isEmpty()) return "(none)";
        return found.stream().map(f -> f.key() + "=" + line.substring(f.valueStart(), f.valueEnd()).strip()
                + " [" + f.start() + "," + f.valueStart() + "," + f.end() + "]").collect(Collectors.joining("; "));
    }

    private static String frontMatterTags(String yaml) {
        Note note = NoteParser.builder().build().parse("Note.md", "---\n" + yaml + "\n---\n", new FileStamp(0, Instant.EPOCH, Instant.EPOCH)).note();
        return note.tags().isEmpty() ? "(none)" : note.tags().stream().map(TagRef::name).collect(Collectors.joining(", "));
    }
}
