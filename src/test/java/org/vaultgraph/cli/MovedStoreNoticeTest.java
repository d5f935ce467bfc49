package org.vaultgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultgraph.generate.VaultGenerator;

/** A TDB2 store moved aside is said on standard error even with --quiet: a folder appeared that the user did not make. */
class MovedStoreNoticeTest {
    @TempDir
    Path tmp;

    @Test
    void aStoreMovedAsideIsSaidEvenWhenQuiet() throws Exception {
        Path vault = tmp.resolve("vault");
        Path tdb = tmp.resolve("tdb");
        new VaultGenerator(20, 5).write(vault);
        CliRun first = CliRun.of("export", vault.toString(), "--tdb", tdb.toString(), "--format", "nquads", "-o", tmp.resolve("a.nq").toString(), "--quiet");
        assertEquals(0, first.exit(), first.err());
        Path index;
        try (Stream<Path> children = Files.list(tdb)) {
            index = children.filter(p -> p.getFileName().toString().startsWith("Data-")).findFirst().orElseThrow().resolve("GSPO.idn");
        }
        try (FileChannel channel = FileChannel.open(index, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }

        CliRun again = CliRun.of("export", vault.toString(), "--tdb", tdb.toString(), "--format", "nquads", "-o", tmp.resolve("b.nq").toString(), "--quiet");
        assertEquals(0, again.exit(), again.err());
        assertEquals(1, again.err().lines().filter(l -> l.contains("cannot be opened") && l.contains("moved it to " + tdb + ".broken-")).count(), again.err());
        assertTrue(again.err().lines().noneMatch(l -> l.contains("notes into the graph") || l.startsWith("store ")), "nothing else is said: " + again.err());
        assertEquals(Files.readString(tmp.resolve("a.nq")).lines().sorted().toList(), Files.readString(tmp.resolve("b.nq")).lines().sorted().toList(),
                "the rebuilt store holds what the first did");
    }
}
