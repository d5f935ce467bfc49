package org.vaultgraph.cli;

import java.nio.file.Path;
import org.vaultgraph.VaultGraph;
import picocli.CommandLine.Option;

/** {@code --tdb DIR}: keep the graph in a TDB2 store on disk that each run syncs with the vault. */
final class StoreOptions {
    @Option(names = "--tdb", paramLabel = "DIR",
            description = "Keep the graph in a TDB2 store in this folder: the first run loads the vault, later runs "
                    + "re-read only the notes that changed since.")
    Path tdb;

    /** The graph kept in {@link #tdb} when given, else in memory. */
    VaultGraph.Builder applyTo(VaultGraph.Builder graph) {
        return tdb != null ? graph.tdb(tdb) : graph.inMemory();
    }
}
