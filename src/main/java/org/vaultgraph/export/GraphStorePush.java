package org.vaultgraph.export;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.vaultgraph.vault.VaultReader;

/**
 * Sends a vault's graph to a shared SPARQL 1.1 store through the Graph Store Protocol, one named
 * graph per note: a PUT replaces a note's graph, a DELETE removes the graph of a note that is gone.
 * Only graphs whose content changed since the last push are sent: a state file records the digest
 * of each graph as pushed. Many vaults can share a store: each pushes only the graphs under its own
 * base IRI, claims that base in the store (see {@link StoreClaims}), is refused a base another vault
 * claims, and deletes only graphs it pushed itself.
 *
 * <pre>{@code
 * GraphStorePush push = new GraphStorePush(URI.create("http://host:3030/ds/data"), StoreCredentials.NONE, Path.of("push-state.tsv"));
 * GraphStorePush.Report report = push.push(store.dataset(), "https://lab.example/alice/", "laptop:/home/alice/vault");
 * }</pre>
 */
public final class GraphStorePush {
    private static final int SAVE_EVERY = 200;

    private final GraphStoreClient store;
    private final StoreCredentials credentials;
    private final Path stateFile;

    /**
     * @param endpoint    the store's Graph Store Protocol endpoint, e.g. Fuseki's {@code http://host:3030/ds/data}
     *                    or Virtuoso's {@code http://host:8890/sparql-graph-crud-auth}
     * @param credentials how to log in, or {@link StoreCredentials#NONE}
     * @param stateFile   where the digest of each pushed graph is kept between pushes
     */
    public GraphStorePush(URI endpoint, StoreCredentials credentials, Path stateFile) {
        this.store = new GraphStoreClient(endpoint);
        this.credentials = credentials;
        this.stateFile = stateFile;
    }

    /** One request a push sends, or would send. */
    public record Change(String method, String graph) {}

    /** What a push did, or would do for a dry run. */
    public record Report(int sent, int deleted, int unchanged, int outsideBase, long quadsSent, List<Change> changes, boolean dryRun) {
        @Override
        public String toString() {
            String counts = dryRun
                    ? "would send " + sent + " graphs (" + quadsSent + " quads), delete " + deleted + ", " + unchanged + " unchanged"
                    : sent + " graphs sent, " + deleted + " deleted, " + unchanged + " unchanged";
            return counts + (outsideBase == 0 ? "" : "; " + outsideBase + " graphs outside the vault's base left out");
        }
    }

    /** A request the store refused, or could not answer, with what it said. */
    public static final class PushException extends RuntimeException {
        public PushException(String message) {
            super(message);
        }
    }

    /** A push that would mix this vault's graphs with another's; nothing was sent. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** Sends every graph under {@code base} that differs from what the last push sent, and deletes those of notes that are gone. */
    public Report push(DatasetGraph dataset, String base, String vaultLabel) {
        return run(dataset, base, vaultLabel, false);
    }

    /** What {@link #push} would send and delete, found without writing to the store or the state file. */
    public Report dryRun(DatasetGraph dataset, String base, String vaultLabel) {
        return run(dataset, base, vaultLabel, true);
    }

    /**
     * Refuses, before any request, a base on a loopback address (the default, http://127.0.0.1:3030/)
     * bound for a store on another machine: every vault left at the default would write into the same
     * graphs there, and the IRIs name no resource anyone else can reach.
     */
    public static void checkBase(String base, URI endpoint) {
        String baseHost = URI.create(base).getHost();
        if (isLoopback(baseHost) && !isLoopback(endpoint.getHost())) {
            throw new Refused("the vault's base " + base + " is a loopback address, and the store " + endpoint.getHost()
                    + " is on another machine: give the vault a base of its own (base: in .vaultgraph.yaml, or --base https://your.domain/vault/)");
        }
    }

    /** Loopback by name or address literal only: no name is looked up, so nothing leaves the machine before the check. */
    static boolean isLoopback(String host) {
        if (host == null) return false;
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        return h.equals("localhost") || h.endsWith(".localhost") || h.matches("127(\\.\\d{1,3}){3}")
                || h.equals("::1") || h.matches("(0{1,4}:){7}0{0,3}1");
    }

    private Report run(DatasetGraph dataset, String base, String vaultLabel, boolean dryRun) {
        checkBase(base, store.endpoint());
        PushState state = PushState.read(stateFile);
        try (StoreCredentials.Registration login = credentials.register(store.endpoint())) {
            StoreClaims claims = StoreClaims.read(store);
            Optional<StoreClaims.Claim> previous = claims.on(base);
            // The same folder on the same machine whose state file was lost is the same vault.
            if (state.isNewVault() && previous.isPresent() && previous.get().label().equals(vaultLabel)) state.adopt(previous.get().vaultId());
            Optional<StoreClaims.Claim> conflict = claims.conflict(base, state.vaultId());
            if (conflict.isPresent()) throw refusal(base, conflict.get());
            if (!dryRun) {
                if (!claims.claimsOnly(base, state.vaultId(), vaultLabel)) StoreClaims.record(store, base, state.vaultId(), vaultLabel);
                state.base(base);
            }
            return send(dataset, base, state, dryRun);
        }
    }

    private static Refused refusal(String base, StoreClaims.Claim other) {
        String whose = "another vault (" + (other.label().isEmpty() ? other.vaultId() : other.label()) + ")";
        String what = other.base().equals(base) ? "the base " + base + " is already claimed in this store by " + whose
                : "the base " + base + " overlaps " + other.base() + ", claimed in this store by " + whose;
        return new Refused(what + ": give this vault a base of its own (base: in .vaultgraph.yaml, or --base)");
    }

    private Report send(DatasetGraph dataset, String base, PushState state, boolean dryRun) {
        Set<String> now = new HashSet<>();
        List<Change> changes = new ArrayList<>();
        int[] counts = new int[4]; // sent, deleted, unchanged, outside the base
        long[] quads = new long[1];
        try {
            Txn.executeRead(dataset, () -> {
                List<Node> names = new ArrayList<>();
                dataset.listGraphNodes().forEachRemaining(names::add);
                for (Node graph : names) {
                    String name = graph.getURI();
                    // Only graphs under the vault's base are its own; others (written to a local store by hand) stay local.
                    if (!name.startsWith(base)) {
                        counts[3]++;
                        continue;
                    }
                    now.add(name);
                    byte[] body = nTriples(dataset, graph);
                    String digest = VaultReader.sha256(body);
                    if (digest.equals(state.digests().get(name))) {
                        counts[2]++;
                        continue;
                    }
                    changes.add(new Change("PUT", name));
                    quads[0] += lines(body);
                    if (!dryRun) {
                        store.put(name, dataset.getGraph(graph));
                        state.digests().put(name, digest);
                        if ((counts[0] + 1) % SAVE_EVERY == 0) state.write(stateFile);
                    }
                    counts[0]++;
                }
            });
            // Only graphs this vault pushed itself are ever deleted.
            for (String graph : List.copyOf(state.digests().keySet())) {
                if (now.contains(graph)) continue;
                changes.add(new Change("DELETE", graph));
                if (!dryRun) {
                    store.delete(graph);
                    state.digests().remove(graph);
                }
                counts[1]++;
            }
        } finally {
            // What was sent stays recorded even when a later request fails.
            if (!dryRun) state.write(stateFile);
        }
        return new Report(counts[0], counts[1], counts[2], counts[3], quads[0], changes, dryRun);
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

    private static int lines(byte[] body) {
        int n = 0;
        for (byte b : body) if (b == '\n') n++;
        return n;
    }
}
