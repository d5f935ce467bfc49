package org.vaultgraph.server;

import java.time.Instant;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.access.VocabSecurity;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.main.sys.InitFusekiMain;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.rdf.IriMinter;
import org.vaultgraph.render.GardenPublisher;

/**
 * Serves a vault's graph with embedded Apache Jena Fuseki: SPARQL at {@code /vault/sparql}, Graph
 * Store reads at {@code /vault/get}, read-only; a landing page at {@code /}; each published tag
 * page at its permalink; the graph pages at {@code /graph}; every IRI of the vault, and the ontology
 * at {@code /ns}, dereferenceable.
 *
 * <pre>{@code
 * VaultServer server = VaultServer.builder().dataset(store.dataset()).publisher(publisher).port(0).build().start();
 * server.url(); // http://127.0.0.1:41234/
 * server.stop();
 * }</pre>
 */
public final class VaultServer implements AutoCloseable {
    /** The dataset's name: its endpoints live under this path. */
    public static final String DATASET = "/vault";

    static {
        // The jar leaves Fuseki out of Jena's own start-up, so that commands which do not serve never load it: it starts here.
        InitFusekiMain.init();
        VocabSecurity.init();
    }

    private final FusekiServer fuseki;
    private final String host;
    private final QueryAdmission admission;

    private VaultServer(Builder b) {
        // Fuseki's builder has no timeout setter; the dataset's context carries it (milliseconds).
        b.dataset.getContext().set(ARQ.queryTimeout, Long.toString(b.queryTimeoutMillis));
        b.outbound.install(b.dataset.getContext());
        GardenSites sites = new GardenSites(b.publishers, org.vaultgraph.query.SparqlService.local(b.dataset), b.iris,
                org.vaultgraph.export.GraphExporter.prefixes(b.iris));
        this.admission = new QueryAdmission(b.limits, b.queryTimeoutMillis);
        FusekiServer.Builder builder = FusekiServer.create()
                .port(b.port)
                // CORS is ours (SecurityFilter): Fuseki's would allow writes from any origin.
                .enableCors(false)
                .addFilter("/*", new SecurityFilter())
                .addFilter("/*", new QueryLimitsFilter(b.maxRequestBytes, b.maxRows, b.outbound))
                .addFilter("/*", admission)
                .addFilter("/*", new WriteFilter(b.outbound, b.iris.base(), b.maxRequestBytes))
                .addFilter("/*", new DatasetReadFilter(b.dataset))
                .addFilter("/*", new LinkedDataFilter(new Descriptions(b.dataset), b.iris, b.publishers, sites, b.vaultRoot))
                .addFilter("/*", new GraphPages(new GraphView(SparqlService.local(b.dataset, GraphView.BUILD_TIME_LIMIT), b.iris.base(), graphVersion(b))))
                .addFilter("/*", new PagesFilter(b.publishers, sites, b.landing, b.host));
        if (b.passwordFile == null) {
            // Named endpoints only: every query goes through the checks above, none through the dataset's own URL.
            builder.add(DATASET, DataService.newBuilder(b.dataset)
                    .addEndpoint(Operation.Query, "sparql")
                    .addEndpoint(Operation.Query, "query")
                    .addEndpoint(Operation.GSP_R, "get")
                    .addEndpoint(Operation.GSP_R, "data")
                    .build());
        } else {
            // Reads for everyone; SPARQL Update and Graph Store writes for the users of the password file.
            builder.add(DATASET, DataService.newBuilder(b.dataset)
                            .addEndpoint(Operation.Query, "sparql")
                            .addEndpoint(Operation.Query, "query")
                            .addEndpoint(Operation.GSP_R, "get")
                            .addEndpoint(Operation.Update, "update", Auth.ANY_USER)
                            .addEndpoint(Operation.GSP_RW, "data", Auth.ANY_USER)
                            .build())
                    .passwordFile(b.passwordFile.toString())
                    .auth(AuthScheme.BASIC);
        }
        this.fuseki = builder.build();
        PlainErrors errors = new PlainErrors();
        fuseki.getJettyServer().setErrorHandler(errors);
        for (ServletContextHandler context : fuseki.getJettyServer().getDescendants(ServletContextHandler.class)) context.setErrorHandler(errors);
        this.host = b.host;
        for (Connector connector : fuseki.getJettyServer().getConnectors()) {
            if (connector instanceof ServerConnector server) server.setHost(b.host);
        }
    }

    /**
     * What tells the graph pages that the graph changed: the sync's last change for a server that follows
     * the vault; with writes allowed, the time in ten-second steps (a write does not say it changed the graph).
     */
    private static java.util.function.Supplier<?> graphVersion(Builder b) {
        if (b.passwordFile != null) return () -> System.currentTimeMillis() / 10_000;
        if (b.graphVersion != null) return b.graphVersion;
        return () -> "unchanged";
    }

    public static Builder builder() {
        return new Builder();
    }

    public VaultServer start() {
        fuseki.start();
        return this;
    }

    /** The port the server listens on (the real one when started on port 0). */
    public int port() {
        return fuseki.getHttpPort();
    }

    /** The address the server listens on, as its connector has it. */
    public String boundHost() {
        for (Connector connector : fuseki.getJettyServer().getConnectors()) {
            if (connector instanceof ServerConnector server) return server.getHost();
        }
        return host;
    }

    /** The server's address, e.g. {@code http://127.0.0.1:3030/}. */
    public String url() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : h) + ":" + port() + "/";
    }

    /** How many dataset operations run at this moment. */
    int runningOperations() {
        return admission.running();
    }

    /** How many dataset operations wait for a place at this moment. */
    int waitingOperations() {
        return admission.queued();
    }

    /** The SPARQL query endpoint. */
    public String sparqlUrl() {
        return url() + DATASET.substring(1) + "/sparql";
    }

    public void join() {
        fuseki.join();
    }

    public void stop() {
        fuseki.stop();
    }

    @Override
    public void close() {
        stop();
    }

    /** Configures a {@link VaultServer}. */
    public static final class Builder {
        private DatasetGraph dataset;
        private Supplier<GardenPublisher> publishers;
        private Supplier<Instant> graphVersion;
        private IriMinter iris = new IriMinter("http://127.0.0.1:3030/");
        private LandingPage landing = LandingPage.EMPTY;
        private String host = "127.0.0.1";
        private int port = 3030;
        private long queryTimeoutMillis = 10_000;
        private long maxRows = 100_000;
        private long maxRequestBytes = 16L * 1024 * 1024;
        private Path passwordFile;
        private Path vaultRoot;
        private OutboundPolicy outbound = OutboundPolicy.none();
        private QueryAdmission.Limits limits = QueryAdmission.Limits.defaults();

        public Builder dataset(DatasetGraph dataset) {
            this.dataset = Objects.requireNonNull(dataset);
            return this;
        }

        /** Renders the tag pages served at their permalinks. */
        public Builder publisher(GardenPublisher publisher) {
            this.publishers = () -> publisher;
            return this;
        }

        /**
         * For a graph that changes while served: a publisher is made again when {@code graphVersion}
         * changes, since it holds the vault's link targets.
         */
        public Builder publishers(Supplier<Instant> graphVersion, Supplier<GardenPublisher> make) {
            this.graphVersion = graphVersion;
            this.publishers = new Supplier<>() {
                private Instant madeFor;
                private GardenPublisher current;

                @Override
                public synchronized GardenPublisher get() {
                    Instant version = graphVersion.get();
                    if (!version.equals(madeFor)) {
                        current = make.get();
                        madeFor = version;
                    }
                    return current;
                }
            };
            return this;
        }

        /**
         * The vault's folder: {@code /file/...} then answers with the attachment itself (its media type,
         * read from that folder only, never through a symbolic link).
         */
        public Builder vaultRoot(Path root) {
            this.vaultRoot = Objects.requireNonNull(root);
            return this;
        }

        /** The vault's IRIs: a GET on an IRI's path under this server answers with its description. */
        public Builder iris(IriMinter iris) {
            this.iris = Objects.requireNonNull(iris);
            return this;
        }

        public Builder landing(LandingPage landing) {
            this.landing = Objects.requireNonNull(landing);
            return this;
        }

        /** The address to listen on; 127.0.0.1 (this machine only) by default. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** The port; 0 picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** How long one query may run before it is stopped (HTTP 503). */
        public Builder queryTimeoutMillis(long millis) {
            this.queryTimeoutMillis = millis;
            return this;
        }

        /** The most rows a query answers; a query asking for more gets this as its LIMIT. */
        public Builder maxRows(long maxRows) {
            this.maxRows = maxRows;
            return this;
        }

        /** The largest request body accepted (a query, or a graph written with --update). */
        public Builder maxRequestBytes(long bytes) {
            this.maxRequestBytes = bytes;
            return this;
        }

        /**
         * Turns on SPARQL Update ({@code /vault/update}) and Graph Store writes ({@code /vault/data})
         * for the users of a password file (Jetty's format: {@code name: password} per line), with
         * HTTP basic authentication; reads stay open to all.
         */
        public Builder updates(Path passwordFile) {
            this.passwordFile = Objects.requireNonNull(passwordFile);
            return this;
        }

        /**
         * Lets SPARQL {@code SERVICE} call endpoints under these URL prefixes (http or https, with a
         * host); by default the server calls none.
         *
         * @throws IllegalArgumentException naming a prefix that is not such a URL
         */
        public Builder allowService(java.util.List<String> urlPrefixes) {
            this.outbound = OutboundPolicy.of(urlPrefixes);
            return this;
        }

        /**
         * How many queries, Graph Store reads and updates run at once: in total, per client address,
         * and how many may wait for a place (for at most the query timeout); the rest get 503 with
         * {@code Retry-After}. By default twice the cores, half that per client, 128 waiting.
         */
        public Builder queryLimits(int running, int perClient, int queued) {
            this.limits = new QueryAdmission.Limits(running, perClient, queued, limits.cooldownMillis());
            return this;
        }

        /** How long a query text that ran out of time is refused afterwards (default one minute; 0 never). */
        public Builder timedOutCooldownMillis(long millis) {
            this.limits = new QueryAdmission.Limits(limits.running(), limits.perClient(), limits.queued(), millis);
            return this;
        }

        public VaultServer build() {
            Objects.requireNonNull(dataset, "dataset");
            return new VaultServer(this);
        }
    }
}
