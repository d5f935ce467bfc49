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

    /** Opens the store in {@link #tdb} and syncs it, telling {@code err} what the sync did. */
    SyncedStore open(Path vault, VaultLoader loader, PrintWriter err, boolean quiet) {
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
