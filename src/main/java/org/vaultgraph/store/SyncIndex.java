package org.vaultgraph.store;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vaultgraph.rdf.VG;
import org.vaultgraph.rdf.VaultMapper;
import org.vaultgraph.vault.Attachment;
import org.vaultgraph.vault.FileStamp;
import org.vaultgraph.vault.LinkResolver;

/**
 * What the store holds about each file of the vault: enough to tell, without reading a file,
 * whether it changed, and which notes a change elsewhere can affect. The store's graphs are always
 * the mapping of these entries (each note mapped with the classes and paths the index lists), so
 * what a note's links meant when it was mapped can be worked out from the index alone.
 *
 * <p>The link resolver and the reverse link map are built when first asked for: a restart that
 * finds nothing changed needs neither.
 */
final class SyncIndex {
    /** The classes that change what an insight's links mean (vg:about and its sub-properties). */
    static final Set<String> CONCEPT_CLASSES = Set.of(VG.Therapy.getURI(), VG.AnatomicalStructure.getURI(),
            VG.Outcome.getURI(), VG.Concept.getURI());

    /**
     * One file.
     *
     * @param modified the file's modification time, in milliseconds (what the store records, to the millisecond)
     * @param sha256   the digest of a note's bytes, "" for an attachment
     * @param classes  for a note, its classes as the mapper knows them (the ones that matter to other notes)
     * @param targets  for a note, every link text its triples depend on, sorted
     */
    record Entry(String path, boolean note, long size, long modified, String sha256, Set<String> classes, List<String> targets) {
        static Entry attachment(Attachment attachment) {
            return new Entry(attachment.path(), false, attachment.file().size(), millis(attachment.file()), "", Set.of(), List.of());
        }

        boolean insight() {
            return classes.contains(VG.Insight.getURI());
        }

        /** Whether the file system's size and time are the ones recorded. */
        boolean sameStamp(FileStamp stamp) {
            return size == stamp.size() && modified == millis(stamp);
        }

        private static long millis(FileStamp stamp) {
            return stamp.modified().toEpochMilli();
        }
    }

    private final Map<String, Entry> entries = new HashMap<>();
    private int notes;
    /** File name (lower case) to the notes with a link text that can name a file of that name; null until asked for. */
    private Map<String, Set<String>> dependents;
    /** Resolves links among the paths of {@link #entries}; null until asked for, and again when paths come or go. */
    private LinkResolver resolver;

    Entry get(String path) {
        return entries.get(path);
    }

    Collection<Entry> entries() {
        return java.util.Collections.unmodifiableCollection(entries.values());
    }

    Set<String> paths() {
        return java.util.Collections.unmodifiableSet(entries.keySet());
    }

    int size() {
        return entries.size();
    }

    /** How many of the files are notes. */
    int notes() {
        return notes;
    }

    void put(Entry entry) {
        Entry old = entries.put(entry.path(), entry);
        if (old == null || old.note() != entry.note()) resolver = null;
        if (old != null) unindex(old);
        if (entry.note()) notes++;
        if (dependents != null) index(entry);
    }

    void remove(String path) {
        Entry old = entries.remove(path);
        if (old == null) return;
        resolver = null;
        unindex(old);
    }

    /** The notes with a link text that can name a file at {@code path}. */
    Set<String> dependentsOf(String path) {
        if (dependents == null) {
            dependents = new HashMap<>();
            entries.values().forEach(this::index);
        }
        return dependents.getOrDefault(LinkResolver.fileName(path), Set.of());
    }

    /** Resolves link texts among the files the index lists. */
    LinkResolver resolver() {
        if (resolver == null) resolver = resolverOf(entries.values());
        return resolver;
    }

    /**
     * A resolver among these files, given them in the order a fresh conversion does (notes, then the
     * other files, each in path order), so that two paths that differ only in case resolve alike.
     */
    static LinkResolver resolverOf(Collection<Entry> files) {
        List<String> paths = files.stream()
                .sorted(java.util.Comparator.comparing((Entry e) -> !e.note()).thenComparing(Entry::path))
                .map(Entry::path).toList();
        return LinkResolver.of(paths);
    }

    /** Takes a resolver built elsewhere for exactly the paths the index now lists. */
    void adoptResolver(LinkResolver built) {
        resolver = built;
    }

    /** The context notes are mapped in: this index's view of the vault, read live (no copy). */
    VaultMapper.VaultContext context() {
        return new VaultMapper.VaultContext(resolver(), new ClassesView(), new AttachmentsView());
    }

    private void index(Entry entry) {
        for (String target : entry.targets()) {
            for (String name : LinkResolver.fileNamesMatching(target)) dependents.computeIfAbsent(name, k -> new HashSet<>()).add(entry.path());
        }
    }

    private void unindex(Entry old) {
        if (old.note()) notes--;
        if (dependents == null) return;
        for (String target : old.targets()) {
            for (String name : LinkResolver.fileNamesMatching(target)) {
                Set<String> set = dependents.get(name);
                if (set != null) {
                    set.remove(old.path());
                    if (set.isEmpty()) dependents.remove(name);
                }
            }
        }
    }

    /** Each note's classes, as the mapper looks them up. */
    private final class ClassesView extends AbstractMap<String, Set<String>> {
        @Override
        public Set<String> get(Object path) {
            SyncIndex.Entry e = entries.get(path);
            return e != null && e.note() ? e.classes() : null;
        }

        @Override
        public boolean containsKey(Object path) {
            return get(path) != null;
        }

        @Override
        public Set<Map.Entry<String, Set<String>>> entrySet() {
            Map<String, Set<String>> copy = new HashMap<>();
            entries.values().forEach(e -> {
                if (e.note()) copy.put(e.path(), e.classes());
            });
            return copy.entrySet();
        }
    }

    /** The paths of the files that are not notes, as the mapper looks them up. */
    private final class AttachmentsView extends AbstractSet<String> {
        @Override
        public boolean contains(Object path) {
            SyncIndex.Entry e = entries.get(path);
            return e != null && !e.note();
        }

        @Override
        public Iterator<String> iterator() {
            return entries.values().stream().filter(e -> !e.note()).map(SyncIndex.Entry::path).iterator();
        }

        @Override
        public int size() {
            return (int) entries.values().stream().filter(e -> !e.note()).count();
        }
    }
}
