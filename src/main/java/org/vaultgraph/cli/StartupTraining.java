package org.vaultgraph.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.vaultgraph.server.LandingPage;
import org.vaultgraph.server.VaultServer;
import org.vaultgraph.store.VaultLoader;
import org.vaultgraph.store.VaultStore;

/**
 * The training run the build makes a class-data sharing archive from: it runs, on a small vault, what
 * commands start with (export, query, dql, validate, and a server's start and first answer), so that
 * the JVM that runs with {@code -XX:ArchiveClassesAtExit} keeps the classes they load, ready to map
 * into later runs. It never fails: an archive that could not be trained is only a slower start.
 *
 * <pre>{@code java -XX:ArchiveClassesAtExit=target/vaultgraph.jsa -cp target/vaultgraph.jar org.vaultgraph.cli.StartupTraining data/vault}</pre>
 */
public final class StartupTraining {
    private StartupTraining() {}

    public static void main(String[] args) {
        Path vault = Path.of(args.length > 0 ? args[0] : "data/vault");
        try {
            run(vault, "export", "--format", "nquads");
            run(vault, "export", "--format", "turtle");
            run(vault, "export", "--format", "jsonld");
            run(vault, "dql", "TABLE file.name, length(file.outlinks) FROM \"\" SORT file.name LIMIT 5");
            run(vault, "validate");
            serveOnce(vault);
        } catch (Exception | LinkageError e) {
            System.err.println("startup training stopped early (the archive holds what ran): " + e);
        }
    }

    /** Runs one command on the vault, its output thrown away. */
    private static void run(Path vault, String command, String... options) {
        String[] args = new String[options.length + 3];
        args[0] = command;
        args[1] = vault.toString();
        System.arraycopy(options, 0, args, 2, options.length);
        args[args.length - 1] = "--quiet";
        PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Main.commandLine().setOut(nowhere).setErr(nowhere).execute(args);
    }

    /** Loads the vault, serves it on a free port, asks one query over HTTP and stops. */
    private static void serveOnce(Path vault) throws Exception {
        VaultLoader.LoadedVault loaded = VaultLoader.builder().build().load(vault, VaultStore.inMemory());
        try (VaultServer server = VaultServer.builder().dataset(loaded.store().dataset()).iris(loaded.mapper().iris())
                .landing(new LandingPage("training", loaded.report().notes(), loaded.mapping().base())).port(0).build().start()) {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D"))
                    .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.discarding());
        } finally {
            loaded.store().close();
        }
    }
}
