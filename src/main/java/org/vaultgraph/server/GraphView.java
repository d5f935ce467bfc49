package org.vaultgraph.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.jena.graph.Node;
import org.vaultgraph.export.VaultNetwork;
import org.vaultgraph.query.SparqlService;

/**
 * The vault's network as the graph pages draw it: built from the graph by the bundled graph queries
 * (once per version of the graph), then cut to what one view shows, at most {@code limit} nodes. The
 * whole vault shows, among the nodes the filters keep, the most linked half of the limit and the nodes
 * with the most links to those; a note's view shows its neighbourhood, nearest and most linked first.
 * Nodes carry the colour of their class and their degree in the whole vault.
 *
 * <pre>{@code String json = view.json(new GraphView.Request("note/Books/Dune", 2, Set.of(), null, Set.of(), 300));}</pre>
 */
final class GraphView {
    /**
     * How long reading the whole network may take: it runs once per version of the graph, for every view,
     * so it gets longer than one query (10,000 notes take seconds on a busy machine).
     */
    static final java.time.Duration BUILD_TIME_LIMIT = java.time.Duration.ofMinutes(2);
    static final int DEFAULT_LIMIT = 300;
    static final int MAX_LIMIT = 2000;
    private static final Map<String, String> FIXED_COLOURS = Map.of(
            "Note", "#8d99a6", "UnresolvedTarget", "#d3d7dc", "Attachment", "#bba98a");
    private static final List<String> PALETTE = List.of("#3a6fb5", "#e07b39", "#3f9a5c", "#c8423f", "#8a63b8", "#2aa3b3",
            "#d46fb0", "#8c6a4f", "#b8a431", "#5b5f97", "#e5a12e", "#6aa84f");
    private static final String OTHER_COLOUR = "#6f7b88";
    private static final Map<String, String> KIND_COLOURS = Map.of("link", "#a3acb6", "embed", "#5b8fd1");
    private static final List<String> FIELD_KIND_COLOURS = List.of("#e0904f", "#4faa70", "#b36bc4", "#d05b5b", "#3fb0c0", "#c0a030");

    /**
     * What one view asks for.
     *
     * @param focus   the path of the note to show around, after the base IRI ({@code note/Books/Dune}), or null for the whole vault
     * @param depth   how many links away from the focus (1 or 2)
     * @param classes the classes to keep (none: all)
     * @param tag     a tag the nodes must carry, or one below it (null: any)
     * @param kinds   the kinds of edge to keep and follow (none: all)
     * @param limit   the most nodes to show
     */
    record Request(String focus, int depth, Set<String> classes, String tag, Set<String> kinds, int limit) {}

    private final SparqlService sparql;
    private final String base;
    private final Supplier<?> version;
    private Object builtFor;
    private Snapshot snapshot;

    /** @param version changes when the graph does; the network is built again then */
    GraphView(SparqlService sparql, String base, Supplier<?> version) {
        this.sparql = sparql;
        this.base = base;
        this.version = version;
    }

    /** The network as the graph is now. */
    synchronized Snapshot snapshot() {
        Object now = version.get();
        if (snapshot == null || !Objects.equals(now, builtFor)) {
            snapshot = new Snapshot(VaultNetwork.build(sparql, VaultNetwork.Queries.bundled(), base), base);
            builtFor = now;
        }
        return snapshot;
    }

    /** The IRI a path after the base stands for. */
    String iri(String path) {
        return base + path;
    }

    /** The network with what each view needs: nodes by IRI, edges by node, degrees, tags and colours. */
    static final class Snapshot {
        final VaultNetwork network;
        private final String base;
        private final Map<String, Integer> positions = new HashMap<>();
        private final List<List<Integer>> edgesOf = new ArrayList<>();
        private final int[] degrees;
        private final List<List<String>> tags = new ArrayList<>();
        private final Map<String, String> classColours = new LinkedHashMap<>();
        private final Map<String, String> kindColours = new LinkedHashMap<>();
        private final LinkedHashMap<String, Integer> tagCounts;

        Snapshot(VaultNetwork network, String base) {
            this.network = network;
            this.base = base;
            List<VaultNetwork.Vertex> vertices = network.vertices();
            Map<String, Integer> tagCounts = new HashMap<>();
            for (int i = 0; i < vertices.size(); i++) {
                positions.put(vertices.get(i).iri(), i);
                edgesOf.add(new ArrayList<>());
                List<String> own = vertices.get(i).attributes().getOrDefault("tags", List.of()).stream()
                        .map(Node::getLiteralLexicalForm).toList();
                tags.add(own);
                own.forEach(t -> tagCounts.merge(t, 1, Integer::sum));
            }
            this.tagCounts = VaultNetwork.sortedByCount(tagCounts);
            for (int e = 0; e < network.edges().size(); e++) {
                VaultNetwork.Edge edge = network.edges().get(e);
                edgesOf.get(positions.get(edge.source())).add(e);
                edgesOf.get(positions.get(edge.target())).add(e);
            }
            Map<String, Integer> byIri = network.degrees();
            degrees = new int[vertices.size()];
            for (int i = 0; i < vertices.size(); i++) degrees[i] = byIri.get(vertices.get(i).iri());
            int next = 0;
            for (String name : network.classCounts().keySet()) {
                String fixed = FIXED_COLOURS.get(name);
                classColours.put(name, fixed != null ? fixed : next < PALETTE.size() ? PALETTE.get(next++) : OTHER_COLOUR);
            }
            int field = 0;
            for (String kind : network.kindCounts().keySet()) {
                String fixed = KIND_COLOURS.get(kind);
                kindColours.put(kind, fixed != null ? fixed : FIELD_KIND_COLOURS.get(field++ % FIELD_KIND_COLOURS.size()));
            }
        }

        /** Whether the network has a node of this IRI. */
        boolean has(String iri) {
            return positions.containsKey(iri);
        }

        VaultNetwork.Vertex vertex(String iri) {
            Integer at = positions.get(iri);
            return at == null ? null : network.vertices().get(at);
        }

        /** The view a request asks for, as JSON-ready maps and lists. */
        Map<String, Object> view(Request r) {
            List<VaultNetwork.Vertex> vertices = network.vertices();
            Map<Integer, Integer> distances = new LinkedHashMap<>();
            Integer focus = r.focus() == null ? null : positions.get(base + r.focus());
            if (focus == null) {
                for (int i = 0; i < vertices.size(); i++) if (passes(i, r)) distances.put(i, 0);
            } else {
                ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(focus));
                distances.put(focus, 0);
                while (!queue.isEmpty()) {
                    int at = queue.poll();
                    if (distances.get(at) >= r.depth()) continue;
                    for (int e : edgesOf.get(at)) {
                        VaultNetwork.Edge edge = network.edges().get(e);
                        if (!r.kinds().isEmpty() && !r.kinds().contains(edge.kind())) continue;
                        int other = positions.get(edge.source()) == at ? positions.get(edge.target()) : positions.get(edge.source());
                        if (distances.containsKey(other) || !passes(other, r)) continue;
                        distances.put(other, distances.get(at) + 1);
                        queue.add(other);
                    }
                }
            }
            List<Integer> chosen = new ArrayList<>(distances.keySet());
            chosen.sort(Comparator.comparingInt((Integer i) -> distances.get(i)).thenComparingInt(i -> -degrees[i])
                    .thenComparing(i -> vertices.get(i).label()));
            int matching = chosen.size();
            if (chosen.size() > r.limit()) chosen = focus == null ? hubsAndTheirLinks(chosen, r) : chosen.subList(0, r.limit());
            Set<Integer> shown = new java.util.HashSet<>(chosen);

            List<Map<String, Object>> nodes = new ArrayList<>();
            for (int i : chosen) {
                VaultNetwork.Vertex v = vertices.get(i);
                Map<String, Object> node = new LinkedHashMap<>();
                node.put("id", "n" + i);
                node.put("label", v.label());
                node.put("class", v.className());
                node.put("colour", classColours.getOrDefault(v.className(), OTHER_COLOUR));
                node.put("degree", degrees[i]);
                node.put("distance", distances.get(i));
                String path = v.iri().startsWith(base) ? v.iri().substring(base.length()) : null;
                node.put("href", path == null ? null : "/" + path);
                node.put("graph", path == null ? null : GraphPages.PAGE + "/" + path);
                nodes.add(node);
            }
            List<Map<String, Object>> edges = new ArrayList<>();
            for (int e = 0; e < network.edges().size(); e++) {
                VaultNetwork.Edge edge = network.edges().get(e);
                int source = positions.get(edge.source());
                int target = positions.get(edge.target());
                if (!shown.contains(source) || !shown.contains(target)) continue;
                if (!r.kinds().isEmpty() && !r.kinds().contains(edge.kind())) continue;
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("id", "e" + e);
                out.put("source", "n" + source);
                out.put("target", "n" + target);
                out.put("kind", edge.kind());
                out.put("colour", kindColours.get(edge.kind()));
                out.put("weight", edge.weight());
                edges.add(out);
            }

            Map<String, Object> out = new LinkedHashMap<>();
            out.put("focus", focus == null ? null : "n" + focus);
            out.put("depth", r.depth());
            out.put("limit", r.limit());
            Map<String, Object> total = new LinkedHashMap<>();
            total.put("nodes", vertices.size());
            total.put("edges", network.edges().size());
            out.put("total", total);
            out.put("matching", matching);
            out.put("classes", counted(network.classCounts(), classColours, Integer.MAX_VALUE));
            out.put("kinds", counted(network.kindCounts(), kindColours, 40));
            out.put("tags", counted(tagCounts, Map.of(), 200));
            out.put("nodes", nodes);
            out.put("edges", edges);
            return out;
        }

        /**
         * A sample of the whole vault that keeps its links: the most linked half of the limit, then the
         * nodes with the most links to those (a vault of insights linking to concepts would otherwise show
         * only the concepts, and no link).
         *
         * @param candidates the nodes the filters keep, most linked first
         */
        private List<Integer> hubsAndTheirLinks(List<Integer> candidates, Request r) {
            int hubs = Math.max(1, r.limit() / 2);
            List<Integer> out = new ArrayList<>(candidates.subList(0, hubs));
            Set<Integer> chosen = new java.util.HashSet<>(out);
            Set<Integer> allowed = new java.util.HashSet<>(candidates);
            Map<Integer, Integer> linksToHubs = new HashMap<>();
            for (int hub : out) {
                for (int e : edgesOf.get(hub)) {
                    VaultNetwork.Edge edge = network.edges().get(e);
                    if (!r.kinds().isEmpty() && !r.kinds().contains(edge.kind())) continue;
                    int other = positions.get(edge.source()) == hub ? positions.get(edge.target()) : positions.get(edge.source());
                    if (!chosen.contains(other) && allowed.contains(other)) linksToHubs.merge(other, 1, Integer::sum);
                }
            }
            List<Integer> rest = new ArrayList<>(candidates.subList(hubs, candidates.size()));
            // A stable sort: among nodes with as many links to the hubs, the most linked come first still.
            rest.sort(Comparator.comparingInt((Integer i) -> -linksToHubs.getOrDefault(i, 0)));
            out.addAll(rest.subList(0, r.limit() - hubs));
            return out;
        }

        /** Whether a node is kept by the request's class and tag filters. */
        private boolean passes(int i, Request r) {
            if (!r.classes().isEmpty() && !r.classes().contains(network.vertices().get(i).className())) return false;
            if (r.tag() == null) return true;
            return tags.get(i).stream().anyMatch(t -> t.equals(r.tag()) || t.startsWith(r.tag() + "/"));
        }

        private static List<Map<String, Object>> counted(Map<String, Integer> counts, Map<String, String> colours, int most) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                if (out.size() == most) break;
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("name", e.getKey());
                item.put("count", e.getValue());
                if (colours.containsKey(e.getKey())) item.put("colour", colours.get(e.getKey()));
                out.add(item);
            }
            return out;
        }
    }
}
