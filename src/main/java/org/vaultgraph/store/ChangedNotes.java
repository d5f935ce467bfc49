package org.vaultgraph.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.vaultgraph.vault.Attachment;
import org.vaultgraph.vault.Note;
import org.vaultgraph.vault.Problem;
import org.vaultgraph.vault.VaultReader;

/**
 * The added and changed notes of a sync as read, before anything is written: their index entries,
 * and the notes themselves when they are few or asked for (else they are read again as they are written).
 *
 * @param entries     index entries of the files that are notes
 * @param kept        parsed notes, for a small sync or when asked for; empty otherwise
 * @param attachments markdown files that turned out not to be notes (binary, too big)
 * @param vanished    files deleted between the listing and the read
 * @param sameContent notes whose bytes are the ones recorded (only their time changed)
 */
record ChangedNotes(Map<String, SyncIndex.Entry> entries, Map<String, Note> kept, Map<String, Attachment> attachments,
                    Set<String> vanished, Set<String> sameContent, List<Problem> problems) {
    /** Notes read per batch: memory holds one batch of parsed notes. */
    static final int BATCH = 512;

    static ChangedNotes read(VaultReader reader, VaultReader.VaultFiles files, List<String> paths, SyncIndex index, NoteEntries noteEntries) {
        return read(reader, files, paths, index, noteEntries, paths.size() <= BATCH);
    }

    /** The same, keeping every parsed note when {@code keep} says so. */
    static ChangedNotes read(VaultReader reader, VaultReader.VaultFiles files, List<String> paths, SyncIndex index, NoteEntries noteEntries,
                             boolean keep) {
        Map<String, SyncIndex.Entry> entries = new HashMap<>();
        Map<String, Note> kept = new HashMap<>();
        Map<String, Attachment> attachments = new TreeMap<>();
        Set<String> vanished = new HashSet<>();
        Set<String> sameContent = new HashSet<>();
        List<Problem> problems = new ArrayList<>();
        reader.forEachNote(only(files, paths), BATCH, read -> {
            problems.addAll(read.problems());
            if (read.note() != null) {
                SyncIndex.Entry entry = noteEntries.of(read.note());
                SyncIndex.Entry old = index.get(read.path());
                if (old != null && old.note() && old.sha256().equals(entry.sha256())) sameContent.add(read.path());
                entries.put(read.path(), entry);
                if (keep) kept.put(read.path(), read.note());
            } else if (read.attachment().isPresent()) {
                attachments.put(read.path(), read.attachment().get());
            } else {
                vanished.add(read.path());
            }
        });
        return new ChangedNotes(entries, kept, attachments, vanished, sameContent, problems);
    }

    /** A listing of only these markdown files, to read. */
    static VaultReader.VaultFiles only(VaultReader.VaultFiles files, java.util.Collection<String> paths) {
        return new VaultReader.VaultFiles(files.root(), List.copyOf(new java.util.TreeSet<>(paths)), files.noteStamps(), List.of(), List.of());
    }
}
