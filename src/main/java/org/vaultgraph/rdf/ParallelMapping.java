package org.vaultgraph.rdf;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.vaultgraph.vault.Note;
import org.vaultgraph.vault.Problem;

/**
 * Maps notes on every core and still hands their output on in note order, so that what is written
 * does not depend on how many cores there are: the notes are cut into slices of neighbours, each
 * slice is mapped by one task into an output of its own, and the outputs are passed on slice by slice.
 *
 * <pre>{@code
 * new ParallelMapping(mapper, context).mapInOrder(notes, ParallelMapping::collect, (quads, problems) -> quads.forEach(sink::quad));
 * }</pre>
 */
public final class ParallelMapping {
    /** Notes one task maps: enough to make a task worth its hand-over, few enough to share the work evenly. */
    private static final int SLICE = 32;
    /** Slices mapped before their outputs are handed on: bounds what waits in memory. */
    private static final int SLICES_AT_ONCE = 64;

    private final VaultMapper mapper;
    private final VaultMapper.VaultContext context;

    public ParallelMapping(VaultMapper mapper, VaultMapper.VaultContext context) {
        this.mapper = mapper;
        this.context = context;
    }

    /**
     * Maps {@code notes}. Each slice's notes are written by {@code output}, which is given a writer of
     * the slice's quads (the code that maps the notes into a stream) and returns what that wrote;
     * {@code inOrder} then gets each slice's output and its problems, in note order, on this thread.
     */
    public <T> void mapInOrder(List<Note> notes, Function<Consumer<StreamRDF>, T> output, BiConsumer<T, List<Problem>> inOrder) {
        int slices = (notes.size() + SLICE - 1) / SLICE;
        // One thread maps block after block (on every core, through a parallel stream) while this one hands the
        // previous block on: a slow consumer, such as a store indexing quads, then works alongside the mapping.
        ExecutorService mapper = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "vaultgraph-mapping");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<List<Mapped<T>>> next = mapper.submit(() -> mapBlock(notes, 0, slices, output));
            for (int first = 0; first < slices; first += SLICES_AT_ONCE) {
                List<Mapped<T>> block = result(next);
                int following = first + SLICES_AT_ONCE;
                if (following < slices) next = mapper.submit(() -> mapBlock(notes, following, slices, output));
                for (Mapped<T> slice : block) inOrder.accept(slice.output(), slice.problems());
            }
        } finally {
            mapper.shutdownNow();
        }
    }

    private <T> List<Mapped<T>> mapBlock(List<Note> notes, int first, int slices, Function<Consumer<StreamRDF>, T> output) {
        return IntStream.range(first, Math.min(slices, first + SLICES_AT_ONCE)).parallel()
                .mapToObj(slice -> map(notes.subList(slice * SLICE, Math.min(notes.size(), (slice + 1) * SLICE)), output))
                .toList();
    }

    /** The block's slices, or what went wrong mapping them, thrown here as it was thrown there. */
    private static <T> T result(Future<T> block) {
        try {
            return block.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while notes were mapped", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** An output that keeps a slice's quads in a list, to be passed on to a single sink. */
    public static List<Quad> collect(Consumer<StreamRDF> write) {
        List<Quad> quads = new ArrayList<>();
        write.accept(new StreamRDFBase() {
            @Override
            public void quad(Quad quad) {
                quads.add(quad);
            }
        });
        return quads;
    }

    /** The same, with equal nodes made one object: for quads a store keeps in memory. */
    static List<Quad> collect(Consumer<StreamRDF> write, SharedNodes shared) {
        List<Quad> quads = new ArrayList<>();
        write.accept(new StreamRDFBase() {
            @Override
            public void quad(Quad quad) {
                quads.add(shared.share(quad));
            }
        });
        return quads;
    }

    private record Mapped<T>(T output, List<Problem> problems) {}

    private <T> Mapped<T> map(List<Note> slice, Function<Consumer<StreamRDF>, T> output) {
        List<Problem> problems = new ArrayList<>();
        T written = output.apply(stream -> {
            for (Note note : slice) mapper.mapNote(note, context, stream, problems);
        });
        return new Mapped<>(written, problems);
    }
}
