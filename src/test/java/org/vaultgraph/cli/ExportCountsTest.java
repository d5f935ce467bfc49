package org.vaultgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vaultgraph.SampleVault;
import org.vaultgraph.store.VaultLoader;
import picocli.CommandLine;

/**
 * What {@code export} writes, counted by a parser written apart from Jena (N3.js under Node.js,
 * unpacked by the build into target/n3/lib): each statement once, and as many as the command says.
 */
class ExportCountsTest {
    private static final Path N3_LIB = Path.of("target/n3/lib");
    private static final Pattern WROTE = Pattern.compile("wrote (\\d+) (triples|quads) of \\d+ notes");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"turtle, Turtle", "ntriples, N-Triples", "trig, TriG", "nquads, N-Quads"})
    void eachStatementOnceAndTheCountSaysSo(String format, String n3Format) throws Exception {
        Path file = tmp.resolve("vault." + format);
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        assertEquals(0, cli.execute("export", "data/vault", "--format", format, "-o", file.toString(), "--quiet"), err.toString());
        Matcher wrote = WROTE.matcher(err.toString());
        assertTrue(wrote.find(), err.toString());
        long said = Long.parseLong(wrote.group(1));

        long[] counted = countWithN3(file, n3Format);
        assertEquals(counted[1], counted[0], format + " repeats statements");
        assertEquals(said, counted[0], "the count printed is the count written");
        assertEquals(format.equals("turtle") || format.equals("ntriples") ? "triples" : "quads", wrote.group(2));
        if (wrote.group(2).equals("triples")) assertEquals(unionSize(), said, "the union of the notes' graphs");
    }

    @Test
    void theStoreOnDiskExportsEachTripleOnceToo() throws Exception {
        Path file = tmp.resolve("vault.nt");
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        assertEquals(0, cli.execute("export", "data/vault", "--tdb", tmp.resolve("tdb").toString(), "--format", "ntriples", "--quiet"));
        Files.writeString(file, out.toString());
        long[] counted = countWithN3(file, "N-Triples");
        assertEquals(counted[1], counted[0]);
        assertEquals(unionSize(), counted[0]);
    }

    private static long unionSize() {
        VaultLoader.LoadedVault loaded = SampleVault.load();
        try {
            return Txn.calculateRead(loaded.store().dataset(), () -> (long) loaded.store().dataset().getUnionGraph().size());
        } finally {
            loaded.store().close();
        }
    }

    /** {statements, distinct statements} of the file, as N3.js reads it. */
    private static long[] countWithN3(Path file, String format) throws Exception {
        assertTrue(Files.isRegularFile(N3_LIB.resolve("N3Parser.js")), "the build unpacks N3.js into " + N3_LIB);
        Process node;
        try {
            node = new ProcessBuilder("node", "src/test/node/count-statements.js", N3_LIB.toString(), file.toString(), format)
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            throw new AssertionError("this test needs Node.js ('node' on the PATH; Debian's package nodejs)", e);
        }
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(node.waitFor(5, TimeUnit.MINUTES), "node did not finish");
        assertEquals(0, node.exitValue(), output);
        Matcher m = Pattern.compile("statements=(\\d+) distinct=(\\d+)").matcher(output);
        assertTrue(m.matches(), output);
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
    }
}
