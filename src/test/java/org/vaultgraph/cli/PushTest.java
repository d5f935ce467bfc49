package org.vaultgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaultgraph.stores.Vaults.copyOfSampleVault;
import static org.vaultgraph.stores.Vaults.local;
import static org.vaultgraph.stores.Vaults.push;
import static org.vaultgraph.stores.Vaults.remote;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.exec.http.GSP;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultgraph.stores.FusekiProcess;
import org.vaultgraph.stores.Vaults.Run;

/**
 * {@code push} against a real, separate Fuseki server: Jena's own fuseki-server jar, started by the
 * test as a process of its own on a free port, its files in a temporary folder. Push, edit, push
 * again; the remote dataset always equals a local conversion of the vault. Each test pushes under a
 * base of its own, since the store remembers which vault claimed which base.
 */
class PushTest {
    @TempDir
    static Path serverDir;

    private static FusekiProcess fuseki;

    @BeforeAll
    static void startFuseki() {
        fuseki = FusekiProcess.start(serverDir);
    }

    @AfterAll
    static void stopFuseki() {
        if (fuseki != null) fuseki.close();
    }

    private static String data() {
        return fuseki.dataset() + "/data";
    }

    private static String sparql() {
        return fuseki.dataset() + "/sparql";
    }

    @Test
    void pushEditPushAgainAndTheRemoteStoreFollows(@TempDir Path tmp) throws Exception {
        Path vault = copyOfSampleVault(tmp.resolve("vault"));
        Path state = tmp.resolve("push-state.tsv");
        String base = "http://127.0.0.1:3030/";

        Run first = push(vault, data(), null, state);
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.err().contains("29 graphs sent, 0 deleted, 0 unchanged"), first.err());
        assertEquals(local(vault, base), remote(sparql(), base));

        Run again = push(vault, data(), null, state);
        assertTrue(again.err().contains("0 graphs sent, 0 deleted, 29 unchanged"), "nothing changed, nothing sent: " + again.err());

        // An edit, a new note that resolves a link (so the linking note's graph changes too), a deletion.
        Path insight = vault.resolve("Research/Insights/2025-01-30 14-48-20.md");
        Files.writeString(insight, Files.readString(insight).replace("may positively correlate", "correlates"));
        Files.writeString(vault.resolve("Research/Tags/Discography.md"), "---\ntype: therapy\n---\n");
        Files.delete(vault.resolve("Research/Tags/SANE Rating.md"));

        // A dry run lists what the next push sends, and sends nothing.
        Run dry = push(vault, data(), null, state, "--dry-run");
        assertEquals(0, dry.exit(), dry.err());
        List<String> lines = dry.out().lines().sorted().toList();
        assertEquals(5, lines.size(), dry.out());
        assertTrue(lines.contains("DELETE " + base + "note/Research/Tags/SANE%20Rating"), dry.out());
        assertTrue(lines.contains("PUT " + base + "note/Research/Tags/Discography"), dry.out());
        assertTrue(dry.err().contains("would send 4 graphs"), dry.err());
        assertFalse(local(vault, base).equals(remote(sparql(), base)), "the dry run changed the store");

        Run third = push(vault, data(), null, state);
        assertEquals(0, third.exit(), third.err());
        // Sent: the edited insight, the new note, the note whose link to it now resolves, and the insight
        // whose link to the deleted note no longer does.
        assertTrue(third.err().contains("4 graphs sent, 1 deleted, 25 unchanged"), third.err());
        assertEquals(local(vault, base), remote(sparql(), base));
    }

    @Test
    void aLoopbackBaseIsNotSentToAnotherMachine(@TempDir Path tmp) {
        // .invalid names no machine: were the check to let the push through, it could reach nothing.
        Run run = push(copyOfSampleVault(tmp.resolve("vault")), "http://store.invalid/ds/data", null, tmp.resolve("s.tsv"));
        assertEquals(2, run.exit(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("the vault's base http://127.0.0.1:3030/ is a loopback address"), run.err());
        assertFalse(Files.exists(tmp.resolve("s.tsv")));
    }

    @Test
    void aBaseAnotherVaultClaimsIsRefusedAndOtherGraphsAreNeverDeleted(@TempDir Path tmp) {
        String alice = "https://lab.example/claims/alice/";
        Path vault = copyOfSampleVault(tmp.resolve("alice"));
        // A graph someone wrote by hand; no push may touch it.
        Graph team = RDFParser.fromString("<urn:team:x> <urn:team:says> \"kept\" .", Lang.NTRIPLES).toGraph();
        GSP.service(data()).graphName("urn:team:notes").PUT(team);

        Run first = push(vault, data(), alice, tmp.resolve("alice.tsv"));
        assertEquals(0, first.exit(), first.err());

        // A second vault under the same base, or under one inside it or around it, is refused.
        Path other = copyOfSampleVault(tmp.resolve("bob"));
        for (String base : List.of(alice, alice + "bob/", "https://lab.example/claims/")) {
            Run refused = push(other, data(), base, tmp.resolve("bob.tsv"));
            assertEquals(2, refused.exit(), refused.err());
            assertEquals(1, refused.err().lines().count(), refused.err());
            assertTrue(refused.err().contains("claimed in this store by another vault (") && refused.err().contains(vault.toAbsolutePath().toString()),
                    refused.err());
        }
        assertEquals(local(vault, alice), remote(sparql(), alice), "a refused push sent nothing");

        // A lost state file: the same folder on the same machine is still the same vault.
        Run again = push(vault, data(), alice, tmp.resolve("alice-new.tsv"));
        assertEquals(0, again.exit(), again.err());

        // The vault moves to a base of its own: its old graphs go, the team's graph stays.
        String moved = "https://lab.example/claims2/alice/";
        Run move = push(vault, data(), moved, tmp.resolve("alice-new.tsv"));
        assertEquals(0, move.exit(), move.err());
        assertTrue(move.err().contains("29 graphs sent, 29 deleted"), move.err());
        assertEquals(Set.of(), remote(sparql(), alice));
        assertEquals(local(vault, moved), remote(sparql(), moved));
        assertEquals(1, remote(sparql(), "urn:team:notes").size());
        // ...and the first base is free for another vault.
        Run bob = push(other, data(), alice, tmp.resolve("bob.tsv"));
        assertEquals(0, bob.exit(), bob.err());
    }

    @Test
    void aStoreThatRefusesSaysWhyAndExitsWithFailure(@TempDir Path tmp) {
        Run run = push(copyOfSampleVault(tmp.resolve("vault")), fuseki.dataset().replace("/remote", "/nowhere") + "/data",
                "http://127.0.0.1:3030/refused/", tmp.resolve("s.tsv"));
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("refused by") && run.err().contains(": HTTP 4"), run.err());
    }
}
