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

    @Test
    void notesNotMarkedForPublishingAreNeverWritten() throws Exception {
        Path vault = Files.createDirectories(tmp.resolve("vault"));
        String block = "```dataview\nLIST FROM [[]]\n```\n";
        Files.writeString(vault.resolve("Public.md"), "---\ndg-publish: true\n---\n# Public\n" + block);
        Files.writeString(vault.resolve("Private.md"), "---\ndg-publish: false\n---\n# Private diary SECRET-1\n" + block);
        Files.writeString(vault.resolve("Unmarked.md"), "---\ntype: therapy\n---\n# Unmarked SECRET-2\n" + block);
        Files.writeString(vault.resolve("Text.md"), "---\ndg-publish: \"yes\"\n---\n# Text flag SECRET-3\n" + block);
        Files.writeString(vault.resolve("Links.md"), "[[Public]] [[Private]] [[Unmarked]] [[Text]]\n");
        Path out = tmp.resolve("site");

        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("publish", vault.toString(), "--out", out.toString());

        assertEquals(0, exit, err.toString());
        List<String> written;
        try (Stream<Path> files = Files.walk(out)) {
            written = files.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()).sorted().toList();
        }
        assertEquals(List.of("Public.md"), written);
        String page = Files.readString(out.resolve("Public.md"));
        assertFalse(page.contains("SECRET"), page);
        assertTrue(page.startsWith("---\n{\"dg-publish\":true,"), page);
        for (String kept : List.of("Private.md", "Unmarked.md", "Text.md")) {
            assertTrue(err.toString().contains(kept + ": not published: its front matter does not say 'dg-publish: true'"), err.toString());
        }
        assertTrue(err.toString().contains("published 1 pages"), err.toString());
    }
}
