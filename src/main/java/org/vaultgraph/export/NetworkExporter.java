package org.vaultgraph.export;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.gexf.GEXFAttributeType;
import org.jgrapht.nio.gexf.GEXFExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;
import org.vaultgraph.query.QueryFile;
import org.vaultgraph.query.SparqlService;

/**
 * Writes the vault as a graph for graph explorers: GraphML (Cytoscape, yEd, Gephi) and GEXF (Gephi),
 * with JGraphT's exporters. Which nodes, edges and attributes it holds is said by three SPARQL
 * queries (by default {@code graph-nodes.rq}, {@code graph-edges.rq} and {@code graph-attributes.rq}
 * of {@code queries/}), as sparna-git/rdf2gephi does, so a user can change the picture.
 *
 * <pre>{@code new NetworkExporter(sparql, queries, base).write(ExportFormat.GRAPHML, out);}</pre>
 *
 * The graph is built in memory (nodes, edges and attributes only), unlike the RDF exports.
 */
public final class NetworkExporter {

    /** The three queries that shape the graph. */
    public record Queries(QueryFile nodes, QueryFile edges, QueryFile attributes) {}

    /** An edge with its type, as the edges query gives it; edges are told apart by identity, as a pseudograph needs. */
    public static final class Edge {
        private final String type;

        Edge(String type) {
            this.type = type;
        }

        public String type() {
            return type;
        }
    }

    private final SparqlService sparql;
    private final Queries queries;
    private final String base;

    public NetworkExporter(SparqlService sparql, Queries queries, String base) {
        this.sparql = sparql;
        this.queries = queries;
        this.base = base;
    }

    public void write(ExportFormat format, OutputStream out) {
        Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
        Graph<String, Edge> graph = new DirectedPseudograph<>(null, null, false);
        sparql.select(parse(queries.nodes())).forEachRemaining((Binding row) -> {
            String node = iri(row.get("node"));
            if (node == null) return;
            Map<String, String> attributes = nodes.computeIfAbsent(node, k -> new LinkedHashMap<>());
            attributes.put("iri", node);
            putIfBound(attributes, "label", row.get("label"));
            putIfBound(attributes, "class", row.get("class"));
            graph.addVertex(node);
        });
        Set<String> attributeNames = new LinkedHashSet<>();
        sparql.select(parse(queries.attributes())).forEachRemaining((Binding row) -> {
            Map<String, String> attributes = nodes.get(iri(row.get("node")));
            Node name = row.get("attribute");
            Node value = row.get("value");
            if (attributes == null || name == null || value == null) return;
            String key = text(name);
            attributeNames.add(key);
            attributes.merge(key, text(value), (a, b) -> a + "; " + b);
        });
        sparql.select(parse(queries.edges())).forEachRemaining((Binding row) -> {
            String source = iri(row.get("source"));
            String target = iri(row.get("target"));
            if (source == null || target == null || !graph.containsVertex(source) || !graph.containsVertex(target)) return;
            graph.addEdge(source, target, new Edge(row.get("edge") == null ? "link" : text(row.get("edge"))));
        });

        Map<String, String> ids = new HashMap<>();
        for (String node : graph.vertexSet()) ids.put(node, "n" + ids.size());
        Map<Edge, String> edgeIds = new HashMap<>();
        for (Edge edge : graph.edgeSet()) edgeIds.put(edge, "e" + edgeIds.size());

        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (format == ExportFormat.GRAPHML) {
            GraphMLExporter<String, Edge> exporter = new GraphMLExporter<>(ids::get);
            exporter.setEdgeIdProvider(edgeIds::get);
            exporter.registerAttribute("label", GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
            exporter.registerAttribute("iri", GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
            exporter.registerAttribute("class", GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
            attributeNames.forEach(a -> exporter.registerAttribute(a, GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING));
            exporter.registerAttribute("type", GraphMLExporter.AttributeCategory.EDGE, AttributeType.STRING);
            exporter.setVertexAttributeProvider(v -> attributes(nodes.get(v)));
            exporter.setEdgeAttributeProvider(e -> Map.of("type", DefaultAttribute.createAttribute(e.type())));
            exporter.exportGraph(graph, writer);
        } else if (format == ExportFormat.GEXF) {
            GEXFExporter<String, Edge> exporter = new GEXFExporter<>(ids::get, edgeIds::get);
            exporter.setCreator("vaultgraph");
            exporter.registerAttribute("iri", GEXFExporter.AttributeCategory.NODE, GEXFAttributeType.STRING);
            exporter.registerAttribute("class", GEXFExporter.AttributeCategory.NODE, GEXFAttributeType.STRING);
            attributeNames.forEach(a -> exporter.registerAttribute(a, GEXFExporter.AttributeCategory.NODE, GEXFAttributeType.STRING));
            // GEXF keeps "type" and "label" for itself: the edge's type is its label and its "relation".
            exporter.registerAttribute("relation", GEXFExporter.AttributeCategory.EDGE, GEXFAttributeType.STRING);
            exporter.setVertexAttributeProvider(v -> attributes(nodes.get(v)));
            exporter.setEdgeAttributeProvider(e -> Map.of("relation", DefaultAttribute.createAttribute(e.type()),
                    "label", DefaultAttribute.createAttribute(e.type())));
            exporter.exportGraph(graph, writer);
        } else {
            throw new IllegalArgumentException(format.id() + " is not a graph-drawing format");
        }
    }

    private Query parse(QueryFile file) {
        return file.bind(base, Map.of());
    }

    private static Map<String, Attribute> attributes(Map<String, String> values) {
        Map<String, Attribute> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, DefaultAttribute.createAttribute(v)));
        return out;
    }

    private static void putIfBound(Map<String, String> attributes, String key, Node value) {
        if (value != null) attributes.put(key, text(value));
    }

    private static String iri(Node node) {
        return node != null && node.isURI() ? node.getURI() : null;
    }

    private static String text(Node node) {
        return node.isLiteral() ? node.getLiteralLexicalForm() : node.toString();
    }
}
