package org.vaultgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultgraph.generate.VaultGenerator;
import org.vaultgraph.rdf.Mapping;
import org.vaultgraph.rdf.VaultMapper;

/**
 * {@code kill -9} during a TDB2 load or sync: a child JVM runs vaultgraph on a store on disk and is
 * killed at a random moment, again and again, with edits to the vault in between. Then a run that is
 * left to finish must bring the store to exactly what a fresh conversion of the vault gives.
 * More kills: {@code -Dcrash.kills=100}.
 */
class CrashTest {
    private static final int KILLS = Integer.getInteger("crash.kills", 8);

    @Test
    void killedMidWriteTheStoreRecoversAndSyncsToTheVault(@TempDir Path tmp) throws Exception {
        Path vault = tmp.resolve("vault");
        new VaultGenerator(3000, 5).write(vault);
        Path tdb = tmp.resolve("tdb");
        SplittableRandom random = new SplittableRandom(5);
        int killedWhileRunning = 0;
        for (int i = 0; i < KILLS; i++) {
            Process child = vaultgraph(vault, tdb, tmp.resolve("child-" + i + ".log"));
            // Long enough to be inside the load or the sync most of the time.
            boolean finished = child.waitFor(800 + random.nextInt(5000), TimeUnit.MILLISECONDS);
            if (!finished) {
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no commit
                child.waitFor();
                killedWhileRunning++;
            }
            edit(vault, random, i);
        }
        Process last = vaultgraph(vault, tdb, tmp.resolve("last.log"));
        if (!last.waitFor(10, TimeUnit.MINUTES)) fail("the last run did not finish");
        assertEquals(0, last.exitValue(), Files.readString(tmp.resolve("last.log")));
        long movedAside;
        try (Stream<Path> siblings = Files.list(tmp)) {
            movedAside = siblings.filter(p -> p.getFileName().toString().startsWith("tdb.broken-")).count();
        }
        System.out.println("crash: killed " + killedWhileRunning + " of " + KILLS + " runs while they worked; the store recovered each time ("
                + movedAside + " times by moving a store TDB2 could not open aside and loading again)");
        assertTrue(killedWhileRunning > 0, "at least one run was killed while it worked");

        VaultLoader loader = VaultLoader.builder().zone(ZoneOffset.UTC).build();
        Mapping mapping = loader.mappingFor(vault);
        Set<String> expected = new TreeSet<>();
        new VaultMapper(mapping).map(loader.read(vault, mapping), new StreamRDFBase() {
            @Override
            public void quad(Quad quad) {
                expected.add(quad.toString());
            }
        });
        try (VaultStore store = VaultStore.onDisk(tdb)) {
            Set<String> stored = Txn.calculateRead(store.dataset(), () -> {
                Set<String> out = new TreeSet<>();
                store.dataset().find().forEachRemaining(q -> out.add(q.toString()));
                return out;
            });
            if (!stored.equals(expected)) {
                Set<String> missing = new TreeSet<>(expected);
                missing.removeAll(stored);
                Set<String> extra = new TreeSet<>(stored);
                extra.removeAll(expected);
                fail("after the kills the store differs from a fresh conversion; missing " + missing.size() + " " + missing.stream().limit(5).toList()
                        + ", extra " + extra.size() + " " + extra.stream().limit(5).toList());
            }
        }
    }

    /** A child JVM that syncs the store with the vault and answers one query. */
    private static Process vaultgraph(Path vault, Path tdb, Path log) throws IOException {
        Path query = tdb.resolveSibling("count.rq");
        if (!Files.exists(query)) Files.writeString(query, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }\n");
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-Xmx512m", "-Duser.timezone=UTC", "-cp", System.getProperty("java.class.path"),
                "org.vaultgraph.cli.Main", "query", vault.toString(), query.toString(), "--tdb", tdb.toString(), "--quiet")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Some edits between runs, so that later runs have a sync to do. */
    private static void edit(Path vault, SplittableRandom random, int round) throws IOException {
        List<Path> notes;
        try (Stream<Path> walk = Files.walk(vault.resolve("Research/Insights"))) {
            notes = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (int i = 0; i < 50; i++) {
            Path note = notes.get(random.nextInt(notes.size()));
            if (!Files.exists(note)) continue;
            switch (random.nextInt(3)) {
                case 0 -> Files.writeString(note, Files.readString(note) + "\nround " + round + " [[Missing " + random.nextInt(5) + "]]\n");
                case 1 -> Files.delete(note);
                default -> Files.writeString(vault.resolve("Research/Tags/Missing " + random.nextInt(5) + ".md"), "---\ntype: outcome\n---\n");
            }
        }
    }
}
