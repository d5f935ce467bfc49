package org.vaultgraph.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * The fast path for flat front matter against SnakeYAML: on many generated front matters, made of
 * the tricky pieces of YAML (quotes, colons, '#', dates, numbers in every notation, YAML 1.1 words,
 * empty values, duplicated keys, tabs, unicode, lists and maps), both give the same fields, types,
 * lines, tags, aliases, links and problems. {@code -Dflat.runs=N -Dflat.seed=S} for a longer run.
 */
class FlatYamlDifferentialTest {
    private static final String[] KEYS = {"title", "Date Created", "date", "day", "tags", "tag", "aliases", "alias", "position",
        "created", "modified", "dg-publish", "a.b", "a/b", "_x", "1", "true", "null", "ключ", "日本", "key ", " key", "key\t",
        "\"quoted key\"", "'single'", "? x", "-k", "k#x", "k #x", "a b c", "x".repeat(130), "k:x", "Ünï", "emoji🚀", "<<", "%k", "&a k"};
    private static final String[] VALUES = {"plain text", "", " ", "\"quoted: with colon\"", "'single ''quoted'''", "\"unterminated",
        "'x' trailing", "\"a\" b", "a: b", "a:b", "http://example.org/x?y=1#frag", "C#", "a #comment", "#tag", "#", "a#b",
        "2025-01-30", "2025-01-30T10:00:00", "2025-01-30T10:00:00+02:00", "2025-01-30T10:00:00Z", "2025-13-45", "2025-01-30 10:00",
        "1e3", "1E3", "0x1F", "0X1F", "0o17", "0o19", ".5", "+1", "-1", "+.5e-3", "1_000", "1.", "1e", "-0", "007", "0", "12:30",
        "12:30:00", "-.inf", ".inf", ".Inf", ".nan", ".NaN", "yes", "no", "on", "off", "y", "n", "true", "True", "TRUE", "tRue",
        "false", "null", "Null", "NULL", "nULL", "~", "[[Some Note]]", "\"[[Some Note|alias]]\"", "'[[a#b]]'", "[[a]], [[b]]",
        "[a, b]", "[]", "{a: 1}", "{}", "- item", "-", "-x", "--x", "--- x", "|", ">", "|-", "&anchor value", "*alias", "!tag x",
        "!!str 5", "%x", "@x", "`x`", "?x", "? x", ":x", ": x", "3 hours", "1 day, 2 hours", "4h 30m", "P1D", "ünïcödé ✓",
        "emoji 🚀", "日本語", "tab\there", "a\u00A0b", "\u2003em", "x\u2028y", "a\u0085b", "bell\u0007", "value:", "---", "...",
        "a, b, c", "#a #b, c", "\"esc \\\" quote\"", "\"\\u00e9\"", "'it''s'", "\"\"", "''", "\"  padded  \"", "a   b",
        "trailing   ", "'multi", "\"a\" # note", "x \"y\" z", "{{template}}", "<b>html</b>", "100%", "a|b", "a > b", "'", "\""};
    /** What front matter mostly holds, tricky enough still: the fast path should read these. */
    private static final String[] COMMON_KEYS = {"title", "Date Created", "date", "tags", "aliases", "created", "dg-publish", "year",
        "ключ", "a.b", "a/b", "_x", "1", "null"};
    private static final String[] COMMON_VALUES = {"plain text", "", "\"quoted: with colon\"", "'single ''quoted'''", "a:b",
        "http://example.org/x?y=1#frag", "C#", "a#b", "2025-01-30", "2025-01-30T10:00:00+02:00", "1e3", "0x1F", "0o17", ".5", "+1",
        "-1", "1_000", "yes", "no", "on", "off", "true", "False", "null", "~", "\"[[Some Note|alias]]\"", "3 hours", "ünïcödé ✓",
        "emoji 🚀", "a\u00A0b", "a, b, c", "'it''s'", "\"\"", "-x", "100%", "\"  padded  \"", ".inf", "-.inf", ".nan"};
    /** Lines SnakeYAML reads in many ways: lists of every shape and everything the fast path must leave alone. */
    private static final String[] ODD_LINES = {"", "   ", "# a comment", "  indented: 1", "  - item", "- item", "---", "...",
        "key: |", "  block text", "key:", "list:\n  - a\n  - \"[[b]]\"", "map:\n  a: 1\n  b: [x, y]", "k: v\tcomment", "\tk: v",
        "%YAML 1.2", "k: [a,\n  b]", "tags:\n  - insight\n  - \"[[x]]\"", "outcomes:\n- a\n- b", "l:\n  - a\n   - b",
        "l:\n  - a\n  -b", "l:\n  - \n  - b", "l:\n  -", "l:\n  - - a", "l:\n  - a: b", "l:\n\n  - a\n\n  - b", "l:\n  - a\n    c",
        "l: x\n  - a", "- a", "l:\n  - 'it''s'\n  - 1e3\n  - ~\n  - \"\"\n  - yes", "l:\n  - a #c", "l:\n  - [a]", "l:\n  - |\n    t",
        "l:\n  - 2025-01-30\n  - \"[[A|b]]\"\n  - [[c]]", "k: 'a\n  b'", "k: a\n  continued", "[a, b]: c", "? complex\n: value", "k: &a 1\nl: *a"};

    @Test
    void theFastPathReadsFlatFrontMatterExactlyAsSnakeYamlDoes() {
        long seed = Long.getLong("flat.seed", 12);
        int runs = Integer.getInteger("flat.runs", 20_000);
        Random random = new Random(seed);
        FrontMatterReader snake = new FrontMatterReader(false);
        FrontMatterReader fast = new FrontMatterReader(true);
        int fastPathTaken = 0;
        for (int run = 0; run < runs; run++) {
            String yaml = frontMatter(random);
            if (FlatYaml.read(yaml, new CoreSchema().getScalarResolver()).isPresent()) fastPathTaken++;
            FrontMatterReader.Block block = new FrontMatterReader.Block(yaml, 0);
            List<Problem> expectedProblems = new ArrayList<>();
            List<Problem> actualProblems = new ArrayList<>();
            FrontMatterReader.Content expected = snake.read("n.md", block, expectedProblems);
            FrontMatterReader.Content actual = fast.read("n.md", block, actualProblems);
            String where = "seed " + seed + ", run " + run + ", front matter:\n" + yaml;
            assertEquals(expected, actual, where);
            assertEquals(expectedProblems, actualProblems, where);
        }
        // The comparison means something only if the fast path is taken often, and fallen back from often.
        assertTrue(fastPathTaken > runs / 5 && fastPathTaken < runs * 4 / 5, "fast path taken " + fastPathTaken + " times of " + runs);
    }

    /** Mostly flat lines of tricky keys and values; now and then a line only SnakeYAML may read. */
    private static String frontMatter(Random random) {
        StringBuilder yaml = new StringBuilder();
        boolean flatOnly = random.nextInt(3) > 0;
        int lines = 1 + random.nextInt(8);
        for (int i = 0; i < lines; i++) {
            if (random.nextInt(flatOnly ? 12 : 6) == 0) {
                yaml.append(pick(random, ODD_LINES)).append('\n');
                continue;
            }
            String key = flatOnly ? pick(random, COMMON_KEYS) : random.nextInt(4) == 0 ? pick(random, KEYS) : pick(random, KEYS).strip();
            String value = flatOnly && random.nextInt(5) > 0 ? pick(random, COMMON_VALUES) : pick(random, VALUES);
            String separator = switch (random.nextInt(10)) {
                case 0 -> ":";
                case 1 -> ":   ";
                case 2 -> flatOnly ? ": " : ":\t";
                default -> ": ";
            };
            yaml.append(key).append(separator).append(value).append(random.nextInt(8) == 0 ? "  " : "").append('\n');
        }
        return random.nextInt(10) == 0 ? yaml.substring(0, yaml.length() - 1) : yaml.toString();
    }

    private static String pick(Random random, String[] from) {
        return from[random.nextInt(from.length)];
    }
}
