package org.vaultgraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import org.apache.jena.system.Txn;
import org.vaultgraph.rdf.Mapping;
import org.vaultgraph.rdf.VaultMapper;
import org.vaultgraph.vault.VaultReader;

/**
 * A vault's graph kept in a store that follows the vault: TDB2 on disk (kept between runs, so a
 * restart re-reads only what changed) or in memory. A store written with another mapping, or by a
 * vaultgraph that maps notes differently, is rebuilt from scratch.
 *
 * <pre>{@code
 * try (SyncedStore synced = SyncedStore.onDisk(Path.of("data/vault"), Path.of("vault.tdb"), loader)) {
 *     synced.firstSync(); // what the opening sync did
 *     synced.sync().sync(); // later, after edits
 * }
 * }</pre>
 */
public final class SyncedStore implements AutoCloseable {
    /** Where a store on disk records which mapping wrote it. */
    static final String STAMP_FILE = "vaultgraph-store.properties";

    private final VaultStore store;
    private final VaultSync sync;
    private final Mapping mapping;
    private final VaultMapper mapper;
    private final VaultSync.Report firstSync;

    private SyncedStore(VaultStore store, Path vault, Path directory, VaultLoader loader, Consumer<String> log) {
        this.store = store;
        this.mapping = loader.mappingFor(vault);
        this.mapper = new VaultMapper(mapping);
        VaultReader.checkRoot(vault);
        String stamp = "mapping=" + mapping.fingerprint() + "\noutput=" + VaultMapper.OUTPUT_VERSION + "\n";
        if (directory != null && !stamp.equals(readStamp(directory))) {
            boolean empty = Txn.calculateRead(store.dataset(), () -> store.dataset().isEmpty());
            if (!empty) log.accept("the store was written with another mapping or version of vaultgraph; rebuilding it");
            // Cleared before the stamp is written: a crash in between leaves no stamp, so the next start rebuilds again.
            deleteStamp(directory);
            Txn.executeWrite(store.dataset(), () -> store.dataset().clear());
        }
        this.sync = VaultSync.open(store, loader.reader(mapping), mapper, vault);
        this.firstSync = sync.sync(n -> log.accept("  wrote " + n + " notes"));
        if (directory != null) writeStamp(directory, stamp);
    }

    /** Opens (or creates) a TDB2 store in {@code directory} and syncs it with the vault. */
    public static SyncedStore onDisk(Path vault, Path directory, VaultLoader loader, Consumer<String> log) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the store folder " + directory + ": " + e.getMessage(), e);
        }
        VaultStore store = VaultStore.onDisk(directory);
        try {
            return new SyncedStore(store, vault, directory, loader, log);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Loads the vault into a store in memory that later syncs keep up to date. */
    public static SyncedStore inMemory(Path vault, VaultLoader loader, Consumer<String> log) {
        return new SyncedStore(VaultStore.inMemory(), vault, null, loader, log);
    }

    public VaultStore store() {
        return store;
    }

    public VaultSync sync() {
        return sync;
    }

    public Mapping mapping() {
        return mapping;
    }

    public VaultMapper mapper() {
        return mapper;
    }

    /** What the sync at opening did: everything for a new store, only the differences for one kept on disk. */
    public VaultSync.Report firstSync() {
        return firstSync;
    }

    private static String readStamp(Path directory) {
        try {
            Path file = directory.resolve(STAMP_FILE);
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteStamp(Path directory) {
        try {
            Files.deleteIfExists(directory.resolve(STAMP_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write in the store folder " + directory + ": " + e.getMessage(), e);
        }
    }

    private static void writeStamp(Path directory, String stamp) {
        try {
            Path tmp = directory.resolve(STAMP_FILE + ".tmp");
            Files.writeString(tmp, stamp, StandardCharsets.UTF_8);
            Files.move(tmp, directory.resolve(STAMP_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write in the store folder " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
