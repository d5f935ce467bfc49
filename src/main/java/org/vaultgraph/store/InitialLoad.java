package org.vaultgraph.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.vaultgraph.rdf.ParallelMapping;
import org.vaultgraph.rdf.VaultMapper;
import org.vaultgraph.vault.Attachment;
import org.vaultgraph.vault.Note;
import org.vaultgraph.vault.Problem;
import org.vaultgraph.vault.VaultReader;

/**
 * Loads a whole vault into an empty store and gives the sync index of what it loaded. Every note is
 * read and parsed once, on every core, and kept (as the streaming export keeps them): each note's
 * mapping depends on every note's path and classes, so none can be mapped before all are read. Then
 * the notes are mapped on every core and their quads streamed, in path order, into the store's bulk
 * loader. Memory holds the index and the parsed notes (not their quads).
 *
 * <pre>{@code InitialLoad.Result loaded = InitialLoad.load(store, reader, mapper, reader.list(root), n -> { });}</pre>
 */
final class InitialLoad {
    private InitialLoad() {
    }

    /** The index of what was loaded, and a report as a sync gives one. */
    record Result(SyncIndex index, VaultSync.Report report) {}

    /**
     * @param files    a listing of the whole vault
     * @param progress told how many notes have been loaded so far, every thousand
     */
    static Result load(VaultStore store, VaultReader reader, VaultMapper mapper, VaultReader.VaultFiles files, IntConsumer progress) {
        long start = System.nanoTime();
        NoteEntries noteEntries = new NoteEntries(mapper);
        SyncIndex index = new SyncIndex();
        ChangedNotes read = ChangedNotes.read(reader, files, files.notePaths(), index, noteEntries, true);
        read.entries().values().forEach(index::put);
        List<Attachment> attachments = new ArrayList<>(files.attachments());
        attachments.addAll(read.attachments().values());
        attachments.forEach(a -> index.put(SyncIndex.Entry.attachment(a)));
        attachments.sort(Comparator.comparing(Attachment::path));
        List<Problem> problems = new ArrayList<>(files.problems());
        problems.addAll(read.problems());

        List<Note> notes = files.notePaths().stream().map(read.kept()::get).filter(java.util.Objects::nonNull).toList();
        ParallelMapping mapping = new ParallelMapping(mapper, index.context());
        store.bulkLoad(sink -> {
            NoteCount loaded = new NoteCount(notes.size(), progress);
            mapping.mapInOrder(notes, ParallelMapping::collect, (quads, found) -> {
                for (Quad quad : quads) {
                    loaded.saw(quad.getGraph());
                    sink.quad(quad);
                }
                problems.addAll(found);
            });
            for (Attachment a : attachments) mapper.mapAttachment(a, sink, problems);
        });
        VaultSync.Report report = new VaultSync.Report(index.size(), 0, 0, 0, 0, List.copyOf(problems), (System.nanoTime() - start) / 1_000_000);
        return new Result(index, report);
    }

    /** Counts the notes whose quads have gone by (a graph each, one after the other), telling every thousand. */
    private static final class NoteCount {
        private final int notes;
        private final IntConsumer progress;
        private Node lastGraph;
        private int graphs;

        NoteCount(int notes, IntConsumer progress) {
            this.notes = notes;
            this.progress = progress;
        }

        void saw(Node graph) {
            if (graph.equals(lastGraph)) return;
            lastGraph = graph;
            if (++graphs % 1000 == 0 && graphs <= notes) progress.accept(graphs);
        }
    }
}
