package org.vaultgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code publish} writes only the notes whose front matter says {@code dg-publish: true}; no other note's text leaves the vault. */
class PublishPrivacyTest {
    @TempDir
    Path tmp;

    private Path vault() throws Exception {
        Path vault = Files.createDirectories(tmp.resolve("vault"));
        String block = "```dataview\nLIST FROM [[]]\n```\n";
        Files.writeString(vault.resolve("Public.md"), "---\ndg-publish: true\n---\n# Public\n" + block + "![[Private]] [[Private]] ![[Unmarked]]\n");
        Files.writeString(vault.resolve("Private.md"), "---\ndg-publish: false\n---\n# Private diary SECRET-1\n" + block);
        Files.writeString(vault.resolve("Unmarked.md"), "---\ntype: therapy\n---\n# Unmarked SECRET-2\n" + block);
        Files.writeString(vault.resolve("Text.md"), "---\ndg-publish: \"yes\"\n---\n# Text flag SECRET-3\n" + block);
        Files.writeString(vault.resolve("Links.md"), "[[Public]] [[Private]] [[Unmarked]] [[Text]]\n");
        return vault;
    }

    private record Run(int exit, String err) {}

    private static Run publish(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        return new Run(cli.execute(args), err.toString());
    }

    /** The files of the garden, which its list of files written (itself not listed) names, and nothing else. */
    private static List<String> files(Path out) throws Exception {
        List<String> written;
        try (Stream<Path> files = Files.walk(out)) {
            written = files.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()).filter(p -> !p.equals(".vaultgraph-published")).sorted().toList();
        }
        assertEquals(written, Files.readAllLines(out.resolve(".vaultgraph-published")), "the list of the files written");
        return written;
    }

    @Test
    void notesNotMarkedForPublishingAreNeverWritten() throws Exception {
        Path vault = vault();
        Path out = tmp.resolve("markdown");
        Run run = publish("publish", vault.toString(), "--out", out.toString(), "--format", "markdown");

        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of("src/site/notes/Public.md"), files(out));
        String page = Files.readString(out.resolve("src/site/notes/Public.md"));
        assertFalse(page.contains("SECRET-1") || page.contains("SECRET-3"), page);
        assertTrue(page.startsWith("---\n{\"dg-publish\":true,"), page);
        assertTrue(run.err().contains("Private.md: not published: its front matter says 'dg-publish: false'"), run.err());
        assertTrue(run.err().contains("Unmarked.md: not published: no 'dg-publish: true' in its front matter"), run.err());
        assertTrue(run.err().contains("Text.md: not published: 'dg-publish' is \"yes\", not true"), run.err());
        assertTrue(run.err().contains("published 1 pages"), run.err());
    }

    @Test
    void theSiteHoldsNoTextOfAPrivateNote() throws Exception {
        Path vault = vault();
        Path out = tmp.resolve("site");
        Run run = publish("publish", vault.toString(), "--out", out.toString());

        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of("index.html", "public/index.html"), files(out));
        String page = Files.readString(out.resolve("public/index.html"));
        assertFalse(page.contains("SECRET-1"), "a note marked dg-publish: false is never embedded: " + page);
        assertTrue(page.contains("SECRET-2"), "a note without the key is embedded, as the plugin embeds it: " + page);
        assertFalse(page.contains("SECRET-3"), page);
        assertTrue(page.contains("<span class=\"internal-link is-unresolved\">Private</span>"), "a link to a private note is text: " + page);
        assertTrue(run.err().contains("Public.md: Private.md is not embedded: its front matter says 'dg-publish: false'"), run.err());
    }

    @Test
    void aVaultWithoutPublishedNotesSaysWhyAndAllPublishesEveryNote() throws Exception {
        Path vault = Files.createDirectories(tmp.resolve("plain"));
        Files.writeString(vault.resolve("A.md"), "# A\nSee [[B]].\n");
        Files.writeString(vault.resolve("B.md"), "# B\n");
        Run none = publish("publish", vault.toString(), "--out", tmp.resolve("none").toString(), "--quiet");
        assertEquals(0, none.exit(), none.err());
        assertTrue(none.err().contains("published 0 pages: none of the 2 notes says 'dg-publish: true' in its front matter; --all publishes every note"),
                none.err());
        assertFalse(Files.exists(tmp.resolve("none")), "nothing is written");

        Path out = tmp.resolve("all");
        Run all = publish("publish", vault.toString(), "--out", out.toString(), "--all", "--check-links");
        assertEquals(0, all.exit(), all.err());
        assertEquals(List.of("a/index.html", "b/index.html", "index.html"), files(out));
        assertTrue(Files.readString(out.resolve("a/index.html")).contains("<a class=\"internal-link\" href=\"/b/\">B</a>"));
        assertTrue(all.err().contains(": 0 broken"), all.err());
    }
}
