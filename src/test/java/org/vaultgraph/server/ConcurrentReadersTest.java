package org.vaultgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.vaultgraph.store.SyncedStore;
import org.vaultgraph.store.VaultLoader;

/**
 * Readers that query over HTTP while syncs rewrite a note see the whole note, as it was before a
 * sync or after it, never part of each: every answer holds all of the note's fields, all from one
 * version.
 */
class ConcurrentReadersTest {
    private static final int FIELDS = 40;
    private static final int VERSIONS = 60;
    private static final int READERS = 3;
    private static final String QUERY = "PREFIX vg: <https://w3id.org/vaultgraph/ns#> SELECT ?v WHERE { ?n vg:path \"Versioned.md\" ; ?p ?v "
            + "FILTER(isLiteral(?v) && STRSTARTS(STR(?v), \"version-\")) }";
    private final HttpClient http = HttpClient.newHttpClient();

    private static String note(int version) {
        StringBuilder text = new StringBuilder("---\ntype: outcome\n---\n# Versioned\n");
        for (int i = 0; i < FIELDS; i++) text.append("part").append(i).append(":: version-").append(version).append('\n');
        return text.toString();
    }

    private List<String> read(VaultServer server) throws Exception {
        URI uri = URI.create(server.sparqlUrl() + "?query=" + URLEncoder.encode(QUERY, StandardCharsets.UTF_8));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body().lines().skip(1).map(String::strip).toList();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"in memory", "TDB2"})
    void readersSeeOneWholeVersionOfANote(String kind, @TempDir Path tmp) throws Exception {
        Path vault = tmp.resolve("vault");
        Files.createDirectories(vault);
        Files.writeString(vault.resolve("Versioned.md"), note(0));
        Files.writeString(vault.resolve("Other.md"), "Links to [[Versioned]].\n");
        VaultLoader loader = VaultLoader.builder().zone(ZoneOffset.UTC).build();
        ExecutorService pool = Executors.newFixedThreadPool(READERS);
        try (SyncedStore synced = kind.equals("TDB2") ? SyncedStore.onDisk(vault, tmp.resolve("tdb"), loader, line -> { })
                     : SyncedStore.inMemory(vault, loader, line -> { });
             VaultServer server = VaultServer.builder().dataset(synced.store().dataset()).iris(synced.mapper().iris()).port(0).build().start()) {
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger reads = new AtomicInteger();
            Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
            ConcurrentLinkedQueue<String> mixed = new ConcurrentLinkedQueue<>();
            List<Future<?>> readers = new java.util.ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                readers.add(pool.submit(() -> {
                    while (writing.get()) {
                        List<String> values = read(server);
                        reads.incrementAndGet();
                        Set<String> versions = values.stream().collect(Collectors.toSet());
                        if (values.size() != FIELDS || versions.size() != 1) mixed.add(values.size() + " fields from " + versions);
                        versionsSeen.addAll(versions);
                    }
                    return null;
                }));
            }
            for (int version = 1; version <= VERSIONS; version++) {
                Files.writeString(vault.resolve("Versioned.md"), note(version));
                synced.sync().sync(List.of(vault.resolve("Versioned.md")));
            }
            writing.set(false);
            for (Future<?> reader : readers) reader.get();
            System.out.println("concurrent readers (" + kind + "): " + reads.get() + " reads during " + VERSIONS + " syncs saw "
                    + versionsSeen.size() + " versions, " + mixed.size() + " mixed");
            assertEquals(0, mixed.size(), "answers that mixed two versions or missed fields, such as " + mixed.stream().limit(5).toList());
            assertTrue(versionsSeen.size() > 1, "the readers ran while the note changed: " + versionsSeen);
            assertEquals(List.of("version-" + VERSIONS), read(server).stream().distinct().toList());
        } finally {
            pool.shutdownNow();
        }
    }
}
