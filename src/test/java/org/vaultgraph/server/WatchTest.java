package org.vaultgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultgraph.SampleVault;
import org.vaultgraph.render.GardenPublisher;
import org.vaultgraph.store.SyncedStore;
import org.vaultgraph.store.VaultLoader;
import org.vaultgraph.store.VaultSync;
import org.vaultgraph.store.VaultWatcher;

/**
 * A server that follows its vault: an edit saved in a note shows in SPARQL answers over HTTP soon
 * after, however the editor saves. The time each change took is printed, not asserted.
 */
class WatchTest {
    private static final long GIVE_UP_MILLIS = 20_000;
    private static final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path tmp;
    private Path vault;
    private SyncedStore synced;
    private VaultWatcher watcher;
    private VaultServer server;
    private final List<String> errors = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger syncs = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        vault = tmp.resolve("vault");
        try (Stream<Path> files = Files.walk(SampleVault.ROOT)) {
            for (Path source : files.toList()) {
                Path target = vault.resolve(SampleVault.ROOT.relativize(source).toString());
                if (Files.isDirectory(source)) Files.createDirectories(target);
                else Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        synced = SyncedStore.inMemory(vault, VaultLoader.builder().zone(ZoneOffset.UTC).build(), line -> { });
        watcher = VaultWatcher.start(vault, synced.sync(), report -> syncs.incrementAndGet(), errors::add);
        server = VaultServer.builder().dataset(synced.store().dataset()).iris(synced.mapper().iris())
                .publishers(synced.sync()::lastChange, () -> new GardenPublisher(
                        org.vaultgraph.query.SparqlService.local(synced.store().dataset()), synced.mapper().iris()))
                .port(0).build().start();
    }

    @AfterEach
    void stop() {
        watcher.close();
        server.stop();
        synced.close();
    }

    private String ask(String query) throws Exception {
        String url = server.sparqlUrl() + "?query=" + URLEncoder.encode("PREFIX vg: <https://w3id.org/vaultgraph/ns#> " + query, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/sparql-results+json").build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Polls until the ASK query holds; returns how long it took. */
    private long waitUntil(String askQuery, String what) throws Exception {
        long start = System.nanoTime();
        while (!ask(askQuery).contains("true")) {
            if ((System.nanoTime() - start) / 1_000_000 > GIVE_UP_MILLIS) fail(what + " never showed in SPARQL; watcher errors: " + errors);
            Thread.sleep(10);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("watch: " + what + " visible in SPARQL after " + millis + " ms");
        return millis;
    }

    @Test
    void aSavedEditShowsInSparql() throws Exception {
        Path note = vault.resolve("Research/Insights/2025-01-30 14-48-20.md");
        Files.writeString(note, Files.readString(note).replace("may positively correlate", "clearly correlates"));
        waitUntil("ASK { ?i vg:statement ?s FILTER(CONTAINS(?s, \"clearly correlates\")) }", "an edited statement");
    }

    @Test
    void anEditorThatSavesThroughATemporaryFileAndARenameWorks() throws Exception {
        Path note = vault.resolve("Research/Tags/L4-L5.md");
        Path temporary = vault.resolve("Research/Tags/.L4-L5.md.swp");
        Files.writeString(temporary, Files.readString(note).replace("type: anatomy", "type: outcome"));
        Files.move(temporary, note, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        waitUntil("ASK { ?n vg:name \"L4-L5\" ; a vg:Outcome }", "a note saved by rename");
        // The insights that link to it now report it as an outcome.
        waitUntil("ASK { ?i vg:outcome ?n . ?n vg:name \"L4-L5\" }", "the insights linking to it");
    }

    @Test
    void newFoldersNotesAndDeletionsAreFollowed() throws Exception {
        Path folder = vault.resolve("Research/New Folder");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("Discography.md"), "---\ntype: therapy\n---\n# Tagged Content\n```dataview\nLIST FROM [[]]\n```\n");
        waitUntil("ASK { ?n vg:path \"Research/New Folder/Discography.md\" }", "a note in a new folder");
        // The link that named no note now resolves.
        waitUntil("ASK { ?n vg:name \"Intradiscal Injection\" ; vg:linksTo ?d . ?d vg:name \"Discography\" }", "a link that resolves");
        // Its tag page is served too, with the new note linked.
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(server.url() + "research/new-folder/discography/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), "the new note's tag page");
        assertTrue(page.body().contains("Intradiscal Injection"), page.body());
        Files.delete(vault.resolve("Research/Tags/Quality of Life.md"));
        waitUntil("ASK { FILTER NOT EXISTS { ?n vg:name \"Quality of Life\" } }", "a deleted note");
    }

    @Test
    void aBurstOfChangesIsOneSync() throws Exception {
        VaultSync sync = synced.sync();
        java.time.Instant before = sync.lastChange();
        for (int i = 0; i < 200; i++) Files.writeString(vault.resolve("Research/burst-" + i + ".md"), "Burst note " + i + " [[L4-L5]]\n");
        waitUntil("ASK { ?n vg:name \"burst-199\" }", "the last of 200 new notes");
        // The time of the change is recorded just after the commit that made the notes visible.
        long deadline = System.nanoTime() + GIVE_UP_MILLIS * 1_000_000;
        while (!sync.lastChange().isAfter(before) && System.nanoTime() < deadline) Thread.sleep(5);
        assertTrue(sync.lastChange().isAfter(before), "the time of the last change moved");
        System.out.println("watch: 200 new notes took " + syncs.get() + " syncs");
        assertTrue(syncs.get() < 20, "a burst is gathered, not replayed file by file: " + syncs.get() + " syncs");
        assertEquals(List.of(), errors);
    }
}
