package org.vaultgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaultgraph.store.StoreAssertions.assertFreshConversion;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.vaultgraph.generate.VaultGenerator;

/**
 * A TDB2 store whose files are damaged (what a crash or a bad disk can leave): the next start moves
 * the folder aside, says so in one line, and rebuilds the store from the vault.
 */
class BrokenStoreTest {
    @TempDir
    Path tmp;
    private final VaultLoader loader = VaultLoader.builder().zone(ZoneOffset.UTC).build();

    @ParameterizedTest
    @ValueSource(strings = {"emptied", "zeroed"})
    void aStoreTdb2CannotReadIsMovedAsideAndRebuiltFromTheVault(String damage) throws IOException {
        Path vault = tmp.resolve("vault");
        Path tdb = tmp.resolve("tdb");
        new VaultGenerator(60, 3).write(vault);
        SyncedStore.onDisk(vault, tdb, loader, line -> { }).close();
        Path index = dataFolder(tdb).resolve("GSPO.idn");
        long size = Files.size(index);
        damage(index, damage);
        Files.writeString(vault.resolve("Research/Tags/Newcomer.md"), "---\ntype: therapy\n---\nNew.\n");

        List<String> log = new ArrayList<>();
        try (SyncedStore synced = SyncedStore.onDisk(vault, tdb, loader, log::add)) {
            List<String> moved = log.stream().filter(l -> l.contains("cannot be opened")).toList();
            assertEquals(1, moved.size(), log.toString());
            Path aside = asideOf(tdb);
            assertTrue(moved.get(0).contains(aside.toString()) && moved.get(0).contains("Exception"), moved.get(0));
            assertFalse(moved.get(0).contains("\n"), "one line");
            System.out.println(damage + " index: " + moved.get(0));
            assertEquals(damage.equals("emptied") ? 0 : size, Files.size(dataFolder(aside).resolve("GSPO.idn")), "the damaged store is kept as it was");
            assertFreshConversion(synced.store().dataset(), vault, "after the rebuild");
        }
        log.clear();
        try (SyncedStore synced = SyncedStore.onDisk(vault, tdb, loader, log::add)) {
            assertTrue(log.isEmpty(), log.toString());
            assertFalse(synced.firstSync().changedAnything(), synced.firstSync().toString());
        }
    }

    private static void damage(Path file, String how) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            if (how.equals("emptied")) channel.truncate(0);
            else channel.write(ByteBuffer.allocate((int) channel.size()), 0);
        }
    }

    private static Path dataFolder(Path store) throws IOException {
        try (Stream<Path> children = Files.list(store)) {
            return children.filter(p -> p.getFileName().toString().startsWith("Data-")).findFirst().orElseThrow();
        }
    }

    private Path asideOf(Path store) throws IOException {
        try (Stream<Path> children = Files.list(store.getParent())) {
            List<Path> aside = children.filter(p -> p.getFileName().toString().startsWith("tdb.broken-")).toList();
            assertEquals(1, aside.size(), aside.toString());
            return aside.get(0);
        }
    }
}
