package org.vaultgraph.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs vaultgraph commands, and the floor they are measured against, as processes of their own, the
 * way a user runs them (with the build's class-data sharing archive when it is there, as
 * {@code ./vaultgraph} does), and times each from its start to its end or to its first answer.
 *
 * <pre>{@code double seconds = new WholeProcesses("-Xmx3g").export(vault, Path.of("out.nq"));}</pre>
 */
final class WholeProcesses {
    private static final String ASK_FOR_A_NOTE = "ASK { ?note a <https://w3id.org/vaultgraph/ns#Note> }";

    private final List<String> java = new ArrayList<>();

    /** @param heap the heap option every process gets, e.g. {@code -Xmx3g} */
    WholeProcesses(String heap) {
        java.add(ProcessHandle.current().info().command().orElse("java"));
        java.add(heap);
        String classPath = System.getProperty("java.class.path");
        if (!classPath.contains(File.pathSeparator) && classPath.endsWith(".jar")) {
            // Run from the jar: its archive was made for the jar's absolute path.
            Path jar = Path.of(classPath).toAbsolutePath();
            classPath = jar.toString();
            useArchive(jar, jar.resolveSibling("vaultgraph.jsa"));
        }
        java.addAll(List.of("-cp", classPath));
    }

    /** Adds the archive's options when the archive is newer than the jar, as {@code ./vaultgraph} does. */
    private void useArchive(Path jar, Path archive) {
        try {
            if (Files.isRegularFile(archive) && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0) {
                java.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
            }
        } catch (IOException e) {
            // No archive: a slower start, measured as it is.
        }
    }

    /** Whether the processes start with the class-data sharing archive. */
    boolean sharesClasses() {
        return java.stream().anyMatch(option -> option.startsWith("-XX:SharedArchiveFile"));
    }

    /** The floor: a process that reads every note of the vault and parses it with flexmark, on one thread. */
    double floor(Path vault) throws IOException, InterruptedException {
        return timed(Floor.class.getName(), vault.toString());
    }

    /** {@code export VAULT --format nquads -o OUT}. */
    double export(Path vault, Path out) throws IOException, InterruptedException {
        return command("export", vault.toString(), "--format", "nquads", "-o", out.toString(), "--quiet");
    }

    /** Any vaultgraph command, from the start of its process to its end. */
    double command(String... args) throws IOException, InterruptedException {
        String[] mainAndArgs = new String[args.length + 1];
        mainAndArgs[0] = "org.vaultgraph.cli.Main";
        System.arraycopy(args, 0, mainAndArgs, 1, args.length);
        return timed(mainAndArgs);
    }

    /**
     * {@code serve VAULT OPTIONS...} (in memory, or {@code --tdb DIR}), from the start of its process
     * to the first answer of its SPARQL endpoint.
     */
    double serveFirstAnswer(Path vault, String... options) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("vaultgraph-serve", ".err");
        List<String> command = new ArrayList<>(List.of("org.vaultgraph.cli.Main", "serve", vault.toString(), "--port", "0", "--quiet"));
        command.addAll(List.of(options));
        long start = System.nanoTime();
        Process server = start(errors, command.toArray(String[]::new));
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String endpoint = null;
            for (String line = out.readLine(); line != null && endpoint == null; line = out.readLine()) {
                if (line.startsWith("SPARQL endpoint ")) endpoint = line.split(" ")[2];
            }
            if (endpoint == null) throw new IOException("serve stopped before it served: " + lastLine(errors));
            HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(endpoint + "?query="
                    + URLEncoder.encode(ASK_FOR_A_NOTE, StandardCharsets.UTF_8))).header("Accept", "text/csv").build(),
                    HttpResponse.BodyHandlers.discarding());
            double seconds = (System.nanoTime() - start) / 1e9;
            if (answer.statusCode() != 200) throw new IOException("serve answered HTTP " + answer.statusCode());
            return seconds;
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) server.destroyForcibly().waitFor();
            Files.deleteIfExists(errors);
        }
    }

    private double timed(String... mainAndArgs) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("vaultgraph-run", ".err");
        try {
            long start = System.nanoTime();
            Process process = start(errors, mainAndArgs);
            process.getInputStream().transferTo(OutputStream.nullOutputStream());
            int exit = process.waitFor();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (exit != 0) throw new IOException(String.join(" ", mainAndArgs) + " exited with " + exit + ": " + lastLine(errors));
            return seconds;
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private Process start(Path errors, String... mainAndArgs) throws IOException {
        List<String> command = new ArrayList<>(java);
        command.addAll(List.of(mainAndArgs));
        return new ProcessBuilder(command).redirectError(errors.toFile()).start();
    }

    private static String lastLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.isEmpty() ? "(nothing said)" : lines.get(lines.size() - 1);
    }
}
