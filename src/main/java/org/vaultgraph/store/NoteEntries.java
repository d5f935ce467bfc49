package org.vaultgraph.store;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vaultgraph.rdf.NoteClassifier;
import org.vaultgraph.rdf.VG;
import org.vaultgraph.rdf.VaultMapper;
import org.vaultgraph.vault.Note;

/**
 * The index entry of a note as read: its stamp and digest, the classes other notes' triples depend
 * on, and the link texts its own triples depend on.
 *
 * <pre>{@code SyncIndex.Entry entry = new NoteEntries(mapper).of(note);}</pre>
 */
final class NoteEntries {
    private final VaultMapper mapper;
    private final NoteClassifier classifier;

    NoteEntries(VaultMapper mapper) {
        this.mapper = mapper;
        this.classifier = new NoteClassifier(mapper.mapping());
    }

    SyncIndex.Entry of(Note note) {
        Set<String> classes = new HashSet<>(classifier.classesOf(note));
        if (classes.stream().anyMatch(SyncIndex.CONCEPT_CLASSES::contains)) classes.add(VG.Concept.getURI());
        classes.remove(VG.Note.getURI());
        return new SyncIndex.Entry(note.path(), true, note.file().size(), note.file().modified().toEpochMilli(),
                note.file().sha256(), Set.copyOf(classes), List.copyOf(mapper.linkTargets(note)));
    }

    /**
     * What to record for a file that changed again between two reads of one sync: what the first
     * read said (which the other notes were mapped with), with a size no file has, so that the next
     * sync reads it again.
     */
    static SyncIndex.Entry toReadAgain(SyncIndex.Entry firstRead) {
        return new SyncIndex.Entry(firstRead.path(), firstRead.note(), -1, firstRead.modified(), firstRead.sha256(),
                firstRead.classes(), firstRead.targets());
    }
}
