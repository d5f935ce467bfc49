package org.vaultgraph.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vaultgraph.export.GraphStorePush;
import org.vaultgraph.vault.VaultReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vaultgraph push}: sends the vault's graph to another SPARQL store, one named graph per note. */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Sends the vault's graph to another SPARQL store, one named graph per note, only what changed.",
            "It speaks the SPARQL 1.1 Graph Store Protocol (GraphDB, Virtuoso, Amazon Neptune, Fuseki...): a PUT for each "
                + "note whose graph changed since the last push, a DELETE for each note that is gone. A state file "
                + "remembers what was pushed."})
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
            description = "The store's Graph Store Protocol endpoint, e.g. http://host:3030/ds/data for Fuseki.")
    URI endpoint;

    @Option(names = "--user", paramLabel = "NAME", description = "User name for HTTP basic authentication.")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "A file whose first line is the password (default: the VAULTGRAPH_PASSWORD environment variable).")
    Path passwordFile;

    @Option(names = "--state", paramLabel = "FILE",
            description = "Where to remember what was pushed. Default: a file per vault and endpoint in%n  ~/.cache/vaultgraph")
    Path state;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (endpoint.getScheme() == null || !endpoint.getScheme().startsWith("http")) throw new UsageException("--endpoint must be an http(s) URL");
        Path root = VaultReader.checkRoot(argument.vault);
        String password = password();
        Path stateFile = state != null ? state : defaultState(root);
        GraphStorePush push = new GraphStorePush(endpoint, user, password, stateFile);
        GraphStorePush.Report report;
        try (OpenedGraph graph = storeOptions.open(argument.vault, options, err, false)) {
            report = push.push(graph.store().dataset());
        }
        err.println("pushed to " + endpoint + ": " + report);
        err.flush();
        return 0;
    }

    private String password() throws java.io.IOException {
        if (passwordFile != null) {
            if (!Files.isRegularFile(passwordFile)) throw new UsageException("password file not found: " + passwordFile);
            return Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
        }
        return System.getenv("VAULTGRAPH_PASSWORD");
    }

    private Path defaultState(Path root) {
        String home = System.getenv("XDG_CACHE_HOME");
        Path cache = home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".cache");
        String key = VaultReader.sha256((root + "\n" + endpoint).getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        return cache.resolve("vaultgraph").resolve("push-" + key + ".tsv");
    }
}
