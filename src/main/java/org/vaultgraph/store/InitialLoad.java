package org.vaultgraph.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.vaultgraph.rdf.VaultMapper;
import org.vaultgraph.vault.Attachment;
import org.vaultgraph.vault.Note;
import org.vaultgraph.vault.Problem;
import org.vaultgraph.vault.VaultReader;

/**
 * Loads a whole vault into an empty store and gives the sync index of what it loaded. Two passes,
 * as the streaming export makes them: the first reads every note for its index entry (the classes
 * and paths every note's mapping depends on), the second reads the notes again a batch at a time,
 * converts them on every core and streams their quads, in path order, into the store's bulk loader.
 * Memory holds the index and one batch. A vault small enough for one batch is read once.
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
        Path root = files.root();
        NoteEntries noteEntries = new NoteEntries(mapper);
        SyncIndex index = new SyncIndex();
        ChangedNotes read = ChangedNotes.read(reader, files, files.notePaths(), index, noteEntries);
        read.entries().values().forEach(index::put);
        List<Attachment> attachments = new ArrayList<>(files.attachments());
        attachments.addAll(read.attachments().values());
        attachments.forEach(a -> index.put(SyncIndex.Entry.attachment(a)));
        List<Problem> problems = new ArrayList<>(files.problems());
        problems.addAll(read.problems());

        List<String> notePaths = files.notePaths().stream().filter(p -> read.entries().containsKey(p)).toList();
        VaultMapper.VaultContext context = index.context();
        store.bulkLoad(sink -> {
            for (int from = 0; from < notePaths.size(); from += ChangedNotes.BATCH) {
                List<String> batch = notePaths.subList(from, Math.min(notePaths.size(), from + ChangedNotes.BATCH));
                // Read and convert in parallel; the index is only read meanwhile, and written in path order after.
                List<Converted> converted = batch.parallelStream()
                        .map(path -> convert(path, read.kept().get(path), reader, root, mapper, context, index.get(path)))
                        .toList();
                for (Converted c : converted) {
                    c.quads().forEach(sink::quad);
                    problems.addAll(c.problems());
                    if (c.readAgain()) index.put(NoteEntries.toReadAgain(index.get(c.path())));
                }
                int done = from + batch.size();
                if (done / 1000 > from / 1000) progress.accept(done / 1000 * 1000);
            }
            attachments.sort(java.util.Comparator.comparing(Attachment::path));
            for (Attachment a : attachments) mapper.mapAttachment(a, sink, problems);
        });
        VaultSync.Report report = new VaultSync.Report(index.size(), 0, 0, 0, 0, List.copyOf(problems), (System.nanoTime() - start) / 1_000_000);
        return new Result(index, report);
    }

    /**
     * One note's quads. A note that changed since the first pass is converted as it is now but marked
     * to be read again (the other notes were converted with what the first pass saw); one that is gone
     * or no longer a note gives nothing now, and the next sync sees what it became.
     */
    private record Converted(String path, List<Quad> quads, List<Problem> problems, boolean readAgain) {}

    private static Converted convert(String path, Note kept, VaultReader reader, Path root, VaultMapper mapper,
                                     VaultMapper.VaultContext context, SyncIndex.Entry first) {
        Note note = kept;
        boolean readAgain = false;
        List<Problem> problems = new ArrayList<>();
        if (note == null) {
            VaultReader.ReadNote read = reader.readNote(root, path);
            note = read.note();
            readAgain = note == null || !note.file().sha256().equals(first.sha256());
        }
        if (note == null) return new Converted(path, List.of(), problems, true);
        List<Quad> quads = new ArrayList<>();
        StreamRDF collect = new StreamRDFBase() {
            @Override
            public void quad(Quad quad) {
                quads.add(quad);
            }
        };
        mapper.mapNote(note, context, collect, problems);
        return new Converted(path, quads, problems, readAgain);
    }
}
