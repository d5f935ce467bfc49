package org.vaultgraph.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.vaultgraph.rdf.VaultMapper;
import org.vaultgraph.vault.Attachment;
import org.vaultgraph.vault.Note;
import org.vaultgraph.vault.Problem;
import org.vaultgraph.vault.VaultReader;

/**
 * Writes a {@link SyncPlan} into the store and the index, inside the caller's write transaction:
 * drops the graphs of removed files, writes the other files, maps the notes (reading again those
 * the plan did not keep) with the index's view of the vault after the plan.
 *
 * <p>A note that changed again since the plan read it is mapped as it is now, but recorded as the
 * plan saw it (the other notes were mapped with that), and marked to be read again: the next sync
 * sees it changed and finishes the work. Nothing is done twice within one sync.
 */
final class PlanWriter {
    private final DatasetGraph dataset;
    private final VaultMapper mapper;
    private final VaultReader reader;
    private final Path root;
    private final NoteEntries noteEntries;

    PlanWriter(DatasetGraph dataset, VaultMapper mapper, VaultReader reader, Path root, NoteEntries noteEntries) {
        this.dataset = dataset;
        this.mapper = mapper;
        this.reader = reader;
        this.root = root;
        this.noteEntries = noteEntries;
    }

    /**
     * What writing a plan did.
     *
     * @param paths    the paths whose index entries changed (to record on disk)
     * @param problems what went wrong reading or mapping notes
     */
    record Written(Set<String> paths, List<Problem> problems) {}

    /** @param progress told how many notes have been written so far, every thousand */
    Written write(SyncPlan plan, SyncIndex index, IntConsumer progress) {
        Set<String> paths = new HashSet<>();
        List<Problem> problems = new ArrayList<>();
        StreamRDF sink = StreamRDFLib.dataset(dataset);
        for (String path : plan.removed()) {
            dropGraphs(path);
            index.remove(path);
            paths.add(path);
        }
        plan.entries().values().forEach(index::put);
        paths.addAll(plan.entries().keySet());
        if (plan.resolver() != null) index.adoptResolver(plan.resolver());
        for (Attachment a : plan.attachments().values()) {
            dropGraphs(a.path());
            mapper.mapAttachment(a, sink, problems);
        }

        VaultMapper.VaultContext context = index.context();
        int[] written = {0};
        List<String> reread = new ArrayList<>();
        for (String path : plan.notesToMap()) {
            Note kept = plan.kept().get(path);
            if (kept == null) {
                reread.add(path);
                continue;
            }
            mapNote(kept, context, sink, problems);
            if (++written[0] % 1000 == 0) progress.accept(written[0]);
        }
        VaultReader.VaultFiles toRead = new VaultReader.VaultFiles(root, List.copyOf(reread), java.util.Map.of(), List.of(), List.of());
        reader.forEachNote(toRead, ChangedNotes.BATCH, read -> {
            SyncIndex.Entry expected = index.get(read.path());
            paths.add(read.path());
            if (read.note() != null && read.note().file().sha256().equals(expected.sha256())) {
                // Same bytes: only the time may differ from what the plan saw.
                index.put(noteEntries.of(read.note()));
            } else {
                index.put(NoteEntries.toReadAgain(expected));
                if (read.note() == null) {
                    problems.addAll(read.problems());
                    return;
                }
            }
            mapNote(read.note(), context, sink, problems);
            if (++written[0] % 1000 == 0) progress.accept(written[0]);
        });
        return new Written(paths, problems);
    }

    private void mapNote(Note note, VaultMapper.VaultContext context, StreamRDF sink, List<Problem> problems) {
        dropGraphs(note.path());
        mapper.mapNote(note, context, sink, problems);
    }

    /** Drops whatever graph a path had, as a note or as another file. */
    private void dropGraphs(String path) {
        dataset.removeGraph(NodeFactory.createURI(mapper.iris().note(path)));
        dataset.removeGraph(NodeFactory.createURI(mapper.iris().attachment(path)));
    }
}
