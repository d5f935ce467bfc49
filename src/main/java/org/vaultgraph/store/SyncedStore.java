package org.vaultgraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.jena.dboe.DBOpEnvException;
import org.apache.jena.tdb2.TDBException;
import org.vaultgraph.rdf.Mapping;
import org.vaultgraph.rdf.VaultMapper;
import org.vaultgraph.vault.VaultReader;

/**
 * A vault's graph kept in a store that follows the vault: TDB2 on disk (kept between runs, so a
 * restart re-reads only what changed) or in memory.
 *
 * <p>On disk, a new store (or one written with another mapping, by a vaultgraph that maps notes
 * differently, or whose load did not finish) is loaded from scratch with TDB2's bulk loader; a store
 * kept from an earlier run reads its sync index back from the file next to it and syncs. Should
 * that file not match the store (a crash between the store's commit and the index's), the index is
 * read back from the store itself: slower, never wrong.
 *
 * <pre>{@code
 * try (SyncedStore synced = SyncedStore.onDisk(Path.of("data/vault"), Path.of("vault.tdb"), loader, log)) {
 *     synced.firstSync(); // what the opening load or sync did
 *     synced.sync().sync(); // later, after edits
 * }
 * }</pre>
 */
public final class SyncedStore implements AutoCloseable {
    private final VaultStore store;
    private final VaultSync sync;
    private final Mapping mapping;
    private final VaultMapper mapper;
    private final VaultSync.Report firstSync;
    private final SyncIndexFile indexFile;

    private SyncedStore(VaultStore store, VaultSync sync, Mapping mapping, VaultMapper mapper, VaultSync.Report firstSync, SyncIndexFile indexFile) {
        this.store = store;
        this.sync = sync;
        this.mapping = mapping;
        this.mapper = mapper;
        this.firstSync = firstSync;
        this.indexFile = indexFile;
    }

    /**
     * Opens (or creates) a TDB2 store in {@code directory} and syncs it with the vault. A store that
     * cannot be opened or read is moved aside (never deleted), said so in one line, and rebuilt from
     * the vault, which is the source of truth.
     */
    public static SyncedStore onDisk(Path vault, Path directory, VaultLoader loader, Consumer<String> log) {
        return onDisk(vault, directory, loader, log, log);
    }

    /**
     * As {@link #onDisk(Path, Path, VaultLoader, Consumer)}, with the line about a store moved aside told to
     * {@code notices}: a new folder appeared beside the store, which its user must hear of even when progress is not shown.
     */
    public static SyncedStore onDisk(Path vault, Path directory, VaultLoader loader, Consumer<String> log, Consumer<String> notices) {
        try {
            return open(vault, directory, loader, log);
        } catch (BrokenStore e) {
            Path aside = new StoreFolder(directory).moveAside();
            notices.accept("the store " + directory + " cannot be opened (" + e.getMessage() + "); moved it to " + aside
                    + " and rebuilding it from the vault");
            return open(vault, directory, loader, log);
        }
    }

    private static SyncedStore open(Path vault, Path directory, VaultLoader loader, Consumer<String> log) {
        Mapping mapping = loader.mappingFor(vault);
        VaultMapper mapper = new VaultMapper(mapping);
        Path root = VaultReader.checkRoot(vault);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the store folder " + directory + ": " + e.getMessage(), e);
        }
        StoreFolder folder = new StoreFolder(directory);
        String stamp = "mapping=" + mapping.fingerprint() + "\noutput=" + VaultMapper.OUTPUT_VERSION + "\n";
        boolean kept = folder.holds(stamp);
        if (!kept) {
            String why = folder.whyRebuild();
            if (why != null) log.accept(why);
            folder.deleteDatabase();
        }
        SyncIndexFile indexFile = new SyncIndexFile(directory, stamp);
        VaultReader reader = loader.reader(mapping);
        // Listing the vault and reading the index run while TDB2 opens (and Jena starts): a restart waits for the slowest only.
        CompletableFuture<VaultReader.VaultFiles> listing = inBackground("vaultgraph-list", () -> reader.list(root));
        CompletableFuture<SyncIndexFile.Loaded> savedIndex = inBackground("vaultgraph-index",
                () -> kept ? indexFile.read() : new SyncIndexFile.Loaded(null, "a new store"));
        Consumer<Integer> progress = n -> log.accept("  wrote " + n + " notes");
        VaultStore store = null;
        try {
            store = VaultStore.onDisk(directory);
            if (kept) {
                SyncIndex index = readIndex(store, indexFile, savedIndex, mapping, log);
                VaultSync sync = new VaultSync(store, reader, mapper, root, index, indexFile);
                return new SyncedStore(store, sync, mapping, mapper, sync.sync(join(listing), progress), indexFile);
            }
            InitialLoad.Result loaded = InitialLoad.load(store, reader, mapper, join(listing), progress::accept);
            indexFile.writeSnapshot(loaded.index());
            // Last: only now is the store whole, and its index on disk.
            folder.writeStamp(stamp);
            VaultSync sync = new VaultSync(store, reader, mapper, root, loaded.index(), indexFile);
            return new SyncedStore(store, sync, mapping, mapper, loaded.report(), indexFile);
        } catch (DBOpEnvException | TDBException e) {
            closeQuietly(store, indexFile, directory);
            // TDB2's own complaints about its files (a block of an unknown type, an index out of step with its records).
            if (kept) throw new BrokenStore(oneLine(e), e);
            throw e;
        } catch (RuntimeException e) {
            closeQuietly(store, indexFile, directory);
            throw e;
        }
    }

    /** Lets go of the database, its lock and the index file, whatever state they were left in. */
    private static void closeQuietly(VaultStore store, SyncIndexFile indexFile, Path directory) {
        indexFile.close();
        if (store != null) {
            try {
                store.close();
            } catch (RuntimeException ignored) {
                // A database that failed half-way may fail to close too: expelled below all the same.
            }
        }
        VaultStore.forget(directory);
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().replaceAll("\\s+", " ").trim();
        return e.getClass().getSimpleName() + message;
    }

    /** A store on disk that cannot be used as it is: it is moved aside and rebuilt. */
    private static final class BrokenStore extends RuntimeException {
        BrokenStore(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The index from its file; when that cannot be trusted, from the store, written to the file again. */
    private static SyncIndex readIndex(VaultStore store, SyncIndexFile indexFile, CompletableFuture<SyncIndexFile.Loaded> saved,
                                       Mapping mapping, Consumer<String> log) {
        SyncIndexFile.Loaded loaded;
        try {
            loaded = join(saved);
        } catch (RuntimeException e) {
            throw new BrokenStore("its sync index cannot be read: " + oneLine(e), e);
        }
        if (loaded.index() != null) return loaded.index();
        log.accept(loaded.refused() + ": reading the index back from the store");
        SyncIndex index = IndexFromStore.read(store.dataset(), mapping);
        indexFile.writeSnapshot(index);
        return index;
    }

    private static <T> CompletableFuture<T> inBackground(String name, Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** The result of a background task, or what it threw. */
    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            if (e.getCause() instanceof Error error) throw error;
            throw e;
        }
    }

    /** Loads the vault into a store in memory that later syncs keep up to date. */
    public static SyncedStore inMemory(Path vault, VaultLoader loader, Consumer<String> log) {
        Mapping mapping = loader.mappingFor(vault);
        VaultMapper mapper = new VaultMapper(mapping);
        Path root = VaultReader.checkRoot(vault);
        VaultStore store = VaultStore.inMemory();
        VaultReader reader = loader.reader(mapping);
        InitialLoad.Result loaded = InitialLoad.load(store, reader, mapper, reader.list(root), n -> log.accept("  wrote " + n + " notes"));
        VaultSync sync = new VaultSync(store, reader, mapper, root, loaded.index(), null);
        return new SyncedStore(store, sync, mapping, mapper, loaded.report(), null);
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

    /** What the load or sync at opening did: everything for a new store, only the differences for one kept on disk. */
    public VaultSync.Report firstSync() {
        return firstSync;
    }

    @Override
    public void close() {
        if (indexFile != null) indexFile.close();
        store.close();
    }
}
