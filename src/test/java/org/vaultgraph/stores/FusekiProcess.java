package org.vaultgraph.stores;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Jena's own {@code jena-fuseki-server} jar (the build copies it to target/fuseki), started as a
 * separate process on a free loopback port with an in-memory, writable dataset at {@code /remote}.
 * Everything it writes (its run folder, log, password file) stays in the folder it is given.
 */
public final class FusekiProcess extends ExternalServer {
    private static final Path JAR = Path.of("target/fuseki/jena-fuseki-server.jar").toAbsolutePath();

    private final int port;
    private final int httpsPort;

    private FusekiProcess(Process process, Path log, int port, int httpsPort) {
        super(process, log);
        this.port = port;
        this.httpsPort = httpsPort;
    }

    /** Without authentication. */
    public static FusekiProcess start(Path dir) {
        return start(dir, null, null, null);
    }

    /**
     * @param auth "basic" or "digest" (every request then needs the user), or null for none
     */
    public static FusekiProcess start(Path dir, String auth, String user, String password) {
        return start(dir, auth, user, password, null, null);
    }

    /**
     * Also serving HTTPS with the key and certificate of a PKCS12 key store, on a port of its own.
     */
    public static FusekiProcess startWithTls(Path dir, Path keyStore, String keyStorePassword) {
        return start(dir, null, null, null, keyStore, keyStorePassword);
    }

    private static FusekiProcess start(Path dir, String auth, String user, String password, Path keyStore, String keyStorePassword) {
        if (!Files.isRegularFile(JAR)) fail(JAR + " is missing: the build copies it (mvn generate-test-resources)");
        try {
            Files.createDirectories(dir);
            int port = FreePort.find();
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder command = new ProcessBuilder(java, "-Xmx1g", "-jar", JAR.toString(), "--localhost", "--port=" + port, "--mem", "--update");
            if (auth != null) {
                Path passwords = dir.resolve("passwords");
                Files.writeString(passwords, user + ": " + password + "\n");
                command.command().add("--passwd=" + passwords);
                command.command().add("--auth=" + auth);
            }
            int httpsPort = -1;
            if (keyStore != null) {
                httpsPort = FreePort.find();
                Path https = dir.resolve("https.json");
                Files.writeString(https, "{ \"keystore\": \"" + keyStore.toAbsolutePath() + "\", \"passwd\": \"" + keyStorePassword + "\" }\n");
                command.command().add("--https=" + https);
                command.command().add("--httpsPort=" + httpsPort);
            }
            command.command().add("/remote");
            // Fuseki keeps its configuration and logs under FUSEKI_BASE (by default run/ in the working folder).
            command.environment().put("FUSEKI_BASE", dir.resolve("run").toString());
            Path log = dir.resolve("server.log");
            Process process = command.directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            FusekiProcess fuseki = new FusekiProcess(process, log, port, httpsPort);
            fuseki.awaitHttp("http://127.0.0.1:" + port + "/$/ping", "Fuseki");
            return fuseki;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The dataset's URL over HTTPS, when started with TLS. */
    public String httpsDataset() {
        return "https://localhost:" + httpsPort + "/remote";
    }

    /** The server's address, without a path. */
    public String server() {
        return "http://127.0.0.1:" + port;
    }

    /** The dataset's URL: {@code /data} is its Graph Store endpoint, {@code /sparql} its query endpoint. */
    public String dataset() {
        return "http://127.0.0.1:" + port + "/remote";
    }
}
