package org.vaultgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.vaultgraph.store.SyncedStore;
import org.vaultgraph.store.VaultLoader;
import picocli.CommandLine.Option;

/** {@code --tdb DIR}: keep the graph in a TDB2 store on disk that each run syncs with the vault. */
final class StoreOptions {
    @Option(names = "--tdb", paramLabel = "DIR",
            description = "Keep the graph in a TDB2 store in this folder: the first run loads the vault, later runs "
                    + "re-read only the notes that changed since.")
    Path tdb;

    /**
     * The graph to work on: the store in {@link #tdb}, synced; else, when {@code followEdits}, a
     * synced store in memory; else the vault loaded into memory. The vault's problems go to {@code err}.
     */
    OpenedGraph open(Path vault, VaultOptions options, PrintWriter err, boolean followEdits) {
        if (tdb == null && !followEdits) {
            VaultLoader.LoadedVault loaded = options.load(vault, err);
            return new OpenedGraph(loaded.store(), loaded.mapping(), loaded.mapper(), loaded.report().notes(), null, loaded.store());
        }
        VaultLoader loader = options.loader(err);
        SyncedStore synced = tdb != null ? open(vault, loader, err, options.quiet) : SyncedStore.inMemory(vault, loader, line -> { });
        options.reportProblems(synced.firstSync().problems(), 0, err);
        return new OpenedGraph(synced.store(), synced.mapping(), synced.mapper(), synced.sync().notes(), synced.sync(), synced);
    }

    /** Opens the store in {@link #tdb} and syncs it, telling {@code err} what the sync did. */
    private SyncedStore open(Path vault, VaultLoader loader, PrintWriter err, boolean quiet) {
        SyncedStore synced = SyncedStore.onDisk(vault, tdb, loader, line -> {
            if (!quiet) {
                err.println(line);
                err.flush();
            }
        });
        if (!quiet) {
            err.println("store " + tdb + ": " + synced.firstSync());
            err.flush();
        }
        return synced;
    }
}
