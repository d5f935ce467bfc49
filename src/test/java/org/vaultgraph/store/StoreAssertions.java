package org.vaultgraph.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.vaultgraph.rdf.Mapping;
import org.vaultgraph.rdf.VaultMapper;

/** The sync invariant, checked: a store holds exactly the quads of a fresh conversion of the vault. */
final class StoreAssertions {
    private StoreAssertions() {
    }

    /** Fails, naming {@code what} and a few of the differences, unless the store is the vault's fresh conversion. */
    static void assertFreshConversion(DatasetGraph dataset, Path vault, String what) {
        Set<String> synced = quads(dataset);
        Set<String> expected = freshConversion(vault);
        if (!synced.equals(expected)) {
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(synced);
            Set<String> extra = new TreeSet<>(synced);
            extra.removeAll(expected);
            fail(what + ": the synced store differs from a fresh conversion\n"
                    + "missing " + missing.size() + ": " + missing.stream().limit(10).toList()
                    + "\nextra " + extra.size() + ": " + extra.stream().limit(10).toList());
        }
    }

    /** The fresh conversion goes straight from the mapper into a set: no store involved. */
    static Set<String> freshConversion(Path vault) {
        VaultLoader loader = VaultLoader.builder().zone(ZoneOffset.UTC).build();
        Mapping mapping = loader.mappingFor(vault);
        Set<String> expected = new TreeSet<>();
        new VaultMapper(mapping).map(loader.read(vault, mapping), new StreamRDFBase() {
            @Override
            public void quad(Quad quad) {
                expected.add(quad.toString());
            }
        });
        return expected;
    }

    static Set<String> quads(DatasetGraph dataset) {
        return Txn.calculateRead(dataset, () -> {
            Set<String> out = new TreeSet<>();
            dataset.find().forEachRemaining(q -> out.add(q.toString()));
            return out;
        });
    }
}
