package org.vaultgraph.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.vaultgraph.bases.BaseEngine;
import org.vaultgraph.bases.BaseSource;
import org.vaultgraph.bases.graph.GraphFiles;
import org.vaultgraph.bases.view.ViewResult;
import org.vaultgraph.dql.graph.GraphLinks;
import org.vaultgraph.dql.value.DvClock;
import org.vaultgraph.generate.VaultGenerator;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.rdf.IriMinter;
import org.vaultgraph.store.VaultLoader;
import org.vaultgraph.store.VaultStore;

/**
 * Measures a base view on a vault's graph: the tag table of the most linked therapy written as a
 * base (the insights that link to the note, newest first), run again and again as a server runs it
 * for the pages of one snapshot of the graph. Prints the median and the 99th percentile; never asserts.
 *
 * <pre>{@code new BaseViewBenchmark(out).measure(dataset, iris, vaultFolder)}</pre>
 */
public final class BaseViewBenchmark {
    private static final int WARMUP = 2000;
    private static final int RUNS = 2000;
    private static final int COLD_RUNS = 300;

    /** The sample vault's tag-table base, first view: the insights that link to the note it is embedded in. */
    static final String TAG_TABLE = "filters:\n  and:\n    - file.inFolder(\"Research/Insights\")\n    - file.hasLink(this.file)\n"
            + "views:\n  - type: table\n    name: Insights\n    order: [file.name, source, created]\n"
            + "    sort:\n      - property: created\n        direction: DESC\n";

    private final PrintWriter out;

    public BaseViewBenchmark(PrintWriter out) {
        this.out = out;
    }

    /** Generates (or reuses) each vault, loads it in memory, and measures the view on it. */
    public void run(Path workDir, long seed, List<Integer> sizes) throws IOException {
        for (int size : sizes) {
            Path vault = workDir.resolve("vault-" + size + "-seed-" + seed);
            if (!Files.isDirectory(vault)) new VaultGenerator(size, seed).write(vault);
            long start = System.nanoTime();
            VaultLoader.LoadedVault loaded = VaultLoader.builder().build().load(vault, VaultStore.inMemory());
            out.println("## " + size + " notes (loaded in " + String.format("%.1f", (System.nanoTime() - start) / 1e9) + " s)");
            out.println("  " + measure(SparqlService.local(loaded.store().dataset()), loaded.mapper().iris(), vault));
            out.flush();
            loaded.store().close();
        }
    }

    /** One line of figures for the view on this graph. */
    public String measure(SparqlService sparql, IriMinter iris, Path vault) throws IOException {
        String note = mostLinkedTherapy(vault);
        BaseSource source = new BaseSource("Research/Tags/Tag table.base", 1, TAG_TABLE);
        long start = System.nanoTime();
        GraphLinks links = GraphLinks.load(sparql, iris);
        links.folders();
        double listing = (System.nanoTime() - start) / 1e6;
        ZoneId zone = ZoneId.systemDefault();

        // The JIT compiles the engine first, on one snapshot.
        BaseEngine engine = new BaseEngine(GraphFiles.of(sparql, iris, links, zone), DvClock::system);
        int rows = 0;
        for (int i = 0; i < WARMUP; i++) rows = engine.run(source, null, note).rows().size();
        // Cold: a new snapshot's first run of the view, every file read from its graph again.
        long[] cold = new long[COLD_RUNS];
        for (int i = 0; i < COLD_RUNS; i++) {
            BaseEngine fresh = new BaseEngine(GraphFiles.of(sparql, iris, links, zone), DvClock::system);
            long t = System.nanoTime();
            fresh.run(source, null, note);
            cold[i] = System.nanoTime() - t;
        }
        // Warm: the same snapshot again, the candidates' facts already read.
        long[] warm = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            ViewResult result = engine.run(source, null, note);
            warm[i] = System.nanoTime() - t;
            rows = result.rows().size();
        }
        Arrays.sort(cold);
        Arrays.sort(warm);
        return "base view (tag table as a base, " + rows + " rows): p50 / p99 " + ms(warm[RUNS / 2]) + " / " + ms(warm[RUNS * 99 / 100])
                + " ms; a new snapshot's first run p50 / p99 " + ms(cold[COLD_RUNS / 2]) + " / " + ms(cold[COLD_RUNS * 99 / 100])
                + " ms; listing the vault's files for a snapshot " + String.format("%.0f", listing) + " ms";
    }

    private static String ms(long nanos) {
        return String.format("%.2f", nanos / 1e6);
    }

    /** The generator links its first therapies most: the first therapy note by name. */
    static String mostLinkedTherapy(Path vault) throws IOException {
        try (Stream<Path> tags = Files.list(vault.resolve("Research/Tags"))) {
            for (Path p : tags.sorted(Comparator.comparing(Path::toString)).toList()) {
                if (Files.readString(p).contains("type: therapy")) return "Research/Tags/" + p.getFileName();
            }
        }
        throw new IOException("no therapy note in " + vault);
    }
}
