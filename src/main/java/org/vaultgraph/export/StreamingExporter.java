package org.vaultgraph.export;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.vaultgraph.rdf.NoteClassifier;
import org.vaultgraph.rdf.VaultMapper;
import org.vaultgraph.vault.Attachment;
import org.vaultgraph.vault.Problem;
import org.vaultgraph.vault.VaultReader;

/**
 * Exports a vault straight from its files, without a store, in two passes: the first keeps only each
 * note's path and classes (what link resolution and insight mapping need), the second reads the notes
 * again a batch at a time and writes their quads as it goes. Memory holds the index and one batch,
 * whatever the size of the vault.
 *
 * <pre>{@code
 * StreamingExporter.Report report = new StreamingExporter(reader, mapper).write(Path.of("data/vault"), ExportFormat.NQUADS, out);
 * }</pre>
 *
 * Turtle, TriG, N-Triples, N-Quads and JSON-LD stream; RDF/XML and the graph formats need the store.
 */
public final class StreamingExporter {
    /** Notes parsed at a time in the second pass. */
    private static final int BATCH = 256;

    private final VaultReader reader;
    private final VaultMapper mapper;

    public StreamingExporter(VaultReader reader, VaultMapper mapper) {
        this.reader = reader;
        this.mapper = mapper;
    }

    /**
     * What an export wrote and found.
     *
     * @param statements the quads written, or for a triple format the distinct triples written
     */
    public record Report(int notes, int attachments, long statements, List<Problem> problems) {}

    /** Whether a format can be written this way. */
    public static boolean streams(ExportFormat format) {
        return format.isRdf() && format != ExportFormat.RDFXML;
    }

    public Report write(Path root, ExportFormat format, OutputStream out) {
        if (!streams(format)) throw new IllegalArgumentException(format.id() + " is written from the store, not streamed");
        VaultReader.VaultFiles files = reader.list(root);
        List<Problem> problems = new ArrayList<>(files.problems());

        // First pass: which notes exist and what class each has.
        NoteClassifier classifier = new NoteClassifier(mapper.mapping());
        Map<String, Set<String>> classes = new HashMap<>();
        List<Attachment> attachments = new ArrayList<>(files.attachments());
        reader.forEachNote(files, BATCH, read -> {
            if (read.note() != null) classes.put(read.path(), classifier.classesOf(read.note()));
            read.attachment().ifPresent(attachments::add);
            problems.addAll(read.problems());
        });
        Set<String> attachmentPaths = new HashSet<>();
        attachments.forEach(a -> attachmentPaths.add(a.path()));
        VaultMapper.VaultContext context = VaultMapper.context(classes, attachmentPaths);

        // Second pass: map each note again as it is read, straight to the writer.
        long[] written = {0};
        StreamRDF sink = sink(format, out, written);
        sink.start();
        new java.util.TreeMap<>(GraphExporter.prefixes(mapper.iris()).getMapping()).forEach(sink::prefix);
        int[] notes = {0};
        reader.forEachNote(files, BATCH, read -> {
            if (read.note() == null || !classes.containsKey(read.path())) {
                if (classes.containsKey(read.path())) problems.add(Problem.inFile(read.path(), "changed while it was exported and could not be read again; left out"));
                return;
            }
            mapper.mapNote(read.note(), context, sink, problems);
            notes[0]++;
        });
        attachments.sort(java.util.Comparator.comparing(Attachment::path));
        for (Attachment attachment : attachments) mapper.mapAttachment(attachment, sink, problems);
        sink.finish();
        return new Report(notes[0], attachments.size(), written[0], List.copyOf(problems));
    }

    /** The writer for {@code format}, counting into {@code written} what reaches the output. */
    private StreamRDF sink(ExportFormat format, OutputStream out, long[] written) {
        if (format == ExportFormat.JSONLD) return counting(new JsonLdWriter(mapper.iris()).stream(out), written);
        StreamRDF writer = counting(StreamRDFWriter.getWriterStream(out, format.rdfFormat()), written);
        // Triple formats hold the union of the notes' graphs, a set: each triple once.
        return format.quads() ? writer : new UnionTriples(writer);
    }

    private static StreamRDF counting(StreamRDF sink, long[] count) {
        return new StreamRDFWrapper(sink) {
            @Override
            public void quad(Quad quad) {
                count[0]++;
                super.quad(quad);
            }

            @Override
            public void triple(Triple triple) {
                count[0]++;
                super.triple(triple);
            }
        };
    }
}
