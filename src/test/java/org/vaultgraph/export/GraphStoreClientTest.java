package org.vaultgraph.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

/** A store that drops connections: the client sends a PUT again, a bounded number of times, and says why it gave up. */
class GraphStoreClientTest {
    /** A one-port store that closes the first {@code drops} connections without answering, then answers 204. */
    private static final class DroppingStore implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final AtomicInteger requests = new AtomicInteger();
        final Thread thread;

        DroppingStore(int drops) throws IOException {
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket client = socket.accept()) {
                        readHead(client.getInputStream());
                        if (requests.incrementAndGet() > drops) {
                            OutputStream out = client.getOutputStream();
                            out.write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                            out.flush();
                        }
                    } catch (IOException e) {
                        // Closed by the test.
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        URI endpoint() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/store");
        }

        private static void readHead(InputStream in) throws IOException {
            int matched = 0;
            byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            for (int b; matched < end.length && (b = in.read()) >= 0; ) matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static Graph oneTriple() {
        Graph g = GraphFactory.createDefaultGraph();
        g.add(org.apache.jena.graph.NodeFactory.createURI("urn:a"), org.apache.jena.graph.NodeFactory.createURI("urn:b"),
                org.apache.jena.graph.NodeFactory.createLiteralString("c"));
        return g;
    }

    @Test
    void aDroppedConnectionIsTriedAgain() throws Exception {
        try (DroppingStore store = new DroppingStore(2)) {
            new GraphStoreClient(store.endpoint()).put("urn:graph", oneTriple());
            assertEquals(3, store.requests.get(), "two dropped, the third answered");
        }
    }

    @Test
    void aStoreThatKeepsDroppingIsOneLine() throws Exception {
        try (DroppingStore store = new DroppingStore(Integer.MAX_VALUE)) {
            GraphStorePush.PushException e = assertThrows(GraphStorePush.PushException.class,
                    () -> new GraphStoreClient(store.endpoint()).put("urn:graph", oneTriple()));
            assertEquals(3, store.requests.get(), "sent three times, then given up");
            assertTrue(e.getMessage().startsWith("cannot reach " + store.endpoint()), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
