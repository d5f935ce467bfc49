package org.vaultgraph.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times a whole {@code serve} process, as a user starts it: from the process's start to the first
 * SPARQL answer over HTTP (the JVM's start, the store's opening and sync, the server's start).
 *
 * <pre>{@code double seconds = ServeProcess.firstAnswerSeconds(List.of(vault.toString(), "--tdb", tdb.toString()), query);}</pre>
 */
final class ServeProcess {
    private static final Pattern SERVING = Pattern.compile("^serving (http://\\S+/)");

    private ServeProcess() {
    }

    /**
     * @param arguments what follows {@code serve} on the command line (the port is chosen here)
     * @param query     the SPARQL query to send once the server listens
     */
    static double firstAnswerSeconds(List<String> arguments, String query) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx" + Runtime.getRuntime().maxMemory() / (1 << 20) + "m",
                "-cp", System.getProperty("java.class.path"), "org.vaultgraph.cli.Main", "serve"));
        command.addAll(arguments);
        command.addAll(List.of("--port", "0", "--quiet"));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String url = null;
            StringBuilder said = new StringBuilder();
            for (String line = lines.readLine(); line != null && url == null; line = lines.readLine()) {
                said.append(line).append('\n');
                Matcher m = SERVING.matcher(line);
                if (m.find()) url = m.group(1);
            }
            if (url == null) throw new IOException("serve stopped before it served:\n" + said);
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "vault/sparql?query="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - start) / 1e9;
            if (answer.statusCode() != 200) throw new IOException("HTTP " + answer.statusCode() + ": " + answer.body());
            return seconds;
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        }
    }
}
