package org.vaultgraph.bench;

import com.vladsch.flexmark.parser.Parser;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.vaultgraph.Published;
import org.vaultgraph.Publishing;
import org.vaultgraph.Republished;
import org.vaultgraph.VaultGraph;
import org.vaultgraph.generate.VaultGenerator;
import org.vaultgraph.query.QueryCatalog;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.rdf.Mapping;
import org.vaultgraph.rdf.VaultMapper;
import org.vaultgraph.render.GardenPublisher;
import org.vaultgraph.server.LandingPage;
import org.vaultgraph.server.VaultServer;
import org.vaultgraph.store.SyncedStore;
import org.vaultgraph.store.VaultLoader;
import org.vaultgraph.store.VaultStore;
import org.vaultgraph.store.VaultSync;
import org.vaultgraph.vault.Vault;
import org.vaultgraph.vault.VaultReader;

/**
 * Measures vaultgraph on generated vaults of several sizes, each figure next to the floor the same
 * run measures for the same work: reading the files only, and parsing them with flexmark only.
 * Prints a markdown table. Not a test: the figures depend on the machine and are never asserted.
 *
 * <pre>{@code new Benchmark(Path.of("target/bench"), 7, out).run(List.of(1_000, 10_000));}</pre>
 */
public final class Benchmark {
    /** Each throughput is the best of this many runs, so that the JIT's warm-up does not count. */
    private static final int ROUNDS = 3;
    private static final int LATENCY_WARMUP = 3000;
    private static final int LATENCY_REQUESTS = 2000;

    /** Whole processes run this many times each, floor and vaultgraph in turn, and the best of each counts. */
    private static final int PROCESS_ROUNDS = 2;

    private final Path workDir;
    private final long seed;
    private final PrintWriter out;
    private final boolean processesOnly;
    private final WholeProcesses processes;

    /**
     * @param processesOnly only the rows measured as whole processes (floor, export, serve), not the steps in this JVM
     * @param childHeap     the heap option of every process the benchmark starts, e.g. {@code -Xmx3g}
     */
    public Benchmark(Path workDir, long seed, PrintWriter out, boolean processesOnly, String childHeap) {
        this.workDir = workDir;
        this.seed = seed;
        this.out = out;
        this.processesOnly = processesOnly;
        this.processes = new WholeProcesses(childHeap);
    }

    public Benchmark(Path workDir, long seed, PrintWriter out) {
        this(workDir, seed, out, false, "-Xmx3g");
    }

    /** Each column's figures, by row name. */
    private final Map<String, Map<String, String>> table = new LinkedHashMap<>();

    public void run(List<Integer> sizes) throws Exception {
        run(sizes, List.of());
    }

    /** Measures generated vaults of the given sizes, then each vault folder given, then commands on a one-note vault. */
    public void run(List<Integer> sizes, List<Path> vaults) throws Exception {
        Files.createDirectories(workDir);
        List<String> columns = new ArrayList<>();
        for (int size : sizes) {
            String column = String.format("%,d notes", size);
            columns.add(column);
            out.println("## " + column);
            out.flush();
            Path vault = workDir.resolve("vault-" + size + "-seed-" + seed);
            if (!Files.isDirectory(vault)) new VaultGenerator(size, seed).write(vault);
            measure(vault, column, true);
        }
        for (Path vault : vaults) {
            String column = vault.toAbsolutePath().normalize().getFileName().toString();
            columns.add(column);
            out.println("## " + column + " (" + vault + ")");
            out.flush();
            measure(vault, column, false);
        }
        out.println();
        printTable(columns);
        out.println();
        printTable(oneNoteCommands());
        out.println("(whole processes with " + (processes.sharesClasses() ? "the class-data sharing archive" : "no class-data sharing archive")
                + "; best of " + PROCESS_ROUNDS + ", floor and vaultgraph run back to back in each round)");
        out.flush();
    }

    private void printTable(List<String> columns) {
        out.print("| measure |");
        for (String column : columns) out.print(" " + column + " |");
        out.println();
        out.print("|---|");
        for (String ignored : columns) out.print("---|");
        out.println();
        table.forEach((row, values) -> {
            if (columns.stream().noneMatch(values::containsKey)) return;
            out.print("| " + row + " |");
            for (String column : columns) out.print(" " + values.getOrDefault(column, "") + " |");
            out.println();
        });
        out.flush();
    }

    private void put(String row, String column, String value) {
        table.computeIfAbsent(row, k -> new LinkedHashMap<>()).put(column, value);
        out.println("  " + row + ": " + value);
        out.flush();
    }

    private void measure(Path vault, String column, boolean generated) throws Exception {
        measureProcesses(vault, column);
        if (!processesOnly) measureSteps(vault, column, generated);
    }

    /** The targets as a user meets them: whole processes, each next to the floor process run just before it. */
    private void measureProcesses(Path vault, String column) throws Exception {
        double floor = Double.MAX_VALUE;
        double export = Double.MAX_VALUE;
        double serve = Double.MAX_VALUE;
        Path exported = workDir.resolve("export-" + System.nanoTime() + ".nq");
        for (int round = 0; round < PROCESS_ROUNDS; round++) {
            floor = Math.min(floor, processes.floor(vault));
            export = Math.min(export, processes.export(vault, exported));
            Files.deleteIfExists(exported);
            serve = Math.min(serve, processes.serveFirstAnswer(vault));
        }
        put("floor: read + flexmark parse, one thread (whole process)", column, f1(floor) + " s");
        put("export --format nquads (whole process)", column, f1(export) + " s");
        put("export / floor (target at most 1.25)", column, f2(export / floor));
        put("serve: start to first answer, in memory (whole process)", column, f1(serve) + " s");
        put("serve first answer / floor (target at most 1.25)", column, f2(serve / floor));
    }

    /** Commands on a vault of one note, each a whole process: what "answers at once" is measured on. */
    private List<String> oneNoteCommands() throws Exception {
        Path vault = workDir.resolve("one-note");
        Files.createDirectories(vault);
        Files.writeString(vault.resolve("Note.md"), "---\ntitle: One note\ntags: [example]\n---\nA note with #a-tag, [[a link]] and a field.\n\nrating:: 4\n");
        String column = "one-note vault, wall (target under 0.8 s)";
        Map<String, String[]> commands = new LinkedHashMap<>();
        commands.put("--version", new String[] {"--version"});
        commands.put("export --format nquads", new String[] {"export", vault.toString(), "--format", "nquads", "--quiet"});
        commands.put("dql 'LIST'", new String[] {"dql", vault.toString(), "LIST", "--quiet"});
        commands.put("query (tag table)", new String[] {"query", vault.toString(), "--quiet", "--param", "tag=Note",
            workDir.resolve("tag-table.rq").toString()});
        Files.writeString(workDir.resolve("tag-table.rq"), QueryCatalog.named("tag-table.rq").text(), StandardCharsets.UTF_8);
        for (Map.Entry<String, String[]> command : commands.entrySet()) {
            double best = Double.MAX_VALUE;
            for (int i = 0; i < 3; i++) best = Math.min(best, processes.command(command.getValue()));
            put("`" + command.getKey() + "`", column, f2(best) + " s");
        }
        return List.of(column);
    }

    /** Each step inside this JVM (read, parse, convert, load, serve, publish, sync), next to floors measured in the same run. */
    private void measureSteps(Path vault, String column, boolean generated) throws Exception {
        HeapSampler heap = new HeapSampler();
        VaultLoader loader = VaultLoader.builder().build();
        Mapping mapping = loader.mappingFor(vault);
        VaultReader reader = loader.reader(mapping);
        VaultReader.VaultFiles files = reader.list(vault);

        // Floors: the same files, read only; then parsed by flexmark only. Each run twice, the second timed (warm).
        long bytes = files.notePaths().parallelStream().mapToLong(p -> readBytes(vault.resolve(p)).length).sum();
        double readSeconds = Double.MAX_VALUE;
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            files.notePaths().parallelStream().mapToLong(p -> readBytes(vault.resolve(p)).length).sum();
            readSeconds = Math.min(readSeconds, seconds(start));
        }
        Parser flexmark = Parser.builder().build();
        double parseSeconds = Double.MAX_VALUE;
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            files.notePaths().parallelStream().forEach(p -> flexmark.parse(new String(readBytes(vault.resolve(p)), StandardCharsets.UTF_8)));
            parseSeconds = Math.min(parseSeconds, seconds(start));
        }
        int notes = files.notePaths().size();
        double mb = bytes / 1e6;
        put("files read only (floor)", column, rate(notes, readSeconds) + " notes/s, " + f1(mb / readSeconds) + " MB/s");
        put("flexmark parse only (floor)", column, rate(notes, parseSeconds) + " notes/s");

        Vault read = null;
        double oursSeconds = Double.MAX_VALUE;
        for (int i = 0; i < ROUNDS; i++) {
            read = null;
            System.gc();
            long start = System.nanoTime();
            read = reader.read(vault);
            oursSeconds = Math.min(oursSeconds, seconds(start));
        }
        String tableOf = tagTableSubject(vault, read, generated);
        put("read + parse (vaultgraph)", column, rate(notes, oursSeconds) + " notes/s, " + f1(mb / oursSeconds) + " MB/s; "
                + ratio(readSeconds, oursSeconds) + " of read floor, " + ratio(parseSeconds, oursSeconds) + " of flexmark");

        VaultMapper mapper = new VaultMapper(mapping);
        AtomicLong quads = new AtomicLong();
        double mapSeconds = Double.MAX_VALUE;
        for (int i = 0; i < ROUNDS; i++) {
            quads.set(0);
            long start = System.nanoTime();
            mapper.map(read, new StreamRDFBase() {
                @Override
                public void quad(Quad quad) {
                    quads.incrementAndGet();
                }
            });
            mapSeconds = Math.min(mapSeconds, seconds(start));
        }
        put("conversion to RDF", column, rate(quads.get(), mapSeconds) + " triples/s (" + String.format("%,d", quads.get()) + " quads); "
                + "read+parse+convert " + rate(notes, oursSeconds + mapSeconds) + " notes/s = "
                + ratio(parseSeconds, oursSeconds + mapSeconds) + " of flexmark");

        long start = System.nanoTime();
        VaultStore memory = VaultStore.inMemory();
        memory.load(read, mapper);
        double memorySeconds = seconds(start);
        put("load into memory", column, f1(memorySeconds) + " s, " + rate(quads.get(), memorySeconds) + " quads/s");
        read = null;
        put("heap holding the graph in memory (after GC)", column, liveHeapMb() + " MB");

        Path tdb = workDir.resolve("tdb-" + System.nanoTime());
        start = System.nanoTime();
        try (SyncedStore disk = SyncedStore.onDisk(vault, tdb, loader, line -> { })) {
            put("load into TDB2 on disk", column, f1(seconds(start)) + " s");
        }
        start = System.nanoTime();
        try (SyncedStore disk = SyncedStore.onDisk(vault, tdb, loader, line -> { })) {
            put("restart on TDB2, vault unchanged", column, f1(seconds(start)) + " s (" + disk.firstSync().unchanged() + " files unchanged)");
        }
        put("serve --tdb: start to first answer, restart (whole process)", column,
                f1(processes.serveFirstAnswer(vault, "--tdb", tdb.toString())) + " s");
        deleteTree(tdb);

        // Serving: the tag table of the most linked therapy, over HTTP.
        GardenPublisher publisher = new GardenPublisher(SparqlService.local(memory.dataset()), mapper.iris());
        try (VaultServer server = VaultServer.builder().dataset(memory.dataset()).iris(mapper.iris()).publisher(publisher)
                .landing(new LandingPage(vault.getFileName().toString(), notes, mapping.base())).port(0).build().start()) {
            String query = QueryCatalog.named("tag-table.rq").bind(mapping.base(), Map.of("tag", tableOf)).serialize();
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < LATENCY_WARMUP; i++) get(http, server.sparqlUrl(), query);
            long[] nanos = new long[LATENCY_REQUESTS];
            int rows = 0;
            for (int i = 0; i < LATENCY_REQUESTS; i++) {
                long t = System.nanoTime();
                String body = get(http, server.sparqlUrl(), query);
                nanos[i] = System.nanoTime() - t;
                rows = body.split("\n").length - 1;
            }
            Arrays.sort(nanos);
            put("tag table over HTTP, p50 / p99", column, f2(nanos[LATENCY_REQUESTS / 2] / 1e6) + " / "
                    + f2(nanos[LATENCY_REQUESTS * 99 / 100] / 1e6) + " ms (" + rows + " rows)");

            String baseView = new BaseViewBenchmark(out).measure(SparqlService.local(memory.dataset()), mapper.iris(), vault);
            put("base view (tag table as a base), p50 / p99", column, baseView.replaceFirst("^base view \\(tag table as a base, (\\d+) rows\\): p50 / p99 ([\\d.]+ / [\\d.]+ ms).*$", "$2 ($1 rows)"));

            Path pages = workDir.resolve("site-" + System.nanoTime());
            start = System.nanoTime();
            int published = publish(publisher, pages);
            put("publish every page", column, f1(seconds(start)) + " s, " + published + " pages");
        }
        memory.close();

        // Time to first answer: from nothing to a served tag table.
        start = System.nanoTime();
        VaultLoader.LoadedVault loaded = loader.load(vault, VaultStore.inMemory());
        try (VaultServer server = VaultServer.builder().dataset(loaded.store().dataset()).iris(loaded.mapper().iris()).port(0).build().start()) {
            get(HttpClient.newHttpClient(), server.sparqlUrl(),
                    QueryCatalog.named("tag-table.rq").bind(mapping.base(), Map.of("tag", tableOf)).serialize());
            put("serve: start to first answer, in memory", column, f1(seconds(start)) + " s");
        }
        loaded.store().close();

        // Sync after one edit, on a store that follows the vault: only in a vault of our own, which may be edited.
        if (!generated) {
            put("peak heap used (sampled every 20 ms)", column, heap.stop() + " MB");
            return;
        }
        try (SyncedStore synced = SyncedStore.inMemory(vault, loader, line -> { })) {
            Path note = files.notePaths().stream().filter(p -> p.startsWith("Research/Insights/")).findFirst().map(vault::resolve).orElseThrow();
            String before = Files.readString(note);
            Files.writeString(note, before + "\nedited by the benchmark\n");
            Files.setLastModifiedTime(note, FileTime.fromMillis(System.currentTimeMillis() + 1000));
            start = System.nanoTime();
            VaultSync.Report report = synced.sync().sync();
            put("sync after one edit, whole vault listed", column, f1((System.nanoTime() - start) / 1e6) + " ms (" + report + ")");
            Files.writeString(note, before + "\nedited again\n");
            Files.setLastModifiedTime(note, FileTime.fromMillis(System.currentTimeMillis() + 2000));
            start = System.nanoTime();
            report = synced.sync().sync(List.of(note));
            put("sync after one edit, as --watch does (the changed path only)", column, f1((System.nanoTime() - start) / 1e6) + " ms (" + report + ")");
            Files.writeString(note, before);
        }
        measurePublishFollowingEdits(vault, files, column);
        put("peak heap used (sampled every 20 ms)", column, heap.stop() + " MB");
    }

    /** {@code publish --watch}: the whole garden, then one edit of an insight, timed from the file written to its pages re-published. */
    private void measurePublishFollowingEdits(Path vault, VaultReader.VaultFiles files, String column) throws Exception {
        Path note = files.notePaths().stream().filter(p -> p.startsWith("Research/Insights/")).findFirst().map(vault::resolve).orElseThrow();
        String before = Files.readString(note);
        BlockingQueue<Republished> followed = new LinkedBlockingQueue<>();
        try (VaultGraph graph = VaultGraph.builder().vault(vault).followEdits(true).build()) {
            long start = System.nanoTime();
            Published all = graph.publish(Publishing.site(workDir.resolve("garden-" + System.nanoTime())),
                    followed::add, message -> out.println("publish --watch: " + message));
            put("publish --watch: the whole garden first (vault read included)", column, f1(seconds(start)) + " s, " + all.pages() + " pages");
            Files.writeString(note, before.replace(" of ", " of  "));
            start = System.nanoTime();
            Republished again = followed.poll(5, TimeUnit.MINUTES);
            if (again == null) throw new IllegalStateException("the edit of " + note + " was not followed in 5 minutes");
            put("publish --watch: one edit, file written to pages re-published", column, f1((System.nanoTime() - start) / 1e6) + " ms ("
                    + again.rendered().size() + " of " + again.pages() + " pages rendered again in " + again.millis() + " ms after the sync; "
                    + "the watcher waits 150 ms for the folder to be quiet)");
        } finally {
            Files.writeString(note, before);
        }
    }

    /** The note whose tag table is asked for: in a generated vault its most linked therapy, else the note most linked to. */
    private static String tagTableSubject(Path vault, Vault read, boolean generated) throws IOException {
        if (generated) return mostLinkedTherapy(vault);
        Map<String, Integer> links = new java.util.HashMap<>();
        for (var note : read.notes()) for (var link : note.links()) links.merge(link.target(), 1, Integer::sum);
        // Most links first; among equals, the first name in order.
        Comparator<Map.Entry<String, Integer>> order = Comparator.comparing(Map.Entry::getValue);
        order = order.thenComparing(Map.Entry::getKey, Comparator.reverseOrder());
        return links.entrySet().stream().max(order).map(Map.Entry::getKey).orElse("");
    }

    private static String mostLinkedTherapy(Path vault) throws IOException {
        // The generator links its first therapies most; pick the first therapy note by name order.
        try (Stream<Path> tags = Files.list(vault.resolve("Research/Tags"))) {
            List<Path> therapies = new ArrayList<>();
            for (Path p : tags.sorted().toList()) if (Files.readString(p).contains("type: therapy")) therapies.add(p);
            String file = therapies.stream().min(Comparator.comparing(Path::toString)).orElseThrow().getFileName().toString();
            return file.substring(0, file.length() - 3);
        }
    }

    private static int publish(GardenPublisher publisher, Path dir) throws IOException {
        int count = 0;
        for (String path : publisher.publishablePaths()) {
            var page = publisher.page(path);
            if (page.isEmpty()) continue;
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, page.get().markdown());
            count++;
        }
        deleteTree(dir);
        return count;
    }

    /** A query by GET, as SPARQL clients send most queries (a POST's body in a second packet meets delayed ACKs). */
    private static String get(HttpClient http, String url, String query) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "?query="
                        + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Accept", "text/csv").build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
        return response.body();
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static long liveHeapMb() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1_000_000;
    }

    /** The most heap in use at any time while it runs, sampled. */
    private static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private final Thread thread;

        HeapSampler() {
            thread = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        long stop() {
            thread.interrupt();
            return peak.get() / 1_000_000;
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String rate(long count, double seconds) {
        return String.format("%,d", Math.round(count / seconds));
    }

    private static String ratio(double floorSeconds, double seconds) {
        return String.format("%.0f%%", 100 * floorSeconds / seconds);
    }

    private static String f1(double v) {
        return String.format("%.1f", v);
    }

    private static String f2(double v) {
        return String.format("%.2f", v);
    }
}
