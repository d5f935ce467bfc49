package org.vaultgraph.store;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.function.IntConsumer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.jena.dboe.base.file.ChannelManager;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.dboe.base.file.ProcessFileLock;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.DatabaseConnection;
import org.apache.jena.tdb2.sys.StoreConnection;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.vaultgraph.rdf.VaultMapper;
import org.vaultgraph.vault.Problem;
import org.vaultgraph.vault.Vault;

/**
 * The dataset a vault's graph lives in, in memory by default or TDB2 on disk, each note in a named
 * graph and the default graph the union of them all.
 *
 * <pre>{@code
 * try (VaultStore store = VaultStore.inMemory()) {
 *     VaultStore.LoadReport report = store.load(vault, mapper);
 *     store.dataset(); // query it, serve it
 * }
 * }</pre>
 */
public final class VaultStore implements AutoCloseable {
    private final DatasetGraph dataset;

    private VaultStore(DatasetGraph dataset) {
        this.dataset = dataset;
        // Queries over the default graph see every note's graph, as if the vault were one graph.
        dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
    }

    /** A store in memory: each note's graph, and their union kept indexed as the default graph. */
    public static VaultStore inMemory() {
        return new VaultStore(new MemoryDataset());
    }

    public static VaultStore onDisk(Path directory) {
        return new VaultStore(DatabaseMgr.connectDatasetGraph(directory.toString()));
    }

    public DatasetGraph dataset() {
        return dataset;
    }

    /** What loading a vault did. */
    public record LoadReport(int notes, int attachments, long quads, List<Problem> mappingProblems) {}

    /** Replaces the store's content by the graph of this vault, in one write transaction. */
    public LoadReport load(Vault vault, VaultMapper mapper) {
        return load(vault, mapper, n -> { });
    }

    /**
     * Replaces the store's content by the graph of this vault, in one write transaction.
     *
     * @param progress told the number of notes loaded so far, every thousand notes
     */
    public LoadReport load(Vault vault, VaultMapper mapper, IntConsumer progress) {
        AtomicLong count = new AtomicLong();
        AtomicReference<List<Problem>> problems = new AtomicReference<>(List.of());
        Txn.executeWrite(dataset, () -> {
            dataset.clear();
            StreamRDF sink = new StreamRDFWrapper(StreamRDFLib.dataset(dataset)) {
                private Node lastGraph;
                private int graphs;

                @Override
                public void quad(Quad quad) {
                    count.incrementAndGet();
                    if (!quad.getGraph().equals(lastGraph)) {
                        lastGraph = quad.getGraph();
                        // Notes come first, a graph each, in path order; the attachments' graphs follow and are not notes.
                        if (++graphs % 1000 == 0 && graphs <= vault.notes().size()) progress.accept(graphs);
                    }
                    super.quad(quad);
                }
            };
            problems.set(mapper.map(vault, sink));
            if (dataset instanceof MemoryDataset memory) memory.trimToSize();
        });
        return new LoadReport(vault.notes().size(), vault.attachments().size(), count.get(), List.copyOf(problems.get()));
    }

    /**
     * Streams quads into an empty store in one go: on disk through TDB2's parallel bulk loader (which
     * locks out every other use until it has finished, and is not crash-safe while finishing, so a
     * store it did not finish must be thrown away), in memory in one write transaction.
     *
     * @param writer sends the quads to the stream it is given
     */
    public void bulkLoad(java.util.function.Consumer<StreamRDF> writer) {
        if (!DatabaseMgr.isTDB2(dataset)) {
            Txn.executeWrite(dataset, () -> writer.accept(StreamRDFLib.dataset(dataset)));
            return;
        }
        DataLoader loader = LoaderFactory.parallelLoader(dataset, (format, args) -> { });
        loader.startBulk();
        try {
            StreamRDF stream = loader.stream();
            stream.start();
            writer.accept(stream);
            stream.finish();
        } catch (RuntimeException e) {
            loader.finishException(e);
            throw e;
        }
        loader.finishBulk();
    }

    /** How many distinct quads the store holds. */
    public long size() {
        return Txn.calculateRead(dataset, () -> {
            long n = 0;
            var it = dataset.find();
            while (it.hasNext()) {
                it.next();
                n++;
            }
            return n;
        });
    }

    /**
     * Lets go of all this process holds of the TDB2 database in {@code directory} (its connections
     * and locks, the folder's and each storage folder's), even of one that failed half-way through
     * opening, so that the folder can be moved and a new database made in its place.
     */
    static void forget(Path directory) {
        DatabaseConnection.internalExpel(Location.create(directory.toString()), true);
        try (Stream<Path> files = Files.walk(directory, 2)) {
            for (Path lock : files.filter(p -> p.getFileName().toString().equals("tdb.lock")).toList()) {
                if (!lock.getParent().equals(directory)) StoreConnection.internalExpel(Location.create(lock.getParent().toString()), true);
                ProcessFileLock.release(ProcessFileLock.create(lock.toString()));
            }
            ChannelManager.releaseAll(directory + File.separator);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the store folder " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Closes the store; a TDB2 store's files and lock are let go of, so that it can be opened again, or deleted. */
    @Override
    public void close() {
        dataset.close();
        if (!DatabaseMgr.isTDB2(dataset)) return;
        try {
            TDBInternal.expel(dataset, false);
        } catch (org.apache.jena.dboe.transaction.txn.TransactionException e) {
            // Still in use by a transaction (a shutdown racing a sync): the process lets go of it on exit.
        }
    }
}
