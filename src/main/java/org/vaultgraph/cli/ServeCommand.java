package org.vaultgraph.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.render.GardenPublisher;
import org.vaultgraph.server.LandingPage;
import org.vaultgraph.server.VaultServer;
import org.vaultgraph.store.VaultLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vaultgraph serve}: loads a vault and serves it over SPARQL until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Loads the vault into an in-memory graph and serves it with embedded Apache Jena Fuseki:",
            "SPARQL at /vault/sparql, Graph Store reads at /vault/get (read-only), a landing page at /,",
            "each tag page at its permalink, and every IRI of the vault (/note/..., /tag/..., /ns for the",
            "ontology) as Turtle, JSON-LD, N-Triples, RDF/XML or HTML by content negotiation. Stop it with Ctrl-C."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VaultArgument argument;

    @Mixin
    VaultOptions options;

    @Option(names = "--port", defaultValue = "3030", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every network).")
    String host;

    @Option(names = "--query-timeout", defaultValue = "10", paramLabel = "SECONDS",
            description = "Stop a query that runs longer than this (default: ${DEFAULT-VALUE}).")
    double queryTimeout;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        err.println("loading " + argument.vault.toAbsolutePath().normalize() + " ...");
        err.flush();
        VaultLoader.LoadedVault loaded = options.load(argument.vault, err);
        SparqlService sparql = SparqlService.local(loaded.store().dataset());
        GardenPublisher publisher = new GardenPublisher(sparql, loaded.mapper().iris());
        LandingPage landing = new LandingPage(loaded.vault().root().getFileName().toString(), loaded.report().notes(),
                loaded.report().quads(), loaded.mapping().base());
        VaultServer server = VaultServer.builder()
                .dataset(loaded.store().dataset())
                .publisher(publisher)
                .iris(loaded.mapper().iris())
                .landing(landing)
                .host(host)
                .port(port)
                .queryTimeoutMillis(Math.round(queryTimeout * 1000))
                .build()
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            loaded.store().close();
        }, "vaultgraph-shutdown"));
        out.println("vaultgraph: " + loaded.report().notes() + " notes, " + loaded.report().quads() + " triples loaded in "
                + (loaded.readMillis() + loaded.loadMillis()) + " ms");
        out.println("serving " + server.url() + (host.equals("127.0.0.1") ? " (this machine only; --host to change)" : ""));
        out.println("SPARQL endpoint " + server.sparqlUrl() + " (read-only)");
        out.println("press Ctrl-C to stop");
        out.flush();
        server.join();
        return 0;
    }
}
