package org.vaultgraph;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.render.GardenPublisher;
import org.vaultgraph.server.LandingPage;
import org.vaultgraph.server.VaultServer;
import org.vaultgraph.store.VaultSync;

/**
 * A vault's graph served with embedded Apache Jena Fuseki: SPARQL at {@code /vault/sparql}, every IRI
 * of the vault by content negotiation, a landing page and the tag pages. Read-only and on this machine
 * only unless told otherwise.
 *
 * <pre>{@code
 * try (GraphServer server = graph.server().port(0).start()) {
 *     server.sparqlUrl(); // http://127.0.0.1:PORT/vault/sparql
 *     server.join();      // until the process is stopped
 * }
 * }</pre>
 */
public final class GraphServer implements AutoCloseable {
    private final VaultServer server;

    private GraphServer(VaultServer server) {
        this.server = server;
    }

    /** The server's address, e.g. {@code http://127.0.0.1:3030/}. */
    public String url() {
        return server.url();
    }

    /** The SPARQL query endpoint. */
    public String sparqlUrl() {
        return server.sparqlUrl();
    }

    /** The port it listens on (the one picked when port 0 was asked for). */
    public int port() {
        return server.port();
    }

    /** Waits until the server stops. */
    public void join() {
        server.join();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Configures and starts a {@link GraphServer}; every setting has a safe default. */
    public static final class Builder {
        private final VaultGraph graph;
        private final VaultServer.Builder server = VaultServer.builder();
        private String host = "127.0.0.1";
        private int port = 3030;
        private Duration queryTimeout = Duration.ofSeconds(10);

        Builder(VaultGraph graph) {
            this.graph = graph;
        }

        /** The address to listen on: 127.0.0.1 (this machine only) by default, 0.0.0.0 for every network. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The port (default 3030); 0 picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) throw new IllegalArgumentException("port " + port + " is not a port: use 1 to 65535, or 0 for any free one");
            this.port = port;
            return this;
        }

        /** How long one query may run before it is stopped with HTTP 503 (default 10 s). */
        public Builder queryTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("the query timeout must be positive");
            this.queryTimeout = timeout;
            return this;
        }

        /** The most rows one query answers; a query asking for more gets this LIMIT (default 100,000). */
        public Builder maxRows(long maxRows) {
            if (maxRows < 1) throw new IllegalArgumentException("the most rows must be at least 1");
            server.maxRows(maxRows);
            return this;
        }

        /**
         * How many queries run at once, in all and per client address, and how many may wait; the rest
         * get HTTP 503 with {@code Retry-After} (default: twice the processors, half of that, 128).
         */
        public Builder queryLimits(int running, int perClient, int queued) {
            if (running < 1 || perClient < 1 || queued < 0) {
                throw new IllegalArgumentException("queries at once and per client must be at least 1, waiting at least 0");
            }
            server.queryLimits(running, perClient, queued);
            return this;
        }

        /**
         * Lets SPARQL {@code SERVICE} call endpoints under these URL prefixes; by default the server calls none.
         *
         * @throws IllegalArgumentException naming a prefix that is not an http or https URL with a host
         */
        public Builder allowService(List<String> urlPrefixes) {
            server.allowService(urlPrefixes);
            return this;
        }

        /**
         * Accepts SPARQL Update and Graph Store writes from the users of a password file (Jetty's format,
         * {@code name: password} per line). Needs a graph in a TDB2 store, so that writes survive a restart.
         */
        public Builder updates(Path passwordFile) {
            if (graph.inMemory()) throw new IllegalStateException("updates need a graph in a TDB2 store: one in memory would lose every write");
            server.updates(passwordFile);
            return this;
        }

        /** Reads the vault if it has not been read, and starts serving it. */
        public GraphServer start() {
            graph.read();
            VaultSync following = graph.sync();
            SparqlService sparql = SparqlService.local(graph.dataset());
            String name = graph.vault().toAbsolutePath().normalize().getFileName().toString();
            int notes = graph.notes();
            LandingPage landing = new LandingPage(name, following == null ? () -> notes : following::notes, graph.base(),
                    following == null ? null : following::lastChange);
            // Made when a page first needs it (it lists the vault's files): the endpoint answers before.
            server.publishers(following == null ? () -> java.time.Instant.EPOCH : following::lastChange,
                    () -> new GardenPublisher(sparql, graph.mapper().iris(), graph.zone()));
            VaultServer started = server.dataset(graph.dataset()).vaultRoot(graph.vault()).iris(graph.mapper().iris()).landing(landing)
                    .host(host).port(port).queryTimeoutMillis(queryTimeout.toMillis()).build();
            try {
                started.start();
            } catch (RuntimeException e) {
                started.stop();
                throw e;
            }
            return new GraphServer(started);
        }
    }
}
