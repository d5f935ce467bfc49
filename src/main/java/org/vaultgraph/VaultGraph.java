package org.vaultgraph;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.vaultgraph.query.QueryException;
import org.vaultgraph.query.QueryFile;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.rdf.IriMinter;
import org.vaultgraph.rdf.Mapping;
import org.vaultgraph.rdf.VaultMapper;
import org.vaultgraph.render.GardenPublisher;
import org.vaultgraph.store.VaultLoader;
import org.vaultgraph.store.VaultSync;
import org.vaultgraph.store.VaultWatcher;
import org.vaultgraph.vault.Problem;

/**
 * An Obsidian-style vault as an RDF knowledge graph, for programs that embed vaultgraph: read it,
 * query it with SPARQL or Dataview, export it, publish its Digital Garden pages, serve it. The
 * {@code vaultgraph} command does each of these through this class.
 *
 * <pre>{@code
 * try (VaultGraph graph = VaultGraph.builder().vault(Path.of("data/vault")).build()) {
 *     System.out.print(graph.query("SELECT ?path WHERE { ?note <https://w3id.org/vaultgraph/ns#path> ?path }").text());
 * }
 * }</pre>
 *
 * Nothing is read when the graph is built: the vault is read by {@link #read()}, or by the first
 * operation that needs it, so that a program can check a query before a long read. The graph lives
 * in memory, or in a TDB2 store on disk ({@link Builder#tdb}) that each later read brings up to date
 * with the vault by re-reading only what changed. Once read, queries may run from several threads.
 */
public final class VaultGraph implements AutoCloseable {
    private final Path vault;
    private final Path tdb;
    private final boolean followEdits;
    private final ZoneId zone;
    private final Consumer<String> progress;
    private final Consumer<String> notices;
    private final VaultLoader loader;
    private Mapping mapping;
    private OpenedStore opened;
    private VaultWatcher watcher;

    private VaultGraph(Builder builder) {
        this.vault = Objects.requireNonNull(builder.vault, "the vault folder");
        this.tdb = builder.tdb;
        this.followEdits = builder.followEdits;
        this.zone = builder.zone;
        this.progress = builder.progress;
        this.notices = builder.notices != null ? builder.notices : builder.progress;
        this.loader = VaultLoader.builder().base(builder.base).servedAt(builder.servedAt).mappingFile(builder.mapping).zone(zone)
                .progress(line -> progress.accept("  " + line)).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What reading the vault gave: how many notes, and what could not be read as written. */
    public record ReadReport(int notes, List<Problem> problems, long problemsNotKept) {}

    /** Reads the vault into the graph (once; later calls give the same report). */
    public synchronized ReadReport read() {
        if (opened == null) opened = OpenedStore.open(vault, loader, tdb, followEdits, progress, notices);
        return opened.report();
    }

    /** The vault folder. */
    public Path vault() {
        return vault;
    }

    /** The base IRI of the vault's notes, tags and fields (known without reading the vault). */
    public synchronized String base() {
        return mapping().base();
    }

    /** How many notes the graph holds now (it follows edits once {@link #watch} runs). */
    public int notes() {
        read();
        return opened.sync() != null ? opened.sync().notes() : opened.report().notes();
    }

    /**
     * The graph as a Jena dataset: one named graph per note, the default graph their union. On a TDB2
     * store, use it inside a transaction ({@code Txn.executeRead}).
     */
    public DatasetGraph dataset() {
        read();
        return opened.store().dataset();
    }

    /**
     * Reads a query file and puts the values into its parameters ({@code # @param name ...}): a value
     * written {@code <...>} is an IRI, anything else a string; values never change the query's structure.
     *
     * @throws IllegalArgumentException when a parameter the file declares has no value, or a value names none
     * @throws QueryException when the file cannot be read or is not SPARQL
     */
    public Query bind(Path queryFile, Map<String, String> values) {
        QueryFile file = QueryFile.load(queryFile);
        try {
            file.checkValues(values);
        } catch (QueryException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return file.bind(base(), values);
    }

    /** Runs a SPARQL query; relative IRIs in it resolve against the vault's base IRI. */
    public SparqlAnswer query(String sparql) {
        return query(QueryFile.of("query", sparql).parse(base()));
    }

    /** Runs a query file with values for its parameters (see {@link #bind}). */
    public SparqlAnswer query(Path queryFile, Map<String, String> values) {
        return query(bind(queryFile, values));
    }

    public SparqlAnswer query(Query query) {
        return SparqlAnswer.run(SparqlService.local(dataset()), query);
    }

    /** Runs a query on another SPARQL endpoint (a running vaultgraph server, a team store) instead of this graph. */
    public SparqlAnswer query(Query query, String endpoint) {
        return SparqlAnswer.run(SparqlService.remote(endpoint), query);
    }

    /** Runs a Dataview query (DQL) as Dataview's own engine runs it. */
    public DataviewAnswer dql(String query) {
        return dql(query, null);
    }

    /**
     * Runs a Dataview query written in the note {@code fromNote} (named as a link names it): what
     * {@code [[]]} and {@code this} stand for.
     *
     * @throws IllegalArgumentException when no note has that name
     */
    public DataviewAnswer dql(String query, String fromNote) {
        return DataviewAnswer.run(SparqlService.local(dataset()), mapper().iris(), zone, query, fromNote);
    }

    /**
     * Runs a Dataview query on another SPARQL endpoint that holds this vault's graphs (a team store it was
     * pushed to, a running vaultgraph server), without reading the vault: only the base IRI is needed.
     */
    public DataviewAnswer dql(String query, String fromNote, String endpoint) {
        return DataviewAnswer.runRemote(SparqlService.remote(endpoint), new IriMinter(base()), zone, query, fromNote);
    }

    /** The SPARQL that finds the pages of a Dataview query's FROM clause, as {@link #dql(String, String)} would run it. */
    public String dqlPagesQuery(String query, String fromNote) {
        return DataviewAnswer.pagesQuery(SparqlService.local(dataset()), mapper().iris(), zone, query, fromNote);
    }

    /**
     * Writes the graph in a format: turtle, trig, ntriples, nquads, jsonld, rdfxml, graphml or gexf.
     * In memory, the first five stream straight from the vault's files, so memory stays flat however
     * large the vault; the others are written from the graph.
     *
     * @param graphQueries for graphml and gexf, a folder whose graph-nodes.rq, graph-edges.rq and
     *                     graph-attributes.rq replace the built-in queries, or null
     * @throws IllegalArgumentException for a format not listed
     */
    public Exported export(String format, Path graphQueries, OutputStream out) {
        return Exporting.write(this, format, graphQueries, out);
    }

    public Exported export(String format, OutputStream out) {
        return export(format, null, out);
    }

    /**
     * Publishes the notes whose front matter says {@code dg-publish: true} (or every note) as the
     * Obsidian Digital Garden plugin does, into a folder: a static site, or the plugin's markdown.
     * Files already as they should be are left alone.
     *
     * @throws IllegalArgumentException when a page would be written outside the folder
     */
    public Published publish(Publishing settings) {
        return new SiteWriter(vault, settings, publisher()).writeAll();
    }

    /**
     * Publishes, then follows the vault until closed: after each edit, renders again only the pages whose
     * text or query answers the edit can change (the edited notes' own, those that embed them, list them
     * or link to a note whose place in the garden moved), removes the pages of notes no longer published
     * and the files no page shows any more. Needs a graph built with {@link Builder#followEdits} or
     * {@link Builder#tdb}.
     *
     * @param onChange  told what each edit re-published
     * @param onMessage told what could not be followed or written
     */
    public synchronized Published publish(Publishing settings, Consumer<Republished> onChange, Consumer<String> onMessage) {
        read();
        if (opened.sync() == null) throw new IllegalStateException("build the graph with followEdits(true) or tdb(dir) to publish as the vault changes");
        SiteWriter writer = new SiteWriter(vault, settings, publisher());
        Published published = writer.writeAll();
        watch(change -> {
            try {
                onChange.accept(writer.rewrite(change));
            } catch (RuntimeException e) {
                onMessage.accept("publishing after \"" + change.summary() + "\" failed: " + e.getMessage());
            }
        }, onMessage);
        return published;
    }

    /** A publisher of the graph as it is now. */
    private GardenPublisher publisher() {
        return new GardenPublisher(SparqlService.local(dataset()), mapper().iris(), zone);
    }

    /** Publishes a static site of the notes marked {@code dg-publish: true} into {@code folder}. */
    public Published publish(Path folder) {
        return publish(Publishing.site(folder));
    }

    /** Settings for a server of this graph; {@link GraphServer.Builder#start()} reads the vault if needed and serves it. */
    public GraphServer.Builder server() {
        return new GraphServer.Builder(this);
    }

    /** A change the graph followed: what the sync did, what it could not read as written, and the vault paths it wrote or removed. */
    public record Change(String summary, List<Problem> problems, java.util.Set<String> paths) {}

    /**
     * Follows the vault folder and applies every change to the graph in the background, until closed.
     * Needs a graph built with {@link Builder#followEdits} or {@link Builder#tdb}.
     *
     * @param onChange told each change applied
     * @param onMessage told what could not be followed (a folder that vanished...)
     */
    public synchronized void watch(Consumer<Change> onChange, Consumer<String> onMessage) {
        read();
        if (opened.sync() == null) throw new IllegalStateException("build the graph with followEdits(true) or tdb(dir) to watch the vault");
        if (watcher != null) throw new IllegalStateException("the vault is already watched");
        watcher = VaultWatcher.start(vault, opened.sync(), report -> onChange.accept(new Change(report.toString(), report.problems(), report.paths())), onMessage);
    }

    synchronized Mapping mapping() {
        if (mapping == null) mapping = opened != null ? opened.mapping() : loader.mappingFor(vault);
        return mapping;
    }

    synchronized OpenedStore opened() {
        read();
        return opened;
    }

    VaultLoader loader() {
        return loader;
    }

    boolean inMemory() {
        return tdb == null;
    }

    ZoneId zone() {
        return zone;
    }

    /** The sync that keeps the graph up to date, or null when it was read once. */
    VaultSync sync() {
        return opened().sync();
    }

    VaultMapper mapper() {
        return opened().mapper();
    }

    /** Stops watching and closes the store (a TDB2 store is left consistent on disk). */
    @Override
    public synchronized void close() {
        if (watcher != null) watcher.close();
        watcher = null;
        if (opened != null) opened.close();
        opened = null;
    }

    /** Configures a {@link VaultGraph}. */
    public static final class Builder {
        private Path vault;
        private String base;
        private String servedAt;
        private Path mapping;
        private Path tdb;
        private boolean followEdits;
        private ZoneId zone = ZoneId.systemDefault();
        private Consumer<String> progress = line -> { };
        private Consumer<String> notices;

        private Builder() {}

        /** The vault folder. */
        public Builder vault(Path vault) {
            this.vault = Objects.requireNonNull(vault);
            return this;
        }

        /** The base IRI, instead of the mapping's {@code base:}. */
        public Builder base(String base) {
            this.base = base;
            return this;
        }

        /**
         * The address the graph is served at, e.g. {@code http://127.0.0.1:3101/}: the base IRI when
         * neither {@link #base} nor the mapping names one, so that IRIs dereference as they are.
         */
        public Builder servedAt(String address) {
            this.servedAt = address;
            return this;
        }

        /** A mapping file, instead of the vault's own {@code .vaultgraph.yaml} (or the built-in mapping). */
        public Builder mapping(Path mapping) {
            this.mapping = mapping;
            return this;
        }

        /** Keep the graph in memory (the default). */
        public Builder inMemory() {
            this.tdb = null;
            return this;
        }

        /** Keep the graph in a TDB2 store in this folder, kept between runs and synced with the vault at each read. */
        public Builder tdb(Path directory) {
            this.tdb = directory;
            return this;
        }

        /** Keep the graph in a store that can follow edits ({@link VaultGraph#watch}); a TDB2 store always can. */
        public Builder followEdits(boolean followEdits) {
            this.followEdits = followEdits;
            return this;
        }

        /** The time zone in which file times are written and dates without one are read (default: this machine's). */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone);
            return this;
        }

        /** Told what a long read is doing, a line at a time. */
        public Builder progress(Consumer<String> progress) {
            this.progress = Objects.requireNonNull(progress);
            return this;
        }

        /**
         * Told what a user must hear even when progress is not shown: a TDB2 store that could not be
         * opened and was moved aside (default: the progress consumer).
         */
        public Builder notices(Consumer<String> notices) {
            this.notices = Objects.requireNonNull(notices);
            return this;
        }

        /** The graph of the vault; nothing is read yet. */
        public VaultGraph build() {
            return new VaultGraph(this);
        }
    }
}
