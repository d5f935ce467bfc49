package org.vaultgraph.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.query.DatasetFactory;
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

    /** Reads the index back from a store the mapper wrote (notes and attachments, with their file facts). */
    static SyncIndex fromStore(DatasetGraph dataset, Mapping mapping) {
        IriMinter iris = new IriMinter(mapping.base());
        String query = """
                PREFIX vg: <https://w3id.org/vaultgraph/ns#>
                PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
                SELECT ?g ?path ?size ?modified ?sha ?note ?class ?target WHERE {
                  GRAPH ?g {
                    ?g vg:path ?path ; vg:size ?size ; vg:fileModified ?modified .
                    BIND(EXISTS { ?g a vg:Note } AS ?note)
                    OPTIONAL { ?g vg:sha256 ?sha }
                    OPTIONAL {
                      { ?g a ?class }
                      UNION { ?g vg:hasLink/vg:linkText ?target }
                      UNION { ?g <SOURCE> ?target FILTER(isLiteral(?target)) }
                      UNION { ?g <FILECLASS> ?target FILTER(isLiteral(?target)) }
                    }
                  }
                }
                """.replace("<SOURCE>", "<" + iris.field(mapping.sourceField()) + ">")
                .replace("<FILECLASS>", "<" + iris.field(mapping.fileClassField()) + ">");
        Map<String, Builder> builders = new TreeMap<>();
        Txn.executeRead(dataset, () -> {
            try (QueryExecution qe = QueryExecution.create(query, DatasetFactory.wrap(dataset))) {
                ResultSet rows = qe.execSelect();
                while (rows.hasNext()) {
                    QuerySolution row = rows.next();
                    String path = row.getLiteral("path").getString();
                    Builder b = builders.computeIfAbsent(path, p -> new Builder(p, row.getLiteral("note").getBoolean(),
                            row.getLiteral("size").getLong(), row.getLiteral("modified").getLexicalForm(),
                            row.contains("sha") ? row.getLiteral("sha").getString() : ""));
                    if (row.contains("class")) b.classes.add(row.getResource("class").getURI());
                    if (row.contains("target")) b.targets.add(row.getLiteral("target").getString().strip());
                }
            }
        });
        SyncIndex index = new SyncIndex();
        for (Builder b : builders.values()) {
            Set<String> targets = new TreeSet<>(b.targets);
            // A fileClass is looked up in the fileClass folder first, as the mapper does.
            if (!mapping.fileClassFolder().isEmpty()) {
                for (String t : List.copyOf(b.targets)) targets.add(mapping.fileClassFolder() + "/" + t);
            }
            b.classes.remove(VG.Note.getURI());
            index.put(new Entry(b.path, b.note, b.size, b.modified, b.sha, Set.copyOf(b.classes), targets, ""));
        }
        return index;
    }

    /** Computes every note's signature with the resolver of the vault as the index describes it. */
    void signAll(LinkResolver resolver) {
        for (Entry e : List.copyOf(entries.values())) {
            if (!e.note()) continue;
            boolean insight = e.classes().contains(VG.Insight.getURI());
            entries.put(e.path(), new Entry(e.path(), true, e.size(), e.modified(), e.sha256(), e.classes(), e.targets(),
                    signature(e.targets(), e.path(), insight, resolver, entries)));
        }
    }

    private static final class Builder {
        final String path;
        final boolean note;
        final long size;
        final String modified;
        final String sha;
        final Set<String> classes = new HashSet<>();
        final Set<String> targets = new HashSet<>();

        Builder(String path, boolean note, long size, String modified, String sha) {
            this.path = path;
            this.note = note;
            this.size = size;
            this.modified = modified;
            this.sha = sha;
        }
    }
}
