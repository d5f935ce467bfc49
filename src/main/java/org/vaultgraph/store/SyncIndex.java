package org.vaultgraph.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Iterator;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.system.Txn;
import org.vaultgraph.rdf.IriMinter;
import org.vaultgraph.rdf.Mapping;
import org.vaultgraph.rdf.VG;
import org.vaultgraph.vault.LinkResolver;

/**
 * What the store holds about each file of the vault: enough to tell, without reading a file,
 * whether it changed, and which notes a change elsewhere can affect. Rebuilt from the store at
 * start, so it survives restarts without a file of its own.
 */
final class SyncIndex {
    /** The classes that change what an insight's links mean (vg:about and its sub-properties). */
    static final Set<String> CONCEPT_CLASSES = Set.of(VG.Therapy.getURI(), VG.AnatomicalStructure.getURI(),
            VG.Outcome.getURI(), VG.Concept.getURI());

    /**
     * One file.
     *
     * @param modified  the file time as the store records it ({@link org.vaultgraph.rdf.VaultMapper#fileTime})
     * @param sha256    the digest of a note's bytes, "" for an attachment
     * @param classes   for a note, its classes as the mapper knows them (the ones that matter to other notes)
     * @param targets   for a note, every link text its triples depend on
     * @param signature for a note, what those texts resolved to when it was mapped
     */
    record Entry(String path, boolean note, long size, String modified, String sha256, Set<String> classes,
                 Set<String> targets, String signature) {}

    private final Map<String, Entry> entries = new HashMap<>();
    /** File name (lower case) to the notes with a link text that can name a file of that name. */
    private final Map<String, Set<String>> dependents = new HashMap<>();

    Entry get(String path) {
        return entries.get(path);
    }

    Map<String, Entry> entries() {
        return entries;
    }

    void put(Entry entry) {
        remove(entry.path());
        entries.put(entry.path(), entry);
        for (String target : entry.targets()) {
            for (String name : LinkResolver.fileNamesMatching(target)) dependents.computeIfAbsent(name, k -> new HashSet<>()).add(entry.path());
        }
    }

    void remove(String path) {
        Entry old = entries.remove(path);
        if (old == null) return;
        for (String target : old.targets()) {
            for (String name : LinkResolver.fileNamesMatching(target)) {
                Set<String> set = dependents.get(name);
                if (set != null) {
                    set.remove(path);
                    if (set.isEmpty()) dependents.remove(name);
                }
            }
        }
    }

    /** The notes with a link text that can name a file at {@code path}. */
    Set<String> dependentsOf(String path) {
        return dependents.getOrDefault(LinkResolver.fileName(path), Set.of());
    }

    /** The classes of every note, as the mapper's context wants them. */
    Map<String, Set<String>> classesByNote() {
        Map<String, Set<String>> out = new HashMap<>();
        entries.values().forEach(e -> {
            if (e.note()) out.put(e.path(), e.classes());
        });
        return out;
    }

    Set<String> attachmentPaths() {
        Set<String> out = new HashSet<>();
        entries.values().forEach(e -> {
            if (!e.note()) out.add(e.path());
        });
        return out;
    }

    /**
     * What a note's link texts resolve to, as one string: the resolved path of each text, and for an
     * insight the concept classes of the notes they name (which decide vg:therapy, vg:outcome...).
     */
    static String signature(Set<String> targets, String notePath, boolean insight, LinkResolver resolver, Map<String, Entry> files) {
        StringBuilder out = new StringBuilder();
        for (String target : targets) {
            String resolved = resolver.resolve(target, notePath).orElse("");
            out.append(target).append('\u0000').append(resolved);
            Entry entry = files.get(resolved);
            if (entry != null && !entry.note()) out.append("\u0000file");
            if (insight && entry != null && entry.note()) {
                for (String c : new TreeSet<>(entry.classes())) if (CONCEPT_CLASSES.contains(c)) out.append('\u0000').append(c);
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * Reads the index back from a store the mapper wrote (notes and attachments, with their file
     * facts), one index scan per property, each quad's graph naming its note.
     */
    static SyncIndex fromStore(DatasetGraph dataset, Mapping mapping) {
        IriMinter iris = new IriMinter(mapping.base());
        Map<Node, Builder> builders = new HashMap<>();
        Txn.executeRead(dataset, () -> {
            scan(dataset, VG.path, true, (b, q) -> b.path = q.getObject().getLiteralLexicalForm(), builders);
            scan(dataset, VG.size, true, (b, q) -> b.size = Long.parseLong(q.getObject().getLiteralLexicalForm()), builders);
            scan(dataset, VG.fileModified, true, (b, q) -> b.modified = q.getObject().getLiteralLexicalForm(), builders);
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
            index.put(new Entry(b.path, note, b.size, b.modified, note ? b.sha : "", Set.copyOf(b.classes),
                    note ? targets : Set.of(), ""));
        }
        return index;
    }

    /** Every quad with this predicate, handed with the builder of its graph; {@code own} keeps only the graph's own statements. */
    private static void scan(DatasetGraph dataset, Node predicate, boolean own, java.util.function.BiConsumer<Builder, Quad> into,
                             Map<Node, Builder> builders) {
        Iterator<Quad> quads = dataset.find(Node.ANY, Node.ANY, predicate, Node.ANY);
        while (quads.hasNext()) {
            Quad q = quads.next();
            if (q.isDefaultGraph() || (own && !q.getSubject().equals(q.getGraph()))) continue;
            into.accept(builders.computeIfAbsent(q.getGraph(), g -> new Builder()), q);
        }
    }

    /** Computes every note's signature with the resolver of the vault as the index describes it. */
    void signAll(LinkResolver resolver) {
        // Each note's signature only reads the index, and signing is a third of a restart: use every core.
        List<Entry> signed = entries.values().parallelStream().filter(Entry::note)
                .map(e -> new Entry(e.path(), true, e.size(), e.modified(), e.sha256(), e.classes(), e.targets(),
                        signature(e.targets(), e.path(), e.classes().contains(VG.Insight.getURI()), resolver, entries)))
                .toList();
        signed.forEach(e -> entries.put(e.path(), e));
    }

    private static final class Builder {
        String path;
        long size;
        String modified;
        String sha = "";
        final Set<String> classes = new HashSet<>();
        final Set<String> targets = new HashSet<>();
    }
}
