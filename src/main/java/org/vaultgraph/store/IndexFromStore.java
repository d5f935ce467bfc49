package org.vaultgraph.store;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.vaultgraph.rdf.IriMinter;
import org.vaultgraph.rdf.Mapping;
import org.vaultgraph.rdf.VG;

/**
 * The full re-check: reads the sync index back from the graphs the mapper wrote (each file's path,
 * size, time, digest, classes and link texts), one index scan per property. Slow on a big store,
 * so it runs only when the index kept next to the store cannot be trusted.
 *
 * <pre>{@code SyncIndex index = IndexFromStore.read(dataset, mapping);}</pre>
 */
final class IndexFromStore {
    private IndexFromStore() {
    }

    static SyncIndex read(DatasetGraph dataset, Mapping mapping) {
        IriMinter iris = new IriMinter(mapping.base());
        Map<Node, Builder> builders = new HashMap<>();
        Txn.executeRead(dataset, () -> {
            scan(dataset, VG.path, true, (b, q) -> b.path = q.getObject().getLiteralLexicalForm(), builders);
            scan(dataset, VG.size, true, (b, q) -> b.size = Long.parseLong(q.getObject().getLiteralLexicalForm()), builders);
            scan(dataset, VG.fileModified, true,
                    (b, q) -> b.modified = OffsetDateTime.parse(q.getObject().getLiteralLexicalForm()).toInstant().toEpochMilli(), builders);
            scan(dataset, VG.sha256, true, (b, q) -> b.sha = q.getObject().getLiteralLexicalForm(), builders);
            scan(dataset, RDF.type.asNode(), true, (b, q) -> {
                if (q.getObject().isURI()) b.classes.add(q.getObject().getURI());
            }, builders);
            scan(dataset, VG.linkText, false, (b, q) -> b.targets.add(q.getObject().getLiteralLexicalForm().strip()), builders);
            for (String field : List.of(mapping.sourceField(), mapping.fileClassField())) {
                scan(dataset, NodeFactory.createURI(iris.field(field)), true, (b, q) -> {
                    if (q.getObject().isLiteral()) b.targets.add(q.getObject().getLiteralLexicalForm().strip());
                }, builders);
            }
        });
        SyncIndex index = new SyncIndex();
        for (Builder b : builders.values()) {
            if (b.path == null || b.modified == null) continue;
            boolean note = b.classes.contains(VG.Note.getURI());
            Set<String> targets = new TreeSet<>(b.targets);
            // A fileClass is looked up in the fileClass folder first, as the mapper does.
            if (!mapping.fileClassFolder().isEmpty()) {
                for (String t : List.copyOf(b.targets)) targets.add(mapping.fileClassFolder() + "/" + t);
            }
            b.classes.remove(VG.Note.getURI());
            index.put(new SyncIndex.Entry(b.path, note, b.size, b.modified, note ? b.sha : "", note ? Set.copyOf(b.classes) : Set.of(),
                    note ? List.copyOf(targets) : List.of()));
        }
        return index;
    }

    /** Every quad with this predicate, handed with the builder of its graph; {@code own} keeps only the graph's own statements. */
    private static void scan(DatasetGraph dataset, Node predicate, boolean own, BiConsumer<Builder, Quad> into, Map<Node, Builder> builders) {
        Iterator<Quad> quads = dataset.find(Node.ANY, Node.ANY, predicate, Node.ANY);
        while (quads.hasNext()) {
            Quad q = quads.next();
            if (q.isDefaultGraph() || (own && !q.getSubject().equals(q.getGraph()))) continue;
            into.accept(builders.computeIfAbsent(q.getGraph(), g -> new Builder()), q);
        }
    }

    private static final class Builder {
        String path;
        long size;
        Long modified;
        String sha = "";
        final Set<String> classes = new HashSet<>();
        final Set<String> targets = new HashSet<>();
    }
}
