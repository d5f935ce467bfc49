package org.vaultgraph.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.vaultgraph.vault.Attachment;
import org.vaultgraph.vault.FileStamp;
import org.vaultgraph.vault.VaultReader;

/**
 * What a listing of the vault says changed since the index was written, from sizes and times
 * alone (no file is read): the notes to read, the other files to write again, the paths gone.
 *
 * @param added       paths the index does not know
 * @param changed     paths whose size or time differs (or whose kind, note or other file, does)
 * @param notesToRead markdown files to read, sorted
 * @param attachments other files to write, by path
 * @param removed     paths the index knows that the listing no longer has
 * @param unchanged   files whose size and time are the ones recorded
 */
record FileChanges(Set<String> added, Set<String> changed, List<String> notesToRead, Map<String, Attachment> attachments,
                   Set<String> removed, int unchanged) {

    /**
     * @param files   a listing of the vault, or of part of it
     * @param inScope the paths that listing covers: only those can be found removed
     */
    static FileChanges between(VaultReader.VaultFiles files, SyncIndex index, Predicate<String> inScope) {
        Set<String> added = new HashSet<>();
        Set<String> changed = new HashSet<>();
        List<String> toRead = new ArrayList<>();
        Map<String, Attachment> attachments = new TreeMap<>();
        int unchanged = 0;
        for (String path : files.notePaths()) {
            SyncIndex.Entry old = index.get(path);
            FileStamp stamp = files.noteStamps().get(path);
            // A markdown file kept as a file (binary, too big) stays so while its stamp does.
            if (old != null && old.sameStamp(stamp)) {
                unchanged++;
                continue;
            }
            (old == null ? added : changed).add(path);
            toRead.add(path);
        }
        for (Attachment a : files.attachments()) {
            SyncIndex.Entry old = index.get(a.path());
            if (old != null && !old.note() && old.sameStamp(a.file())) {
                unchanged++;
                continue;
            }
            (old == null ? added : changed).add(a.path());
            attachments.put(a.path(), a);
        }
        Set<String> removed = new TreeSet<>();
        Set<String> present = new HashSet<>(files.notePaths());
        files.attachments().forEach(a -> present.add(a.path()));
        for (String path : index.paths()) if (!present.contains(path) && inScope.test(path)) removed.add(path);
        return new FileChanges(added, changed, List.copyOf(toRead), attachments, removed, unchanged);
    }

    boolean isEmpty() {
        return notesToRead.isEmpty() && attachments.isEmpty() && removed.isEmpty();
    }
}
