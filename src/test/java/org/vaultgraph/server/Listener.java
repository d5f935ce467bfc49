package org.vaultgraph.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * An HTTP listener on a free loopback port that records every request it gets: an empty record after
 * an attack proves the server fetched nothing. It answers {@code /sparql} as a SPARQL endpoint with no
 * rows, {@code /redirect} with a redirect to {@code redirectTo}, {@code /hold} only once released, and
 * anything else with a small Turtle document.
 */
final class Listener implements AutoCloseable {
    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile String redirectTo = "http://127.0.0.1:9/";

    Listener() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::answer);
        server.start();
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith("/hold")) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (path.startsWith("/redirect")) {
            exchange.getResponseHeaders().add("Location", redirectTo);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
            return;
        }
        boolean sparql = path.startsWith("/sparql") || path.startsWith("/hold");
        String body = sparql ? "{\"head\":{\"vars\":[\"s\"]},\"results\":{\"bindings\":[]}}" : "<urn:fetched> <urn:fetched> \"fetched\" .\n";
        exchange.getResponseHeaders().add("Content-Type", sparql ? "application/sparql-results+json" : "text/turtle");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A URL on this listener, e.g. {@code url("/sparql")}. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void redirectTo(String url) {
        this.redirectTo = url;
    }

    /** Lets every request held at {@code /hold} be answered. */
    void release() {
        release.countDown();
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
