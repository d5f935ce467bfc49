package org.vaultgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultgraph.rdf.VG;

/** The sync index on disk: read back as written, and refused whenever it may not match the store. */
class SyncIndexFileTest {
    private static final String STAMP = "mapping=abc\noutput=3\n";

    @TempDir
    Path dir;

    @Test
    void aSnapshotAndItsJournalReadBackAsWritten() {
        SyncIndex index = sample(50);
        SyncIndexFile file = new SyncIndexFile(dir, STAMP);
        file.writeSnapshot(index);
        // Two syncs: one changes and removes entries, one is aborted.
        file.begin();
        index.put(note("n7.md", "b".repeat(64), Set.of(VG.Outcome.getURI()), List.of("Elsewhere")));
        index.remove("n8.md");
        file.commit(index, List.of("n7.md", "n8.md"));
        file.begin();
        file.abort();
        file.close();

        SyncIndexFile.Loaded loaded = new SyncIndexFile(dir, STAMP).read();
        assertNull(loaded.refused());
        assertEquals(entries(index), entries(loaded.index()));
        assertEquals(index.notes(), loaded.index().notes());
    }

    @Test
    void aSyncBegunAndNotCommittedIsRefused() {
        SyncIndexFile file = new SyncIndexFile(dir, STAMP);
        file.writeSnapshot(sample(3));
        // What a crash between the store's commit and the index's leaves.
        file.begin();
        file.close();
        SyncIndexFile.Loaded loaded = new SyncIndexFile(dir, STAMP).read();
        assertNull(loaded.index());
        assertTrue(loaded.refused().contains("not all written"), loaded.refused());
    }

    @Test
    void aDamagedOrCutFileIsRefused() throws IOException {
        SyncIndexFile file = new SyncIndexFile(dir, STAMP);
        file.writeSnapshot(sample(20));
        file.close();
        Path path = dir.resolve(SyncIndexFile.NAME);
        byte[] bytes = Files.readAllBytes(path);
        for (int cut : new int[] {bytes.length - 1, bytes.length / 2, 10}) {
            Files.write(path, Arrays.copyOf(bytes, cut));
            assertNull(new SyncIndexFile(dir, STAMP).read().index(), "cut at " + cut);
        }
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x20;
        Files.write(path, flipped);
        assertNull(new SyncIndexFile(dir, STAMP).read().index(), "one byte changed");
        Files.write(path, bytes);
        assertNotNull(new SyncIndexFile(dir, STAMP).read().index(), "and the file as written is read");
    }

    @Test
    void anotherMappingsIndexOrNoneIsRefused() {
        assertTrue(new SyncIndexFile(dir, STAMP).read().refused().contains("no sync index"));
        SyncIndexFile file = new SyncIndexFile(dir, STAMP);
        file.writeSnapshot(sample(2));
        file.close();
        assertTrue(new SyncIndexFile(dir, "mapping=other\n").read().refused().contains("another mapping"));
    }

    @Test
    void aLongJournalIsFoldedIntoANewSnapshot() throws IOException {
        SyncIndex index = sample(10);
        SyncIndexFile file = new SyncIndexFile(dir, STAMP, 0);
        file.writeSnapshot(index);
        long[] sizes = new long[2];
        for (int round = 0; round < 40; round++) {
            file.begin();
            String target = "a long link text that makes each record big enough to grow the journal quickly " + round;
            index.put(note("n1.md", "c".repeat(64), Set.of(), List.of(target)));
            file.commit(index, List.of("n1.md"));
            long size = Files.size(dir.resolve(SyncIndexFile.NAME));
            sizes[0] = Math.max(sizes[0], size);
            sizes[1] = size;
        }
        file.close();
        assertTrue(sizes[1] < sizes[0], "the file shrank when the journal was folded in: " + Arrays.toString(sizes));
        assertEquals(entries(index), entries(new SyncIndexFile(dir, STAMP).read().index()));
    }

    private static SyncIndex sample(int notes) {
        SyncIndex index = new SyncIndex();
        for (int i = 0; i < notes; i++) {
            index.put(note("n" + i + ".md", String.format("%064x", i), i % 3 == 0 ? Set.of(VG.Insight.getURI()) : Set.of(),
                    List.of("Target " + (i % 7), "n" + (i + 1), "Ünïcödé ✓ " + i)));
        }
        index.put(new SyncIndex.Entry("Figures/a b.png", false, 123, 1_700_000_000_123L, "", Set.of(), List.of()));
        return index;
    }

    private static SyncIndex.Entry note(String path, String sha, Set<String> classes, List<String> targets) {
        return new SyncIndex.Entry(path, true, 42, 1_700_000_000_000L, sha, classes, targets);
    }

    private static Map<String, SyncIndex.Entry> entries(SyncIndex index) {
        Map<String, SyncIndex.Entry> out = new TreeMap<>();
        index.entries().forEach(e -> out.put(e.path(), e));
        return out;
    }
}
