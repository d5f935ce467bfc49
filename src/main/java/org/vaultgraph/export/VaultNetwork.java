package org.vaultgraph.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.vaultgraph.query.QueryCatalog;
import org.vaultgraph.query.QueryFile;
import org.vaultgraph.query.SparqlService;

/**
 * The vault as a network of notes, attachments and link targets joined by edges of a kind (a link, an
 * embed, or the name of the field a link is the value of), as three SPARQL queries say: by default
 * {@code graph-nodes.rq}, {@code graph-edges.rq} and {@code graph-attributes.rq} of {@code queries/}.
 * The graph exports write it, and the server's graph pages draw it.
 *
 * <pre>{@code VaultNetwork network = VaultNetwork.build(sparql, VaultNetwork.Queries.bundled(), base);}</pre>
 *
 * @param vertices every node, in the order the nodes query gives them
 * @param edges    every edge between two of them, one per source, kind and target, in the order of their nodes
 * @param lists    the attributes the attributes query says are lists (tags), whatever their values
 */
public record VaultNetwork(List<Vertex> vertices, List<Edge> edges, Set<String> lists) {

    /** The three queries that shape the network. */
    public record Queries(QueryFile nodes, QueryFile edges, QueryFile attributes) {
        public static Queries bundled() {
            return new Queries(QueryCatalog.named("graph-nodes.rq"), QueryCatalog.named("graph-edges.rq"),
                    QueryCatalog.named("graph-attributes.rq"));
        }
    }

    /**
     * A node: a resource of the vault with its label, its class (the first the nodes query gives) and its
     * attributes (typed literals, several when the attribute has several values).
     */
    public record Vertex(String iri, String label, String className, Map<String, List<Node>> attributes) {}

    /** An edge of one kind from one node to another; {@code weight} is how many times it is written. */
    public record Edge(String source, String target, String kind, int weight) {}

    public static VaultNetwork build(SparqlService sparql, Queries queries, String base) {
        Map<String, Vertex> vertices = new LinkedHashMap<>();
        sparql.select(parse(queries.nodes(), base)).forEachRemaining((Binding row) -> {
            String iri = iri(row.get("node"));
            if (iri == null || vertices.containsKey(iri)) return;
            Node label = row.get("label");
            Node className = row.get("class");
            vertices.put(iri, new Vertex(iri, label == null ? iri : text(label), className == null ? "" : text(className),
                    new LinkedHashMap<>()));
        });
        Set<String> lists = new HashSet<>();
        sparql.select(parse(queries.attributes(), base)).forEachRemaining((Binding row) -> {
            Vertex vertex = vertices.get(iri(row.get("node")));
            Node name = row.get("attribute");
            Node value = row.get("value");
            if (vertex == null || name == null || value == null || !value.isLiteral()) return;
            Node list = row.get("list");
            if (list != null && list.isLiteral() && "true".equals(list.getLiteralLexicalForm())) lists.add(text(name));
            List<Node> values = vertex.attributes().computeIfAbsent(text(name), k -> new ArrayList<>());
            if (!values.contains(value)) values.add(value);
        });
        // Rows of the same source, kind and target add up to one edge.
        Map<List<String>, Integer> weights = new HashMap<>();
        sparql.select(parse(queries.edges(), base)).forEachRemaining((Binding row) -> {
            String source = iri(row.get("source"));
            String target = iri(row.get("target"));
            if (!vertices.containsKey(source) || !vertices.containsKey(target)) return;
            Node kind = row.get("edge");
            Node weight = row.get("weight");
            int count = weight != null && weight.isLiteral() && weight.getLiteralValue() instanceof Number n ? n.intValue() : 1;
            weights.merge(List.of(source, kind == null ? "link" : text(kind), target), count, Integer::sum);
        });
        // In the order of the nodes, so that the same graph is always written the same way.
        List<String> order = new ArrayList<>(vertices.keySet());
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) position.put(order.get(i), i);
        List<Edge> edges = new ArrayList<>();
        weights.forEach((key, weight) -> edges.add(new Edge(key.get(0), key.get(2), key.get(1), weight)));
        edges.sort(Comparator.comparingInt((Edge e) -> position.get(e.source())).thenComparingInt(e -> position.get(e.target()))
                .thenComparing(Edge::kind));
        return new VaultNetwork(List.copyOf(vertices.values()), List.copyOf(edges), Set.copyOf(lists));
    }

    /** How many other nodes each node is joined to, by an edge either way, by IRI. */
    public Map<String, Integer> degrees() {
        Map<String, Set<String>> neighbours = new HashMap<>();
        for (Edge e : edges) {
            neighbours.computeIfAbsent(e.source(), k -> new HashSet<>()).add(e.target());
            neighbours.computeIfAbsent(e.target(), k -> new HashSet<>()).add(e.source());
        }
        Map<String, Integer> out = new HashMap<>();
        for (Vertex v : vertices) out.put(v.iri(), neighbours.getOrDefault(v.iri(), Set.of()).size());
        return out;
    }

    /** How many nodes each class has, most first (ties by name). */
    public LinkedHashMap<String, Integer> classCounts() {
        Map<String, Integer> counts = new HashMap<>();
        for (Vertex v : vertices) counts.merge(v.className(), 1, Integer::sum);
        return sortedByCount(counts);
    }

    /** How many edges each kind has, most first (ties by name). */
    public LinkedHashMap<String, Integer> kindCounts() {
        Map<String, Integer> counts = new HashMap<>();
        for (Edge e : edges) counts.merge(e.kind(), 1, Integer::sum);
        return sortedByCount(counts);
    }

    /** Counts ordered most first, ties by name. */
    public static LinkedHashMap<String, Integer> sortedByCount(Map<String, Integer> counts) {
        LinkedHashMap<String, Integer> out = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEachOrdered(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static Query parse(QueryFile file, String base) {
        return file.bind(base, Map.of());
    }

    private static String iri(Node node) {
        return node != null && node.isURI() ? node.getURI() : null;
    }

    private static String text(Node node) {
        return node.isLiteral() ? node.getLiteralLexicalForm() : node.toString();
    }
}
