package org.vaultgraph.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoteParserTest {
    @TempDir
    Path vault;

    @Test
    void withoutFrontMatterDatesTimesComeFromTheFileSystem() throws Exception {
        Path note = vault.resolve("Plain.md");
        Files.writeString(note, "No dates here.\n");
        Files.setLastModifiedTime(note, FileTime.from(Instant.parse("2024-03-10T12:34:56.789Z")));
        Vault read = VaultReader.builder().parser(NoteParser.builder().zone(ZoneId.of("America/New_York")).build()).build().read(vault);
        Note plain = read.notes().get(0);
        assertEquals(new FieldValue.DateValue("2024-03-10T08:34:56-04:00", true), plain.modified());
    }

    @Test
    void frontMatterDatesWinWhenTheNoteHasThem() {
        NoteParser parser = NoteParser.builder().modifiedKeys(List.of("updated")).build();
        Note note = parser.parse("a.md", "---\nupdated: 2025-01-30T16:40:43-05:00\n---\n", stamp()).note();
        assertEquals(new FieldValue.DateValue("2025-01-30T16:40:43-05:00", true), note.modified());
    }

    @Test
    void byteOrderMarkAndWindowsLineBreaksReadLikeAnyNote() {
        String text = "\uFEFF---\r\ntags: [x]\r\n---\r\nline:: one\r\nSee [[Target]]\r\n";
        Note note = NoteParser.builder().build().parse("a.md", text, stamp()).note();
        assertEquals(List.of(new TagRef("x", 2, true)), note.tags());
        assertEquals("one", ((FieldValue.Text) note.field("line").orElseThrow().value()).text());
        assertEquals(5, note.links().get(0).line());
        assertTrue(note.text().startsWith("---\ntags"));
    }

    @Test
    void invalidUtf8IsReadWithReplacementsAndReported() throws Exception {
        Files.write(vault.resolve("Bad.md"), "ok line\nbad \u00ff byte [[Link]]\n".getBytes(StandardCharsets.ISO_8859_1));
        Vault read = VaultReader.builder().build().read(vault);
        assertEquals(1, read.notes().size());
        assertEquals("Link", read.notes().get(0).links().get(0).target());
        assertEquals("Bad.md:2: is not valid UTF-8; unreadable bytes are shown as \uFFFD", read.problems().get(0).toString());
    }

    @Test
    void aBinaryFileNamedMdIsKeptAsAFile() throws Exception {
        Files.write(vault.resolve("image.md"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        Files.writeString(vault.resolve("Good.md"), "fine");
        Vault read = VaultReader.builder().build().read(vault);
        assertEquals(List.of("Good.md"), read.notes().stream().map(Note::path).toList());
        assertEquals(List.of("image.md"), read.attachments().stream().map(Attachment::path).toList());
        assertEquals("image.md: holds binary data, not text; kept as a file but not read as a note", read.problems().get(0).toString());
    }

    @Test
    void anEmptyVaultIsAVaultWithNoNotes() {
        Vault read = VaultReader.builder().build().read(vault);
        assertEquals(0, read.notes().size());
        assertTrue(read.problems().isEmpty());
    }

    @Test
    void limitsKeepTheFirstOccurrencesThenEachNewTargetAndSayWhereTheRestBegins() {
        NoteParser parser = NoteParser.builder().limits(new NoteLimits(3, 5, 2, 2, 1)).build();
        String text = String.join("\n",
                "[[A]] [[A]] [[A]] [[A]] [[B]]",   // line 1: three as written, then [[A]] again is left out, [[B]] is new
                "[[C]] [[B]] [[D]] [[E]]",          // line 2: C new (5 in all), then nothing more
                "#x #x #x #x #y #z #w",              // line 3: tags by the same rule
                "[a:: 1] [b:: 2] [c:: 3]",          // line 4: two fields
                "- one", "- two", "- three",        // lines 5-7: two items
                "```a", "x", "```", "```b", "y", "```") + "\n";
        NoteParser.Result result = parser.parse("n.md", text, stamp());
        Note note = result.note();
        assertEquals(List.of("A", "A", "A", "B", "C"), note.links().stream().map(Link::target).toList());
        assertEquals(List.of("x", "x", "x", "y", "z"), note.tags().stream().map(TagRef::name).toList());
        assertEquals(List.of("a", "b"), note.fields().stream().map(Field::key).toList());
        assertEquals(List.of(5, 6), note.listItems().stream().map(ListItem::line).toList());
        assertEquals(List.of("a"), note.codeBlocks().stream().map(CodeBlock::language).toList());
        assertEquals(List.of(
                "n.md:1: has 9 links, more than the 3 kept as written; after those only the first to each other target is kept"
                        + " (2 here, at most 5 in all), so 4 from this line on are left out of the graph (the note's text keeps them)",
                "n.md:3: has 7 tags, more than the 3 kept as written; after those only the first to each other tag is kept"
                        + " (2 here, at most 5 in all), so 2 from this line on are left out of the graph (the note's text keeps them)",
                "n.md:4: has 3 inline fields, more than the 2 kept as written, so 1 from this line on are left out of the graph"
                        + " (the note's text keeps them)",
                "n.md:7: has 3 list items, more than the 2 kept as written, so 1 from this line on are left out of the graph"
                        + " (the note's text keeps them)",
                "n.md:11: has 2 code blocks, more than the 1 kept as written, so 1 from this line on are left out of the graph"
                        + " (the note's text keeps them)"),
                result.problems().stream().map(Problem::toString).toList());
        assertTrue(result.problems().stream().allMatch(Problem::minor), "the note is read; only details are left out");
        assertEquals(result, parser.parse("n.md", text, stamp()), "the same text keeps the same things: sync and a fresh load agree");
    }

    /**
     * Notes of the sample vault and of the rule tests, strung together and parsed a few hundred
     * characters at a time, read exactly as parsed whole, unless a single block had to be cut (which
     * is reported).
     */
    @Test
    void aNoteParsedInPartsReadsAsParsedWhole() throws Exception {
        List<String> texts = new java.util.ArrayList<>();
        for (Path root : List.of(Path.of("data/vault"), Path.of("src/test/resources/rules"), Path.of("src/test/resources/conformance"))) {
            try (var files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                    texts.add(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
                }
            }
        }
        NoteParser whole = NoteParser.builder().zone(ZoneId.of("UTC")).build();
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        int compared = 0;
        int cut = 0;
        for (int partSize : new int[] {64, 300, 2000}) {
            NoteParser inParts = NoteParser.builder().zone(ZoneId.of("UTC")).partSize(partSize).build();
            for (int run = 0; run < 200; run++) {
                StringBuilder text = new StringBuilder();
                for (int k = random.nextInt(2, 10); k > 0; k--) text.append(texts.get(random.nextInt(texts.size()))).append(random.nextBoolean() ? "\n" : "\n\n");
                NoteParser.Result parts = inParts.parse("n.md", text.toString(), stamp());
                if (parts.problems().stream().anyMatch(p -> p.message().contains("is read in parts"))) {
                    cut++;
                    continue;
                }
                assertEquals(whole.parse("n.md", text.toString(), stamp()), parts, "part size " + partSize + ":\n" + text);
                compared++;
            }
        }
        assertTrue(compared > 300 && cut > 0, compared + " compared, " + cut + " with a block cut");
    }

    private static FileStamp stamp() {
        return new FileStamp(0, Instant.EPOCH, Instant.EPOCH);
    }
}
