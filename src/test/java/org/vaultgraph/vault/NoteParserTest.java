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

    private static FileStamp stamp() {
        return new FileStamp(0, Instant.EPOCH, Instant.EPOCH);
    }
}
