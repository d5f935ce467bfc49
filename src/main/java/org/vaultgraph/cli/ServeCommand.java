package org.vaultgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vaultgraph.GraphServer;
import org.vaultgraph.VaultGraph;
import org.vaultgraph.vault.VaultReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vaultgraph serve}: loads a vault and serves it over SPARQL until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Loads the vault into a graph and serves it with embedded Apache Jena Fuseki until stopped with Ctrl-C.",
            "The graph lives in memory, or in a TDB2 store on disk with --tdb. The server answers SPARQL at /vault/sparql and "
                + "Graph Store reads at /vault/get (read-only), shows a landing page at / and each tag page at its permalink, "
                + "and serves every IRI of the vault (/note/..., /tag/..., and /ns for the ontology) as Turtle, JSON-LD, "
                + "N-Triples, RDF/XML, N-Quads, TriG or HTML by content negotiation. It calls no other endpoint and reads no "
                + "file but the vault's."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VaultArgument argument;

    @Mixin
    VaultOptions options;

    @Option(names = "--port", defaultValue = "3030", paramLabel = "PORT", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every network).")
    String host;

    @Option(names = "--query-timeout", defaultValue = "10", paramLabel = "SECONDS",
            description = "Stop a query that runs longer than this (default: ${DEFAULT-VALUE}).")
    double queryTimeout;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--watch",
            description = "Follow the vault folder and apply every change to the served graph within about a second.")
    boolean watch;

    @Option(names = "--update",
            description = "Accept SPARQL Update at /vault/update and Graph Store writes at /vault/data, from the users of "
                    + "--password-file only (HTTP basic auth). Needs --tdb, so that writes survive a restart.")
    boolean update;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Users who may write with --update, one 'name: password' per line (Jetty's password file format).")
    Path passwordFile;

    @Option(names = "--allow-service", paramLabel = "URL_PREFIX",
            description = "Let SPARQL SERVICE call endpoints under this URL prefix (http or https, with a host; a loopback or "
                    + "link-local address only when the prefix names that address); repeat it for more. By default the server "
                    + "calls no other endpoint.")
    List<String> allowService = new ArrayList<>();

    @Option(names = "--max-queries", paramLabel = "N",
            description = "Queries, Graph Store reads and updates that run at once; the others wait (see --max-queued) "
                    + "or get HTTP 503 with Retry-After (default: twice the processors).")
    Integer maxQueries;

    @Option(names = "--max-queries-per-client", paramLabel = "N",
            description = "The same limit for one client address (default: half of --max-queries).")
    Integer maxQueriesPerClient;

    @Option(names = "--max-queued", paramLabel = "N", defaultValue = "128",
            description = "Requests that may wait for a place, each for at most the query timeout (default: ${DEFAULT-VALUE}).")
    int maxQueued;

    @Option(names = "--max-rows", defaultValue = "100000", paramLabel = "N",
            description = "The most rows one query answers; a query asking for more gets this LIMIT (default: ${DEFAULT-VALUE}).")
    long maxRows;

    @Override
    public Integer call() throws Exception {
        if (update && passwordFile == null) throw new UsageException("--update needs --password-file: writes are only accepted from known users");
        if (update && storeOptions.tdb == null) {
            throw new UsageException("--update needs --tdb DIR: a graph in memory would lose every write at the next restart");
        }
        if (passwordFile != null && !java.nio.file.Files.isRegularFile(passwordFile)) throw new UsageException("password file not found: " + passwordFile);
        if (passwordFile != null && !update) throw new UsageException("--password-file is for --update");
        if (port < 0 || port > 65535) throw new UsageException("--port " + port + " is not a port: use 1 to 65535, or 0 for any free one");
        if (!(queryTimeout > 0)) throw new UsageException("--query-timeout must be a positive number of seconds");
        if (maxRows < 1) throw new UsageException("--max-rows must be at least 1");
        int running = maxQueries != null ? maxQueries : 2 * Runtime.getRuntime().availableProcessors();
        int perClient = maxQueriesPerClient != null ? maxQueriesPerClient : Math.max(1, running / 2);
        if (running < 1 || perClient < 1 || maxQueued < 0) {
            throw new UsageException("--max-queries and --max-queries-per-client must be at least 1, --max-queued at least 0");
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        // Bound before the vault loads, so that a busy port fails now rather than after the load.
        PortReservation reserved = PortReservation.take(host, port);
        // IRIs are the server's own addresses unless --base or the mapping says otherwise.
        VaultGraph graph = storeOptions.applyTo(options.graph(argument.vault, err)).servedAt(address(host, reserved.port())).followEdits(watch).build();
        GraphServer.Builder settings = graph.server().host(host).port(reserved.port()).queryTimeout(Duration.ofMillis(Math.round(queryTimeout * 1000)))
                .maxRows(maxRows).queryLimits(running, perClient, maxQueued);
        try {
            settings.allowService(allowService);
        } catch (IllegalArgumentException e) {
            reserved.close();
            graph.close();
            throw new UsageException("--allow-service: " + e.getMessage());
        }
        try {
            VaultReader.checkRoot(argument.vault);
        } catch (RuntimeException e) {
            reserved.close();
            graph.close();
            throw e;
        }
        if (update) settings.updates(passwordFile);
        err.println("loading " + argument.vault.toAbsolutePath().normalize() + " ...");
        err.flush();
        long start = System.nanoTime();
        GraphServer server;
        try {
            options.read(graph, err);
            reserved.close();
            server = start(settings);
        } catch (RuntimeException e) {
            reserved.close();
            graph.close();
            throw e;
        }
        if (watch) {
            graph.watch(change -> {
                err.println(Instant.now() + " graph changed: " + change.summary());
                options.reportProblems(change.problems(), 0, err);
                err.flush();
            }, message -> {
                err.println(Instant.now() + " " + message);
                err.flush();
            });
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            try {
                graph.close();
            } catch (RuntimeException e) {
                // Shutting down.
            }
        }, "vaultgraph-shutdown"));
        out.println("vaultgraph: " + graph.notes() + " notes loaded in " + (System.nanoTime() - start) / 1_000_000 + " ms"
                + (storeOptions.tdb != null ? " (store " + storeOptions.tdb + ")" : " (in memory)"));
        out.println("serving " + server.url() + (host.equals("127.0.0.1") ? " (this machine only; --host to change)" : ""));
        out.println("SPARQL endpoint " + server.sparqlUrl() + (update
                ? "; updates at " + server.url() + "vault/update and " + server.url() + "vault/data for the users of " + passwordFile
                : " (read-only; --update to accept writes)"));
        out.println(allowService.isEmpty() ? "SERVICE calls no other endpoint (--allow-service to allow some)"
                : "SERVICE may call " + String.join(", ", allowService));
        out.println(running + " queries at once, " + perClient + " per client address, " + maxQueued + " waiting");
        if (watch) out.println("following " + argument.vault + " for changes");
        out.println("press Ctrl-C to stop");
        out.flush();
        server.join();
        return 0;
    }

    /**
     * The address a browser on this machine reaches the server at, e.g. {@code http://127.0.0.1:3101/};
     * a server on every network ({@code 0.0.0.0}, {@code ::}) is named by loopback.
     */
    static String address(String host, int port) {
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + port + "/";
    }

        /** Starts the server; should another program have taken the port meanwhile, says so in one line. */
    private GraphServer start(GraphServer.Builder settings) {
        try {
            return settings.start();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof java.net.BindException) throw new CommandFailure(PortReservation.cannotListen(host, port, cause));
            }
            throw e;
        }
    }
}
