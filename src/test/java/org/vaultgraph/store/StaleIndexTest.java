package org.vaultgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaultgraph.store.StoreAssertions.assertFreshConversion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultgraph.generate.VaultGenerator;
import org.vaultgraph.rdf.Mapping;
import org.vaultgraph.rdf.VaultMapper;
import org.vaultgraph.vault.VaultReader;

/**
 * A TDB2 store whose sync index on disk is stale, damaged or missing, or whose load did not finish:
 * each is found at the next start and answered with a re-check or a rebuild, never a wrong graph.
 */
class StaleIndexTest {
    @TempDir
    Path tmp;
    private Path vault;
    private Path tdb;
    private final VaultLoader loader = VaultLoader.builder().zone(ZoneOffset.UTC).build();
    private final List<String> log = new ArrayList<>();
    private long clock = 1_800_000_000_000L;

    @BeforeEach
    void vault() throws IOException {
        vault = tmp.resolve("vault");
        tdb = tmp.resolve("tdb");
        new VaultGenerator(40, 11).write(vault);
        write("Notes/Linker.md", "---\ntype: other\n---\nSee [[Newcomer]].\n");
    }

    @Test
    void aCrashBetweenTheStoresCommitAndTheIndexsIsFoundAndReChecked() throws IOException {
        open().close();
        byte[] before = Files.readAllBytes(tdb.resolve(SyncIndexFile.NAME));
        // A note appears that another note links to: the store gets it, and the linker is re-mapped.
        write("Research/Tags/Newcomer.md", "---\ntype: therapy\n---\nNew.\n");
        try (SyncedStore synced = open()) {
            assertEquals(1, synced.firstSync().added(), synced.firstSync().toString());
            assertEquals(1, synced.firstSync().relinked(), synced.firstSync().toString());
        }
        // As if the process died after the store committed that sync and before the index did.
        Files.write(tdb.resolve(SyncIndexFile.NAME), before);
        SyncIndexFile file = new SyncIndexFile(tdb, Files.readString(tdb.resolve(StoreFolder.STAMP_FILE)));
        file.read();
        file.begin();
        file.close();
        // The vault goes back to what the old index says: only the BEGIN tells that the store did not.
        Files.delete(vault.resolve("Research/Tags/Newcomer.md"));
        try (SyncedStore synced = open()) {
            assertTrue(log.stream().anyMatch(l -> l.contains("not all written") && l.contains("reading the index back from the store")), log.toString());
            assertEquals(1, synced.firstSync().removed(), synced.firstSync().toString());
            assertFreshConversion(synced.store().dataset(), vault, "after the crash");
        }
        // The index was written anew: the next start reads it and finds nothing to do.
        log.clear();
        try (SyncedStore synced = open()) {
            assertTrue(log.isEmpty(), log.toString());
            assertFalse(synced.firstSync().changedAnything(), synced.firstSync().toString());
        }
    }

    @Test
    void aDamagedIndexIsReChecked() throws IOException {
        open().close();
        Path index = tdb.resolve(SyncIndexFile.NAME);
        byte[] bytes = Files.readAllBytes(index);
        Files.write(index, Arrays.copyOf(bytes, bytes.length - 7));
        write("Research/Tags/Newcomer.md", "---\ntype: outcome\n---\nNew.\n");
        try (SyncedStore synced = open()) {
            assertTrue(log.stream().anyMatch(l -> l.contains("damaged")), log.toString());
            assertFreshConversion(synced.store().dataset(), vault, "after a damaged index");
        }
    }

    @Test
    void aStoreWithoutAnIndexFileIsReCheckedOnce() throws IOException {
        open().close();
        Files.delete(tdb.resolve(SyncIndexFile.NAME));
        write("Notes/Linker.md", "---\ntype: other\n---\nSee [[Newcomer]] and [[Another]].\n");
        try (SyncedStore synced = open()) {
            assertTrue(log.stream().anyMatch(l -> l.contains("no sync index")), log.toString());
            assertEquals(1, synced.firstSync().changed(), synced.firstSync().toString());
            assertFreshConversion(synced.store().dataset(), vault, "without an index file");
        }
        assertTrue(Files.exists(tdb.resolve(SyncIndexFile.NAME)), "written again");
    }

    @Test
    void aLoadThatDidNotFinishIsThrownAwayAndDoneAgain() throws IOException {
        open().close();
        // What a load killed half-way leaves: data of its own, and no stamp.
        try (VaultStore store = VaultStore.onDisk(tdb)) {
            Txn.executeWrite(store.dataset(), () -> store.dataset().add(Quad.create(NodeFactory.createURI("urn:x:half"),
                    NodeFactory.createURI("urn:x:s"), NodeFactory.createURI("urn:x:p"), NodeFactory.createURI("urn:x:o"))));
        }
        Files.delete(tdb.resolve(StoreFolder.STAMP_FILE));
        try (SyncedStore synced = open()) {
            assertTrue(log.stream().anyMatch(l -> l.contains("did not finish; rebuilding")), log.toString());
            assertFreshConversion(synced.store().dataset(), vault, "after the rebuild");
        }
    }

    @Test
    void aNoteEditedBetweenThePlanAndTheWriteIsReadAgainAtTheNextSync() throws IOException {
        Mapping mapping = loader.mappingFor(vault);
        VaultMapper mapper = new VaultMapper(mapping);
        VaultReader reader = loader.reader(mapping);
        try (VaultStore store = VaultStore.inMemory()) {
            SyncIndex index = InitialLoad.load(store, reader, mapper, reader.list(vault), n -> { }).index();
            write("Research/Tags/Newcomer.md", "---\ntype: therapy\n---\nNew.\n");
            VaultReader.VaultFiles files = reader.list(vault);
            FileChanges changes = FileChanges.between(files, index, p -> true);
            SyncPlan read = SyncPlan.of(index, changes, ChangedNotes.read(reader, files, changes.notesToRead(), index, new NoteEntries(mapper)));
            assertEquals(java.util.Set.of("Notes/Linker.md"), read.relinked());
            // Planned as a therapy, and not kept: the writer reads it again, and by then it is an outcome.
            SyncPlan plan = new SyncPlan(read.removed(), read.entries(), read.attachments(), Map.of(), read.relinked(), read.resolver(),
                    read.added(), read.changed(), read.unchanged(), read.problems());
            write("Research/Tags/Newcomer.md", "---\ntype: outcome\n---\nNewer, and longer.\n");
            Txn.executeWrite(store.dataset(), () -> new PlanWriter(store.dataset(), mapper, reader, vault, new NoteEntries(mapper))
                    .write(plan, index, n -> { }));
            assertEquals(-1, index.get("Research/Tags/Newcomer.md").size(), "marked to be read again");
            VaultSync.Report next = new VaultSync(store, reader, mapper, vault, index, null).sync();
            assertEquals(1, next.changed(), next.toString());
            assertFreshConversion(store.dataset(), vault, "after the next sync");
        }
    }

    private SyncedStore open() {
        return SyncedStore.onDisk(vault, tdb, loader, log::add);
    }

    private void write(String path, String text) throws IOException {
        Path file = vault.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        clock += 5000;
        Files.setLastModifiedTime(file, FileTime.fromMillis(clock));
    }
}
