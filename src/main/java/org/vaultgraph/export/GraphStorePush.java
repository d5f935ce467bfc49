package org.vaultgraph.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.vaultgraph.vault.VaultReader;

/**
 * Sends a vault's graph to another SPARQL 1.1 store through the Graph Store Protocol, one named
 * graph per note: a PUT replaces a note's graph, a DELETE removes the graph of a note that is gone.
 * Only graphs whose content changed since the last push are sent: a state file records the digest
 * of each graph as pushed.
 *
 * <pre>{@code
 * GraphStorePush push = new GraphStorePush(URI.create("http://host:3030/ds/data"), credentials, Path.of("push-state.tsv"));
 * GraphStorePush.Report report = push.push(store.dataset());
 * }</pre>
 */
public final class GraphStorePush {
    private static final int SAVE_EVERY = 200;

    private final URI endpoint;
    private final String authorization;
    private final Path stateFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();

    /**
     * @param endpoint  the store's Graph Store Protocol endpoint, e.g. Fuseki's {@code http://host:3030/ds/data}
     * @param user      user name for HTTP basic authentication, or null
     * @param password  its password, or null
     * @param stateFile where the digest of each pushed graph is kept between pushes
     */
    public GraphStorePush(URI endpoint, String user, String password, Path stateFile) {
        this.endpoint = endpoint;
        this.authorization = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        this.stateFile = stateFile;
    }

    /** What a push did. */
    public record Report(int sent, int deleted, int unchanged) {
        @Override
        public String toString() {
            return sent + " graphs sent, " + deleted + " deleted, " + unchanged + " unchanged";
        }
    }

    /** A request the store refused, with what it said. */
    public static final class PushException extends RuntimeException {
        public PushException(String message) {
            super(message);
        }
    }

    /** Pushes every named graph of the dataset that differs from what the last push sent. */
    public Report push(DatasetGraph dataset) {
        Map<String, String> pushed = readState();
        Map<String, String> now = new TreeMap<>();
        int[] counts = new int[3];
        Txn.executeRead(dataset, () -> {
            Iterator<Node> graphs = dataset.listGraphNodes();
            List<Node> names = new ArrayList<>();
            graphs.forEachRemaining(names::add);
            for (Node graph : names) {
                byte[] body = nTriples(dataset, graph);
                String digest = VaultReader.sha256(body);
                now.put(graph.getURI(), digest);
                if (digest.equals(pushed.get(graph.getURI()))) {
                    counts[2]++;
                    continue;
                }
                send("PUT", graph.getURI(), body);
                pushed.put(graph.getURI(), digest);
                if (++counts[0] % SAVE_EVERY == 0) writeState(pushed);
            }
        });
        for (String graph : List.copyOf(pushed.keySet())) {
            if (now.containsKey(graph)) continue;
            send("DELETE", graph, null);
            pushed.remove(graph);
            counts[1]++;
        }
        writeState(pushed);
        return new Report(counts[0], counts[1], counts[2]);
    }

    /** A graph as N-Triples, lines sorted: the same triples always give the same bytes. */
    private static byte[] nTriples(DatasetGraph dataset, Node graph) {
        List<String> lines = new ArrayList<>();
        Iterator<Quad> quads = dataset.find(graph, Node.ANY, Node.ANY, Node.ANY);
        while (quads.hasNext()) {
            Quad q = quads.next();
            lines.add(NodeFmtLib.strNT(q.getSubject()) + " " + NodeFmtLib.strNT(q.getPredicate()) + " " + NodeFmtLib.strNT(q.getObject()) + " .\n");
        }
        lines.sort(null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String line : lines) out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private void send(String method, String graph, byte[] body) {
        URI uri = URI.create(endpoint + (endpoint.getQuery() == null ? "?" : "&") + "graph=" + URLEncoder.encode(graph, StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2));
        if (authorization != null) request.header("Authorization", authorization);
        if (body != null) request.header("Content-Type", "application/n-triples").method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        else request.method(method, HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PushException("cannot reach " + endpoint + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PushException("interrupted while pushing to " + endpoint);
        }
        int status = response.statusCode();
        // A DELETE of a graph the store no longer has is already done.
        if (status / 100 == 2 || (method.equals("DELETE") && status == 404)) return;
        String said = response.body().strip().lines().findFirst().orElse("");
        throw new PushException(method + " of graph " + graph + " refused by " + endpoint + ": HTTP " + status + (said.isEmpty() ? "" : " " + said)
                + (status == 401 || status == 403 ? " (check --user and --password-file)" : ""));
    }

    private Map<String, String> readState() {
        Map<String, String> state = new TreeMap<>();
        if (!Files.isRegularFile(stateFile)) return state;
        try {
            for (String line : Files.readAllLines(stateFile, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab > 0) state.put(line.substring(tab + 1), line.substring(0, tab));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the push state " + stateFile + ": " + e.getMessage(), e);
        }
        return state;
    }

    /** Written whole, then moved into place: a crash leaves the old state, and the next push sends those graphs again. */
    private void writeState(Map<String, String> state) {
        try {
            Files.createDirectories(stateFile.toAbsolutePath().getParent());
            Path tmp = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
            StringBuilder out = new StringBuilder();
            state.forEach((graph, digest) -> out.append(digest).append('\t').append(graph).append('\n'));
            Files.writeString(tmp, out, StandardCharsets.UTF_8);
            Files.move(tmp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the push state " + stateFile + ": " + e.getMessage(), e);
        }
    }
}
