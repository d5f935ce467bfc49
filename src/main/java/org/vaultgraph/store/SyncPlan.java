package org.vaultgraph.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.vaultgraph.vault.Attachment;
import org.vaultgraph.vault.LinkResolver;
import org.vaultgraph.vault.Note;
import org.vaultgraph.vault.Problem;

/**
 * What one sync will write, worked out before anything is written, from the index, what the listing
 * says changed and the changed notes as read. Nothing here reads a file or the store.
 *
 * <p>Besides the files that changed, the plan re-maps the unchanged notes whose links come to mean
 * something else: those with a link text that can name a file that appeared, disappeared, or changed
 * its kind or classes, and whose links resolve differently before and after (their
 * {@link LinkSignature} changes). Those and no others.
 *
 * <pre>{@code
 * SyncPlan plan = SyncPlan.of(index, FileChanges.between(files, index, p -> true), changedNotes);
 * plan.notesToMap(); plan.removed(); plan.relinked();
 * }</pre>
 *
 * @param removed     paths whose graphs go and which the index forgets
 * @param entries     index entries to record: added and changed files, notes and others
 * @param attachments files that are not notes, to write
 * @param kept        notes read already, mapped without reading them again
 * @param relinked    unchanged notes to map again because their links now name something else
 * @param resolver    the resolver for the paths after this plan, when they change and it was needed; else null
 * @param added       how many paths are new
 * @param changed     how many changed (content, not only time)
 * @param unchanged   how many files were found as recorded
 */
record SyncPlan(Set<String> removed, Map<String, SyncIndex.Entry> entries, Map<String, Attachment> attachments,
                Map<String, Note> kept, Set<String> relinked, LinkResolver resolver,
                int added, int changed, int unchanged, List<Problem> problems) {

    static SyncPlan of(SyncIndex index, FileChanges changes, ChangedNotes read) {
        Set<String> removed = new TreeSet<>(changes.removed());
        Map<String, SyncIndex.Entry> entries = new HashMap<>(read.entries());
        Map<String, Attachment> attachments = new TreeMap<>(changes.attachments());
        attachments.putAll(read.attachments());
        attachments.values().forEach(a -> entries.put(a.path(), SyncIndex.Entry.attachment(a)));
        // A file deleted between the listing and the read is removed if the index knew it.
        Set<String> added = new HashSet<>(changes.added());
        Set<String> changed = new HashSet<>(changes.changed());
        for (String path : read.vanished()) {
            added.remove(path);
            changed.remove(path);
            if (index.get(path) != null) removed.add(path);
        }
        changed.removeAll(read.sameContent());

        Set<String> touched = touchedNames(index, entries, removed);
        LinkResolver resolver = null;
        Set<String> relinked = new TreeSet<>();
        if (!touched.isEmpty()) {
            // The resolver depends on the paths, and on which are notes (notes come first among paths alike but for case).
            boolean pathsChange = !removed.isEmpty() || entries.values().stream().anyMatch(e -> {
                SyncIndex.Entry old = index.get(e.path());
                return old == null || old.note() != e.note();
            });
            resolver = pathsChange ? SyncIndex.resolverOf(filesAfter(index, entries, removed)) : index.resolver();
            Function<String, SyncIndex.Entry> after = p -> removed.contains(p) ? null : entries.getOrDefault(p, index.get(p));
            for (String name : touched) {
                for (String dependent : index.dependentsOf(name)) {
                    if (entries.containsKey(dependent) || removed.contains(dependent) || relinked.contains(dependent)) continue;
                    SyncIndex.Entry e = index.get(dependent);
                    if (e == null || !e.note()) continue;
                    String before = LinkSignature.of(e, index.resolver(), index::get);
                    if (!before.equals(LinkSignature.of(e, resolver, after))) relinked.add(dependent);
                }
            }
            if (!pathsChange) resolver = null;
        }
        return new SyncPlan(removed, entries, attachments, read.kept(), relinked, resolver, added.size(), changed.size(),
                changes.unchanged() + read.sameContent().size(), read.problems());
    }

    /**
     * The names whose meaning changes: files that appear or disappear, and files whose kind (note or
     * not) or classes change. Only notes with a link text that can name one of them may need re-mapping.
     */
    private static Set<String> touchedNames(SyncIndex index, Map<String, SyncIndex.Entry> entries, Set<String> removed) {
        Set<String> touched = new HashSet<>(removed);
        entries.forEach((path, now) -> {
            SyncIndex.Entry old = index.get(path);
            if (old == null || old.note() != now.note() || !old.classes().equals(now.classes())) touched.add(path);
        });
        return touched;
    }

    private static List<SyncIndex.Entry> filesAfter(SyncIndex index, Map<String, SyncIndex.Entry> entries, Set<String> removed) {
        List<SyncIndex.Entry> files = new ArrayList<>(index.size() + entries.size());
        for (SyncIndex.Entry e : index.entries()) if (!removed.contains(e.path()) && !entries.containsKey(e.path())) files.add(e);
        files.addAll(entries.values());
        return files;
    }

    /** The notes this plan maps, in path order: the added and changed ones, then nothing else but the relinked. */
    Set<String> notesToMap() {
        Set<String> notes = new TreeSet<>(relinked);
        entries.forEach((path, e) -> {
            if (e.note()) notes.add(path);
        });
        return notes;
    }

    /** Every path the plan writes or removes, in path order. */
    Set<String> paths() {
        Set<String> paths = new TreeSet<>(entries.keySet());
        paths.addAll(removed);
        paths.addAll(relinked);
        return java.util.Collections.unmodifiableSet(paths);
    }

    /** Whether applying the plan would write nothing. */
    boolean writesNothing() {
        return removed.isEmpty() && entries.isEmpty() && relinked.isEmpty();
    }
}
