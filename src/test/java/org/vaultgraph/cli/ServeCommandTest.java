package org.vaultgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code serve} as a user starts it, in a JVM of its own: it holds its port from before the load to the end. */
class ServeCommandTest {

    @Test
    void servesOnThePortItReservedAndASecondServerIsToldThePortIsTaken() throws Exception {
        int port = freePort();
        Process serve = startServe("data/vault", port);
        try {
            String line = banner(serve);
            assertEquals("serving http://127.0.0.1:" + port + "/ (this machine only; --host to change)", line);

            String ask = URLEncoder.encode("ASK { ?s a <https://w3id.org/vaultgraph/ns#Insight> }", StandardCharsets.UTF_8);
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/vault/sparql?query=" + ask)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode());
            assertTrue(answer.body().contains("true"), answer.body());

            StringWriter err = new StringWriter();
            CommandLine second = Main.commandLine();
            second.setOut(new PrintWriter(new StringWriter()));
            second.setErr(new PrintWriter(err));
            assertEquals(1, second.execute("serve", "data/vault", "--port", Integer.toString(port)));
            assertEquals("vaultgraph: cannot listen on 127.0.0.1:" + port
                    + ": the port is in use (another server?); choose another with --port", err.toString().strip());
        } finally {
            serve.destroy();
            serve.waitFor();
        }
    }

    @Test
    void withoutABaseInTheMappingIrisAreTheServersOwnAddresses() throws Exception {
        int port = freePort();
        Process serve = startServe("src/test/resources/any-vault", port);
        try {
            banner(serve);
            String base = "http://127.0.0.1:" + port + "/";
            HttpClient http = HttpClient.newHttpClient();

            String query = "PREFIX field: <" + base + "field/> SELECT ?note ?author WHERE { ?note field:author ?author } ORDER BY ?note";
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "vault/sparql?query="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode());
            assertEquals("note,author\r\n" + base + "note/Books/Dune," + base + "note/People/Frank%20Herbert\r\n"
                    + base + "note/Books/Foundation," + base + "unresolved/isaac%20asimov\r\n", answer.body());

            // An IRI from an answer is an address of this server.
            HttpResponse<String> note = http.send(HttpRequest.newBuilder(URI.create(base + "note/People/Frank%20Herbert"))
                    .header("Accept", "text/turtle").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, note.statusCode());
            assertTrue(note.body().contains("Frank Herbert"), note.body());
        } finally {
            serve.destroy();
            serve.waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    /** {@code serve VAULT --port PORT --quiet} in a JVM of its own. */
    private static Process startServe(String vault, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.vaultgraph.cli.Main", "serve", vault, "--port", Integer.toString(port), "--quiet")
                .redirectErrorStream(true).start();
    }

    /** Waits for the "serving ..." line and returns it; fails with what the process said when it stops before. */
    private static String banner(Process serve) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = output.readLine()) != null && !line.startsWith("serving ")) seen.append(line).append('\n');
        assertNotNull(line, "serve stopped before serving:\n" + seen);
        return line;
    }
}
