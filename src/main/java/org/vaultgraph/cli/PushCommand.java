package org.vaultgraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vaultgraph.VaultGraph;
import org.vaultgraph.export.GraphStorePush;
import org.vaultgraph.export.StoreCredentials;
import org.vaultgraph.vault.VaultReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vaultgraph push}: sends the vault's graph to a shared SPARQL store, one named graph per note. */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Sends the vault's graph to a shared SPARQL store, one named graph per note, only what changed.",
            "It speaks the SPARQL 1.1 Graph Store Protocol (Virtuoso, Fuseki, GraphDB, Amazon Neptune...): a PUT for "
                + "each note whose graph changed since the last push, a DELETE for each note that is gone. Many vaults can "
                + "share one store: each keeps to its own base IRI, which it claims in the store. A state file remembers "
                + "what was pushed."})
final class PushCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VaultArgument argument;

    @Mixin
    VaultOptions options;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--endpoint", required = true, paramLabel = "URL",
            description = "The store's Graph Store Protocol endpoint, for example%n  http://host:3030/ds/data (Fuseki) or%n"
                    + "  http://host:8890/sparql-graph-crud-auth (Virtuoso).")
    URI endpoint;

    @Option(names = "--user", paramLabel = "NAME",
            description = "User name to log in with; Basic or Digest authentication, as the store asks.")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "A file whose first line is the password (default: the VAULTGRAPH_PASSWORD environment variable).")
    Path passwordFile;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "A file whose first line is a bearer token, sent with every request.")
    Path tokenFile;

    @Option(names = "--state", paramLabel = "FILE",
            description = "Where to remember what was pushed. Default: a file per vault and endpoint in%n  ~/.cache/vaultgraph")
    Path state;

    @Option(names = "--dry-run", description = "List the graphs that would be sent and deleted, and change nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (endpoint.getScheme() == null || !endpoint.getScheme().matches("https?") || endpoint.getHost() == null) {
            throw new UsageException("--endpoint must be an http:// or https:// URL, not " + endpoint);
        }
        if (user != null && tokenFile != null) throw new UsageException("give either --user or --token-file, not both");
        if (user == null && passwordFile != null) throw new UsageException("--password-file needs --user");
        StoreCredentials credentials = credentials();
        Path root = VaultReader.checkRoot(argument.vault);
        Path stateFile = state != null ? state : defaultState(root);
        GraphStorePush push = new GraphStorePush(endpoint, credentials, stateFile);
        GraphStorePush.Report report;
        long started;
        try (VaultGraph graph = storeOptions.applyTo(options.graph(argument.vault, err)).build()) {
            // A loopback base is refused before the vault is read: the check needs only the mapping.
            GraphStorePush.checkBase(graph.base(), endpoint);
            options.read(graph, err);
            String label = host() + ":" + root.toAbsolutePath().normalize();
            started = System.nanoTime();
            report = dryRun ? push.dryRun(graph.dataset(), graph.base(), label) : push.push(graph.dataset(), graph.base(), label);
        } catch (GraphStorePush.Refused refused) {
            throw new UsageException(refused.getMessage());
        }
        if (dryRun) {
            PrintWriter out = spec.commandLine().getOut();
            report.changes().forEach(change -> out.println(change.method() + " " + change.graph()));
            out.flush();
            err.println("dry run, nothing sent to " + endpoint + ": " + report);
        } else {
            double seconds = (System.nanoTime() - started) / 1e9;
            err.printf("pushed to %s: %s (%d quads in %.1f s)%n", endpoint, report, report.quadsSent(), seconds);
        }
        err.flush();
        return 0;
    }

    private StoreCredentials credentials() throws IOException {
        if (tokenFile != null) return StoreCredentials.bearer(firstLine(tokenFile, "token file"));
        if (user == null) return StoreCredentials.NONE;
        String password = passwordFile != null ? firstLine(passwordFile, "password file") : System.getenv("VAULTGRAPH_PASSWORD");
        return StoreCredentials.password(user, password);
    }

    private static String firstLine(Path file, String what) throws IOException {
        if (!Files.isRegularFile(file)) throw new UsageException(what + " not found: " + file);
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
    }

    /** The machine's name, which tells the vault's claim in a shared store apart from a colleague's. */
    private static String host() {
        String name = System.getenv("HOSTNAME");
        if (name != null && !name.isBlank()) return name;
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private Path defaultState(Path root) {
        String home = System.getenv("XDG_CACHE_HOME");
        Path cache = home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".cache");
        String key = VaultReader.sha256((root + "\n" + endpoint).getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        return cache.resolve("vaultgraph").resolve("push-" + key + ".tsv");
    }
}
