package org.vaultgraph.vault;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One small vault per reading rule under {@code src/test/resources/rules/}; each states in its
 * {@code .expected.txt} (a dot-file, so the reader skips it) every fact the reader must find in it (links, tags, fields, problems...).
 * A failure names the rule and the first line that differs.
 */
class VaultRulesTest {
    private static final Path RULES = Path.of("src/test/resources/rules");

    @TestFactory
    Stream<DynamicTest> everyRuleVaultReadsAsExpected() throws IOException {
        List<Path> rules;
        try (Stream<Path> dirs = Files.list(RULES)) {
            rules = dirs.filter(Files::isDirectory).sorted().toList();
        }
        return rules.stream().map(rule -> DynamicTest.dynamicTest(rule.getFileName().toString(), () -> check(rule)));
    }

    private static void check(Path rule) throws IOException {
        Vault vault = VaultReader.builder().build().read(rule);
        List<String> actual = VaultFacts.of(vault);
        Path expectedFile = rule.resolve(".expected.txt");
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(expectedFile)) {
            if (!line.isBlank() && !line.startsWith("#")) expected.add(line);
        }
        for (int i = 0; i < Math.max(actual.size(), expected.size()); i++) {
            String want = i < expected.size() ? expected.get(i) : "(nothing more)";
            String got = i < actual.size() ? actual.get(i) : "(nothing more)";
            if (!want.equals(got)) {
                fail("rule '" + rule.getFileName() + "', fact " + (i + 1) + ":\n  expected: " + want + "\n  found:    " + got
                        + "\nall facts found:\n  " + String.join("\n  ", actual));
            }
        }
    }
}
