package org.vaultgraph.cli;

import org.vaultgraph.rdf.Mapping;
import org.vaultgraph.rdf.VaultMapper;
import org.vaultgraph.store.VaultStore;
import org.vaultgraph.store.VaultSync;

/**
 * The graph a command works on: a store kept in sync with the vault (with {@code --tdb}, or when
 * a server follows edits), else the vault loaded into memory once.
 *
 * <pre>{@code try (OpenedGraph graph = storeOptions.open(vault, options, err, false)) { use(graph.store()); }}</pre>
 *
 * @param sync the sync that keeps the store up to date, or null for a one-off load
 */
record OpenedGraph(VaultStore store, Mapping mapping, VaultMapper mapper, int notes, VaultSync sync, AutoCloseable resource)
        implements AutoCloseable {

    @Override
    public void close() throws Exception {
        resource.close();
    }
}
