package org.vaultgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultgraph.SampleVault;
import org.vaultgraph.rdf.Mapping;
import org.vaultgraph.rdf.VaultMapper;
import org.vaultgraph.store.VaultLoader;
import picocli.CommandLine;

/**
 * {@code push} against a real, separate Fuseki server: Jena's own fuseki-server jar, started by the
 * test as a process of its own on a free port. Push, edit, push again; the remote dataset always
 * equals a local conversion of the vault.
 */
class PushTest {
    private static final Path FUSEKI_JAR = Path.of("target/fuseki/jena-fuseki-server.jar");
    private static final HttpClient http = HttpClient.newHttpClient();
    private static Process fuseki;
    private static String base;

    @BeforeAll
    static void startFuseki() throws Exception {
        if (!Files.isRegularFile(FUSEKI_JAR)) fail(FUSEKI_JAR + " is missing: the build copies it (mvn generate-test-resources)");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        fuseki = new ProcessBuilder(java, "-Xmx512m", "-jar", FUSEKI_JAR.toString(), "--localhost", "--port=" + port, "--mem", "--update", "/remote")
                .redirectErrorStream(true).redirectOutput(Path.of("target/fuseki/server.log").toFile()).start();
        base = "http://127.0.0.1:" + port + "/remote";
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/$/ping")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) break;
            } catch (IOException notYet) {
                // Still starting.
            }
            if (!fuseki.isAlive()) fail("Fuseki did not start; see target/fuseki/server.log");
            if (System.currentTimeMillis() > deadline) fail("Fuseki did not answer within 60 s; see target/fuseki/server.log");
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stopFuseki() {
        if (fuseki != null) fuseki.destroy();
    }

    private record Run(int exit, String err) {}

    private static Run push(Path vault, Path state) {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("push", vault.toString(), "--endpoint", base + "/data", "--state", state.toString(), "--quiet");
        return new Run(exit, err.toString());
    }

    /** Every quad the remote store holds, through its SPARQL endpoint. */
    private static Set<String> remote() throws Exception {
        String query = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }";
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Accept", "application/sparql-results+json").build(), HttpResponse.BodyHandlers.ofByteArray());
        ResultSet rows = ResultSetMgr.read(new ByteArrayInputStream(response.body()), ResultSetLang.RS_JSON);
        Set<String> out = new TreeSet<>();
        rows.forEachRemaining(r -> out.add(Quad.create(r.get("g").asNode(), r.get("s").asNode(), r.get("p").asNode(), r.get("o").asNode()).toString()));
        return out;
    }

    /** A fresh conversion of the vault, straight from the mapper. */
    private static Set<String> local(Path vault) {
        VaultLoader loader = VaultLoader.builder().build();
        Mapping mapping = loader.mappingFor(vault);
        Set<String> out = new TreeSet<>();
        new VaultMapper(mapping).map(loader.read(vault, mapping), new StreamRDFBase() {
            @Override
            public void quad(Quad quad) {
                out.add(quad.toString());
            }
        });
        return out;
    }

    @Test
    void pushEditPushAgainAndTheRemoteStoreFollows(@TempDir Path tmp) throws Exception {
        Path vault = tmp.resolve("vault");
        try (Stream<Path> files = Files.walk(SampleVault.ROOT)) {
            for (Path source : files.toList()) {
                Path target = vault.resolve(SampleVault.ROOT.relativize(source).toString());
                if (Files.isDirectory(source)) Files.createDirectories(target);
                else Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Path state = tmp.resolve("push-state.tsv");

        Run first = push(vault, state);
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.err().contains("28 graphs sent, 0 deleted, 0 unchanged"), first.err());
        assertEquals(local(vault), remote());

        Run again = push(vault, state);
        assertTrue(again.err().contains("0 graphs sent, 0 deleted, 28 unchanged"), "nothing changed, nothing sent: " + again.err());

        // An edit, a new note that resolves a link (so the linking note's graph changes too), a deletion.
        Path insight = vault.resolve("Research/Insights/2025-01-30 14-48-20.md");
        Files.writeString(insight, Files.readString(insight).replace("may positively correlate", "correlates"));
        Files.writeString(vault.resolve("Research/Tags/Discography.md"), "---\ntype: therapy\n---\n");
        Files.delete(vault.resolve("Research/Tags/SANE Rating.md"));
        Run third = push(vault, state);
        assertEquals(0, third.exit(), third.err());
        // Sent: the edited insight, the new note, the note whose link to it now resolves, and the insight
        // whose link to the deleted note no longer does.
        assertTrue(third.err().contains("4 graphs sent, 1 deleted, 24 unchanged"), third.err());
        assertEquals(local(vault), remote());
    }

    @Test
    void aStoreThatRefusesSaysWhyAndExitsWithFailure(@TempDir Path tmp) {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        int exit = cli.execute("push", SampleVault.ROOT.toString(), "--endpoint", base.replace("/remote", "/nowhere") + "/data", "--state",
                tmp.resolve("s.tsv").toString(), "--quiet");
        assertEquals(1, exit);
        assertTrue(err.toString().contains("refused by") && err.toString().contains(": HTTP 4"), err.toString());
    }
}
