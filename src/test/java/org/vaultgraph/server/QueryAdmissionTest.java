package org.vaultgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vaultgraph.SampleVault;
import org.vaultgraph.store.VaultLoader;

/**
 * How many queries run at once, checked by behaviour, never by time: slow queries are SERVICE calls to
 * a listener that answers only when the test releases it, so they hold their place exactly as long as
 * the test wants. Other clients connect from other loopback addresses (127.0.0.2, 127.0.0.3).
 */
@Timeout(120)
class QueryAdmissionTest {
    private static final String LIGHT = "ASK { ?s ?p ?o }";
    private static VaultLoader.LoadedVault loaded;

    @BeforeAll
    static void load() {
        loaded = SampleVault.load();
    }

    @AfterAll
    static void close() {
        loaded.store().close();
    }

    private static VaultServer.Builder server(Listener listener) {
        return VaultServer.builder().dataset(loaded.store().dataset()).iris(loaded.mapper().iris())
                .allowService(List.of(listener.url("/hold"))).port(0);
    }

    private static RawHttp.Response query(VaultServer server, String from, String query) throws Exception {
        return RawHttp.send(from, server.port(), "GET /vault/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + " HTTP/1.0\nHost: 127.0.0.1\nAccept: application/sparql-results+json", null);
    }

    /** A query that runs until the listener is released, sent in the background. */
    private static CompletableFuture<RawHttp.Response> slow(VaultServer server, String from, Listener listener) {
        String held = "SELECT * WHERE { SERVICE <" + listener.url("/hold") + "> { ?s ?p ?o } }";
        return CompletableFuture.supplyAsync(() -> {
            try {
                return query(server, from, held);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void waitUntil(IntSupplier count, int expected) throws InterruptedException {
        while (count.getAsInt() != expected) Thread.sleep(10);
    }

    private static void assertRefusedWithRetryAfter(RawHttp.Response response) {
        assertEquals(503, response.status(), response.body());
        assertTrue(response.header("Retry-After").matches("[1-9][0-9]*"), "Retry-After: " + response.headers());
    }

    @Test
    void aClientOverItsLimitIsRefusedWhileAnotherClientIsAnswered() throws Exception {
        try (Listener listener = new Listener(); VaultServer server = server(listener).queryLimits(3, 2, 0).build().start()) {
            List<CompletableFuture<RawHttp.Response>> held = List.of(slow(server, "127.0.0.1", listener), slow(server, "127.0.0.1", listener));
            waitUntil(server::runningOperations, 2);
            assertRefusedWithRetryAfter(query(server, "127.0.0.1", LIGHT));
            RawHttp.Response other = query(server, "127.0.0.2", LIGHT);
            assertEquals(200, other.status(), other.body());
            assertTrue(other.body().contains("true"), other.body());

            CompletableFuture<RawHttp.Response> third = slow(server, "127.0.0.2", listener);
            waitUntil(server::runningOperations, 3);
            assertRefusedWithRetryAfter(query(server, "127.0.0.3", LIGHT));

            listener.release();
            for (CompletableFuture<RawHttp.Response> f : List.of(held.get(0), held.get(1), third)) assertEquals(200, f.get().status(), f.get().body());
            assertEquals(200, query(server, "127.0.0.1", LIGHT).status(), "places are given back");
        }
    }

    @Test
    void aQueryThatFindsNoPlaceWaitsInTheQueueAndThenRuns() throws Exception {
        try (Listener listener = new Listener(); VaultServer server = server(listener).queryLimits(1, 1, 4).build().start()) {
            CompletableFuture<RawHttp.Response> holding = slow(server, "127.0.0.1", listener);
            waitUntil(server::runningOperations, 1);
            CompletableFuture<RawHttp.Response> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return query(server, "127.0.0.2", LIGHT);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            waitUntil(server::waitingOperations, 1);
            assertFalse(waiting.isDone(), "the light query waits for the place");
            listener.release();
            assertEquals(200, holding.get().status());
            assertEquals(200, waiting.get().status(), waiting.get().body());
        }
    }

    @Test
    void aQueryThatRanOutOfTimeIsRefusedForTheCooldownWithoutRunning() throws Exception {
        String runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
        try (Listener listener = new Listener(); VaultServer server = server(listener).queryTimeoutMillis(500).build().start()) {
            RawHttp.Response first = query(server, "127.0.0.1", runaway);
            assertEquals(503, first.status(), first.body());
            RawHttp.Response again = query(server, "127.0.0.1", runaway);
            assertRefusedWithRetryAfter(again);
            assertTrue(again.body().contains("ran out of time"), again.body());
            assertEquals(200, query(server, "127.0.0.1", LIGHT).status(), "other queries still run");
        }
    }
}
