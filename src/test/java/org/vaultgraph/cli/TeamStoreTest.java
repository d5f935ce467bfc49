package org.vaultgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaultgraph.stores.Vaults.assertSameQuads;
import static org.vaultgraph.stores.Vaults.copyOfSampleVault;
import static org.vaultgraph.stores.Vaults.graphs;
import static org.vaultgraph.stores.Vaults.local;
import static org.vaultgraph.stores.Vaults.push;
import static org.vaultgraph.stores.Vaults.remote;
import static org.vaultgraph.stores.Vaults.union;
import static org.vaultgraph.stores.Vaults.vaultgraph;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.http.auth.AuthEnv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultgraph.generate.VaultGenerator;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.render.GardenPublisher;
import org.vaultgraph.server.LandingPage;
import org.vaultgraph.server.VaultServer;
import org.vaultgraph.store.VaultLoader;
import org.vaultgraph.store.VaultStore;
import org.vaultgraph.stores.FusekiProcess;
import org.vaultgraph.stores.VirtuosoProcess;
import org.vaultgraph.stores.Vaults.Run;

/**
 * A team's shared store, as labs run them: Virtuoso (its authenticated Graph Store endpoint takes
 * Digest only) and Fuseki with a password file under Digest and under Basic, each a real server in
 * a process of its own. Two researchers' vaults are pushed, edited, renamed and pushed again; after
 * every push the store holds exactly the two vaults' conversions, compared quad for quad through
 * its SPARQL endpoint.
 */
class TeamStoreTest {
    private static final String ALICE = "https://lab.example/alice/";
    private static final String BOB = "https://lab.example/bob/";
    private static final String PASSWORD = "correct horse battery";
    private static final String TAG = "Hypoxic-Cultured Autologous Mesenchymal Stem Cells (MSCs)";

    @Test
    void virtuosoWithDigest(@TempDir Path tmp) throws Exception {
        try (VirtuosoProcess virtuoso = VirtuosoProcess.start(tmp.resolve("virtuoso"), PASSWORD, 20_000)) {
            Path alice = twoVaultsEditedAndRenamed(tmp, virtuoso.graphStore(), virtuoso.sparql(), "dba");
            tagTableAsOnOurOwnServer(alice, virtuoso.sparql());
        }
    }

    @Test
    void fusekiWithDigest(@TempDir Path tmp) throws Exception {
        try (FusekiProcess fuseki = FusekiProcess.start(tmp.resolve("fuseki"), "digest", "alice", PASSWORD)) {
            withReadAccess(fuseki, () -> twoVaultsEditedAndRenamed(tmp, fuseki.dataset() + "/data", fuseki.dataset() + "/sparql", "alice"));
        }
    }

    @Test
    void fusekiWithBasic(@TempDir Path tmp) throws Exception {
        try (FusekiProcess fuseki = FusekiProcess.start(tmp.resolve("fuseki"), "basic", "alice", PASSWORD)) {
            withReadAccess(fuseki, () -> twoVaultsEditedAndRenamed(tmp, fuseki.dataset() + "/data", fuseki.dataset() + "/sparql", "alice"));
        }
    }

    private interface Check {
        void run() throws Exception;
    }

    /** The test's own SPARQL reads of a Fuseki that wants a login for everything. */
    private static void withReadAccess(FusekiProcess fuseki, Check check) throws Exception {
        URI sparql = URI.create(fuseki.dataset() + "/sparql");
        AuthEnv.get().registerUsernamePassword(sparql, "alice", PASSWORD);
        try {
            check.run();
        } finally {
            AuthEnv.get().unregisterUsernamePassword(sparql);
        }
    }

    private static Path twoVaultsEditedAndRenamed(Path tmp, String graphStore, String sparql, String user) throws Exception {
        Path alice = copyOfSampleVault(tmp.resolve("alice"));
        Path bob = tmp.resolve("bob");
        new VaultGenerator(40, 11).write(bob);
        Path password = tmp.resolve("password");
        Files.writeString(password, PASSWORD + "\n");
        Path wrong = tmp.resolve("wrong");
        Files.writeString(wrong, "not the password\n");
        Set<String> before = graphs(sparql);

        Run refused = push(alice, graphStore, ALICE, tmp.resolve("alice.tsv"), "--user", user, "--password-file", wrong.toString());
        assertEquals(1, refused.exit(), refused.err());
        assertTrue(refused.err().contains("HTTP 401"), refused.err());

        pushBoth(tmp, graphStore, user, password, alice, bob);
        sameQuads(sparql, alice, bob, before);

        // Alice edits an insight and renames a concept note; Bob edits one note and renames another.
        Path insight = alice.resolve("Research/Insights/2025-01-30 14-48-20.md");
        Files.writeString(insight, Files.readString(insight).replace("may positively correlate", "correlates"));
        Files.move(alice.resolve("Research/Tags/SANE Rating.md"), alice.resolve("Research/Tags/SANE Score.md"));
        Path bobNote;
        try (var notes = Files.walk(bob)) {
            bobNote = notes.filter(p -> p.toString().endsWith(".md")).sorted().findFirst().orElseThrow();
        }
        Files.writeString(bobNote, Files.readString(bobNote) + "\nAn added line with a [[link to nowhere]].\n");
        Path bobRenamed;
        try (var notes = Files.walk(bob)) {
            bobRenamed = notes.filter(p -> p.toString().endsWith(".md")).sorted().skip(5).findFirst().orElseThrow();
        }
        Files.move(bobRenamed, bobRenamed.resolveSibling("Renamed " + bobRenamed.getFileName()));

        Run[] second = pushBoth(tmp, graphStore, user, password, alice, bob);
        assertTrue(second[0].err().contains(" 1 deleted,"), second[0].err());
        assertTrue(second[1].err().contains(" 1 deleted,"), second[1].err());
        sameQuads(sparql, alice, bob, before);

        Run[] third = pushBoth(tmp, graphStore, user, password, alice, bob);
        assertTrue(third[0].err().contains(": 0 graphs sent, 0 deleted"), third[0].err());
        assertTrue(third[1].err().contains(": 0 graphs sent, 0 deleted"), third[1].err());
        return alice;
    }

    private static Run[] pushBoth(Path tmp, String graphStore, String user, Path password, Path alice, Path bob) {
        Run[] runs = new Run[2];
        runs[0] = push(alice, graphStore, ALICE, tmp.resolve("alice.tsv"), "--user", user, "--password-file", password.toString());
        runs[1] = push(bob, graphStore, BOB, tmp.resolve("bob.tsv"), "--user", user, "--password-file", password.toString());
        assertEquals(0, runs[0].exit(), runs[0].err());
        assertEquals(0, runs[1].exit(), runs[1].err());
        return runs;
    }

    /** The store holds the two conversions and, besides what it held before, nothing but the claims of the two bases. */
    private static void sameQuads(String sparql, Path alice, Path bob, Set<String> before) {
        assertSameQuads(union(local(alice, ALICE), local(bob, BOB)), remote(sparql, ALICE, BOB));
        Set<String> added = new TreeSet<>(graphs(sparql));
        added.removeAll(before);
        added.removeIf(g -> g.startsWith(ALICE) || g.startsWith(BOB));
        assertEquals(Set.of("urn:vaultgraph:push-claims"), added);
        Set<String> claims = remote(sparql, "urn:vaultgraph:push-claims");
        assertEquals(4, claims.size(), claims.toString());
        assertTrue(claims.stream().anyMatch(q -> q.contains(ALICE)) && claims.stream().anyMatch(q -> q.contains(BOB)), claims.toString());
    }

    /** query --endpoint gives the same tag table from the team's store as from our own server. */
    private static void tagTableAsOnOurOwnServer(Path alice, String storeSparql) {
        VaultLoader.LoadedVault loaded = VaultLoader.builder().base(ALICE).build().load(alice, VaultStore.inMemory());
        VaultServer server = VaultServer.builder()
                .dataset(loaded.store().dataset())
                .publisher(new GardenPublisher(SparqlService.local(loaded.store().dataset()), loaded.mapper().iris()))
                .landing(new LandingPage("vault", loaded.report().notes(), loaded.mapping().base()))
                .port(0)
                .build()
                .start();
        try {
            Run ours = vaultgraph("query", alice.toString(), "queries/tag-table.rq", "--base", ALICE, "--param", "tag=" + TAG,
                    "--format", "csv", "--endpoint", server.sparqlUrl());
            Run theirs = vaultgraph("query", alice.toString(), "queries/tag-table.rq", "--base", ALICE, "--param", "tag=" + TAG,
                    "--format", "csv", "--endpoint", storeSparql);
            assertEquals(0, ours.exit(), ours.err());
            assertEquals(0, theirs.exit(), theirs.err());
            assertTrue(ours.out().lines().count() > 2, ours.out());
            assertEquals(ours.out(), theirs.out());
            // The same tag table as a Dataview query, run on the team's store.
            String dql = "TABLE WITHOUT ID file.link AS \"Insights\", insight FROM [[]] AND \"Research/Insights\" SORT created DESC";
            Run dqlOurs = vaultgraph("dql", alice.toString(), dql, "--from", TAG, "--base", ALICE, "--format", "csv", "--endpoint", server.sparqlUrl());
            Run dqlTheirs = vaultgraph("dql", alice.toString(), dql, "--from", TAG, "--base", ALICE, "--format", "csv", "--endpoint", storeSparql);
            assertEquals(0, dqlTheirs.exit(), dqlTheirs.err());
            assertTrue(dqlOurs.out().lines().count() > 2, dqlOurs.out());
            assertEquals(dqlOurs.out(), dqlTheirs.out());
        } finally {
            server.stop();
            loaded.store().close();
        }
    }
}
