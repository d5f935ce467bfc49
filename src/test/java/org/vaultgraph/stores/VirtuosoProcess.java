package org.vaultgraph.stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * OpenLink Virtuoso (Debian's virtuoso-opensource) started as a separate process from a folder of
 * its own, with its own virtuoso.ini, listening on free loopback ports; the DBA's password is set
 * to the one given, so that its authenticated Graph Store endpoint (Digest only) can be used.
 * A machine without {@code virtuoso-t} fails the test, saying so: CI installs it (.ci/run).
 */
public final class VirtuosoProcess extends ExternalServer {
    static final String SERVER = "virtuoso-t";
    static final String ISQL = "isql-vt";

    private final int httpPort;

    private VirtuosoProcess(Process process, Path log, int httpPort) {
        super(process, log);
        this.httpPort = httpPort;
    }

    /**
     * @param buffers Virtuoso's page buffers (8 KB each): 20,000 for tests, more for millions of quads
     */
    public static VirtuosoProcess start(Path dir, String dbaPassword, int buffers) {
        requireInstalled();
        try {
            Files.createDirectories(dir);
            int sqlPort = FreePort.find();
            int httpPort = FreePort.find();
            Files.writeString(dir.resolve("virtuoso.ini"), ini(sqlPort, httpPort, buffers));
            Path log = dir.resolve("server.log");
            Process process = new ProcessBuilder(SERVER, "+foreground", "+configfile", "virtuoso.ini")
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            VirtuosoProcess virtuoso = new VirtuosoProcess(process, log, httpPort);
            virtuoso.awaitHttp(virtuoso.sparql() + "?query=ASK%7B%7D", "Virtuoso");
            // A fresh database's DBA password is "dba"; a store worth protecting has its own.
            sql(dir, sqlPort, "dba", "USER_SET_PASSWORD('dba', '" + dbaPassword.replace("'", "''") + "');");
            return virtuoso;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails, naming the package to install, where Virtuoso is missing. */
    static void requireInstalled() {
        for (String program : new String[] {SERVER, ISQL}) {
            boolean found = false;
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
                if (Files.isExecutable(Path.of(dir, program))) found = true;
            }
            if (!found) {
                fail(program + " is not installed: the team-store tests run against a real Virtuoso; install Debian's "
                        + "virtuoso-opensource-7-bin (apt-get install virtuoso-opensource-7-bin), as .ci/run does");
            }
        }
    }

    private static void sql(Path dir, int sqlPort, String password, String statement) {
        try {
            Process isql = new ProcessBuilder(ISQL, "127.0.0.1:" + sqlPort, "dba", password, "exec=" + statement)
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("isql.log").toFile()).start();
            if (!isql.waitFor(60, TimeUnit.SECONDS)) {
                isql.destroyForcibly();
                fail("isql-vt did not finish in 60 s; see " + dir.resolve("isql.log"));
            }
            assertEquals(0, isql.exitValue(), () -> "isql-vt failed: " + read(dir.resolve("isql.log")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** A database in the working folder, both servers on loopback only. */
    private static String ini(int sqlPort, int httpPort, int buffers) {
        return String.join("\n",
                "[Database]",
                "DatabaseFile = virtuoso.db",
                "ErrorLogFile = virtuoso.log",
                "LockFile = virtuoso.lck",
                "TransactionFile = virtuoso.trx",
                "xa_persistent_file = virtuoso.pxa",
                "ErrorLogLevel = 7",
                "FileExtend = 200",
                "Striping = 0",
                "TempStorage = TempDatabase",
                "",
                "[TempDatabase]",
                "DatabaseFile = virtuoso-temp.db",
                "TransactionFile = virtuoso-temp.trx",
                "Striping = 0",
                "",
                "[Parameters]",
                "ServerPort = 127.0.0.1:" + sqlPort,
                "DisableUnixSocket = 1",
                "ServerThreads = 10",
                "CheckpointInterval = 60",
                "NumberOfBuffers = " + buffers,
                "MaxDirtyBuffers = " + (buffers * 3 / 4),
                "DirsAllowed = .",
                "",
                "[HTTPServer]",
                "ServerPort = 127.0.0.1:" + httpPort,
                "ServerRoot = .",
                "ServerThreads = 10",
                "MaxKeepAlives = 10",
                "KeepAliveTimeout = 10",
                "",
                "[SPARQL]",
                "ResultSetMaxRows = 10000000",
                "MaxQueryExecutionTime = 300",
                "MaxQueryCostEstimationTime = 0",
                "");
    }

    /** The anonymous, read-only SPARQL endpoint. */
    public String sparql() {
        return "http://127.0.0.1:" + httpPort + "/sparql";
    }

    /** The Graph Store endpoint that takes writes from logged-in users (Digest authentication). */
    public String graphStore() {
        return "http://127.0.0.1:" + httpPort + "/sparql-graph-crud-auth";
    }
}
