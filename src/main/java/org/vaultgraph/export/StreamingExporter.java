package org.vaultgraph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.vaultgraph.rdf.ParallelMapping;
import org.vaultgraph.rdf.VaultMapper;
import org.vaultgraph.vault.Attachment;
import org.vaultgraph.vault.Problem;
import org.vaultgraph.vault.Vault;
import org.vaultgraph.vault.VaultReader;

/**
 * Exports a vault straight from its files, without a store: every note is read and parsed once, on
 * every core, then mapped on every core a slice of notes at a time and written in path order, so the
 * output is the same whatever the number of cores. N-Quads lines are formatted by the mapping tasks
 * too; the other formats get each slice's quads in order on one thread.
 *
 * <pre>{@code
 * StreamingExporter.Report report = new StreamingExporter(reader, mapper).write(Path.of("data/vault"), ExportFormat.NQUADS, out);
 * }</pre>
 *
 * Turtle, TriG, N-Triples, N-Quads and JSON-LD stream; RDF/XML and the graph formats need the store.
 * Memory holds the parsed notes (not their triples) and the output of a few thousand notes.
 */
public final class StreamingExporter {
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
     * @param problemsDropped problems found beyond those listed
     */
    public record Report(int notes, int attachments, long statements, List<Problem> problems, long problemsDropped) {}

    /** Whether a format can be written this way. */
    public static boolean streams(ExportFormat format) {
        return format.isRdf() && format != ExportFormat.RDFXML;
    }

    public Report write(Path root, ExportFormat format, OutputStream out) {
        if (!streams(format)) throw new IllegalArgumentException(format.id() + " is written from the store, not streamed");
        Vault vault = reader.read(root);
        List<Problem> problems = new ArrayList<>(vault.problems());
        ParallelMapping mapping = new ParallelMapping(mapper, mapper.context(vault));
        long[] written = {0};
        if (format == ExportFormat.NQUADS) {
            // Each task formats its own slice's lines: the lines of a quad do not depend on one another.
            mapping.mapInOrder(vault.notes(), StreamingExporter::nquads, (lines, found) -> {
                writeBytes(out, lines.bytes());
                written[0] += lines.quads();
                problems.addAll(found);
            });
            NQuadsLines files = nquads(stream -> vault.attachments().forEach(a -> mapper.mapAttachment(a, stream, problems)));
            writeBytes(out, files.bytes());
            written[0] += files.quads();
        } else {
            StreamRDF sink = sink(format, out, written);
            sink.start();
            new java.util.TreeMap<>(GraphExporter.prefixes(mapper.iris()).getMapping()).forEach(sink::prefix);
            mapping.mapInOrder(vault.notes(), ParallelMapping::collect, (quads, found) -> {
                quads.forEach(sink::quad);
                problems.addAll(found);
            });
            for (Attachment attachment : vault.attachments()) mapper.mapAttachment(attachment, sink, problems);
            sink.finish();
        }
        return new Report(vault.notes().size(), vault.attachments().size(), written[0], List.copyOf(problems), vault.problemsDropped());
    }

    /** A slice's quads as N-Quads lines, written by the task that maps it. */
    private record NQuadsLines(byte[] bytes, long quads) {}

    private static NQuadsLines nquads(Consumer<StreamRDF> write) {
        NQuadsText lines = new NQuadsText();
        write.accept(lines);
        return new NQuadsLines(lines.bytes(), lines.quads());
    }

    private static void writeBytes(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
