package org.vaultgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaultgraph.stores.Vaults.assertSameQuads;
import static org.vaultgraph.stores.Vaults.copyOfSampleVault;
import static org.vaultgraph.stores.Vaults.local;
import static org.vaultgraph.stores.Vaults.push;
import static org.vaultgraph.stores.Vaults.remote;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultgraph.stores.FusekiProcess;
import org.vaultgraph.stores.TokenGateway;
import org.vaultgraph.stores.Vaults.Run;

/** The ways into a store besides a password: a bearer token, and TLS checked against the JVM's trust store. */
class StoreAccessTest {

    @Test
    void aBearerTokenIsSentWithEveryRequest(@TempDir Path tmp) throws Exception {
        String base = "https://lab.example/token/";
        Path vault = copyOfSampleVault(tmp.resolve("vault"));
        Path token = tmp.resolve("token");
        Files.writeString(token, "s3cr3t-t0ken\n");
        Path wrong = tmp.resolve("wrong");
        Files.writeString(wrong, "not-the-token\n");
        try (FusekiProcess fuseki = FusekiProcess.start(tmp.resolve("fuseki"));
             TokenGateway gateway = TokenGateway.start(fuseki.server(), "s3cr3t-t0ken")) {
            String endpoint = gateway.url() + "/remote/data";

            Run none = push(vault, endpoint, base, tmp.resolve("s.tsv"));
            assertEquals(1, none.exit(), none.err());
            assertTrue(none.err().contains("HTTP 401"), none.err());
            Run refused = push(vault, endpoint, base, tmp.resolve("s.tsv"), "--token-file", wrong.toString());
            assertEquals(1, refused.exit(), refused.err());
            assertTrue(refused.err().contains("HTTP 401"), refused.err());

            Run run = push(vault, endpoint, base, tmp.resolve("s.tsv"), "--token-file", token.toString());
            assertEquals(0, run.exit(), run.err());
            assertSameQuads(local(vault, base), remote(fuseki.dataset() + "/sparql", base));
        }
    }

    @Test
    void tlsTrustsWhatTheJvmTrusts(@TempDir Path tmp) throws Exception {
        String base = "https://lab.example/tls/";
        Path vault = copyOfSampleVault(tmp.resolve("vault"));
        Path keys = tmp.resolve("store-key.p12");
        Path certificate = tmp.resolve("store.crt");
        Path trust = tmp.resolve("trust.p12");
        keytool(tmp, "-genkeypair", "-alias", "store", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", keys.toString(), "-storepass", "keypass");
        keytool(tmp, "-exportcert", "-alias", "store", "-keystore", keys.toString(), "-storepass", "keypass", "-rfc", "-file", certificate.toString());
        keytool(tmp, "-importcert", "-noprompt", "-alias", "store", "-file", certificate.toString(), "-storetype", "PKCS12",
                "-keystore", trust.toString(), "-storepass", "trustpass");
        try (FusekiProcess fuseki = FusekiProcess.startWithTls(tmp.resolve("fuseki"), keys, "keypass")) {
            String endpoint = fuseki.httpsDataset() + "/data";

            // This JVM's trust store holds the public authorities only: the store's own certificate is refused.
            Run untrusted = push(vault, endpoint, base, tmp.resolve("s.tsv"));
            assertEquals(1, untrusted.exit(), untrusted.err());
            assertEquals(1, untrusted.err().lines().count(), untrusted.err());
            assertTrue(untrusted.err().contains("TLS failed") && untrusted.err().contains("trust store"), untrusted.err());

            // A JVM told to trust it pushes over TLS.
            Path log = tmp.resolve("push.log");
            String java = ProcessHandle.current().info().command().orElse("java");
            Process child = new ProcessBuilder(java, "-Xmx512m", "-Djavax.net.ssl.trustStore=" + trust, "-Djavax.net.ssl.trustStorePassword=trustpass",
                    "-cp", System.getProperty("java.class.path"), "org.vaultgraph.cli.Main", "push", vault.toString(), "--endpoint", endpoint,
                    "--base", base, "--state", tmp.resolve("s.tsv").toString(), "--quiet")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the push did not finish in 120 s");
            assertEquals(0, child.exitValue(), Files.readString(log));
            assertTrue(Files.readString(log).contains("29 graphs sent"), Files.readString(log));
            assertSameQuads(local(vault, base), remote(fuseki.dataset() + "/sparql", base));
        }
    }

    private static void keytool(Path dir, String... args) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(args));
        Path log = dir.resolve("keytool.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "keytool did not finish");
        assertEquals(0, process.exitValue(), Files.readString(log));
    }
}
