package org.vaultgraph.rdf;

import java.util.HashSet;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;

/** Writes the quads of one named graph to a sink, each distinct triple once. */
final class QuadEmitter {
    final Node graph;
    private final StreamRDF sink;
    private final Set<Triple> seen = new HashSet<>();

    QuadEmitter(Node graph, StreamRDF sink) {
        this.graph = graph;
        this.sink = sink;
    }

    void add(Node s, Node p, Node o) {
        Triple t = Triple.create(s, p, o);
        if (seen.add(t)) sink.quad(new Quad(graph, t));
    }
}
