package org.vaultgraph.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vaultgraph.SampleVault;
import org.vaultgraph.StrictParse;
import org.vaultgraph.store.VaultLoader;

/** Every export format parses back with Jena's checking parser, with no warning, to what the store holds. */
class ExportTest {
    private static VaultLoader.LoadedVault loaded;

    @BeforeAll
    static void load() {
        loaded = SampleVault.load();
    }

    @AfterAll
    static void close() {
        loaded.store().close();
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void exportParsesBackToTheStore(ExportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GraphExporter(loaded.mapper().iris()).write(loaded.store().dataset(), format, out);
        DatasetGraph parsed = StrictParse.parse(out.toByteArray(), format.lang());
        DatasetGraph store = loaded.store().dataset();
        Txn.executeRead(store, () -> {
            if (format.quads()) {
                assertTrue(IsoMatcher.isomorphic(namedGraphsOnly(store), parsed), format + " differs from the store");
            } else {
                Graph union = store.getUnionGraph();
                assertTrue(IsoMatcher.isomorphic(union, parsed.getDefaultGraph()), format + " differs from the union of the store");
            }
        });
    }

    private static DatasetGraph namedGraphsOnly(DatasetGraph store) {
        DatasetGraph copy = org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem();
        store.find(org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY,
                org.apache.jena.graph.Node.ANY).forEachRemaining(q -> {
                    if (!q.isDefaultGraph()) copy.add(q);
                });
        return copy;
    }
}
