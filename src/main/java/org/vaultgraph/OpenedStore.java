package org.vaultgraph;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.vaultgraph.rdf.Mapping;
import org.vaultgraph.rdf.VaultMapper;
import org.vaultgraph.store.SyncedStore;
import org.vaultgraph.store.VaultLoader;
import org.vaultgraph.store.VaultStore;
import org.vaultgraph.store.VaultSync;

/**
 * The store a {@link VaultGraph} reads its vault into: a TDB2 store on disk, synced; a store in memory
 * that can follow edits; or the vault loaded into memory once, the quickest.
 *
 * @param sync the sync that keeps the store up to date, or null for a one-off load
 */
record OpenedStore(VaultStore store, Mapping mapping, VaultMapper mapper, VaultSync sync, VaultGraph.ReadReport report)
        implements AutoCloseable {

    static OpenedStore open(Path vault, VaultLoader loader, Path tdb, boolean followEdits, Consumer<String> progress, Consumer<String> notices) {
        if (tdb == null && !followEdits) {
            VaultLoader.LoadedVault loaded = loader.load(vault, VaultStore.inMemory());
            return new OpenedStore(loaded.store(), loaded.mapping(), loaded.mapper(), null,
                    new VaultGraph.ReadReport(loaded.report().notes(), loaded.problems(), loaded.vault().problemsDropped()));
        }
        SyncedStore synced = tdb != null ? SyncedStore.onDisk(vault, tdb, loader, progress, notices) : SyncedStore.inMemory(vault, loader, line -> { });
        if (tdb != null) progress.accept("store " + tdb + ": " + synced.firstSync());
        return new OpenedStore(synced.store(), synced.mapping(), synced.mapper(), synced.sync(),
                new VaultGraph.ReadReport(synced.sync().notes(), synced.firstSync().problems(), 0));
    }

    @Override
    public void close() {
        store.close();
    }
}
