package org.vaultgraph.rdf;

import java.util.HashSet;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;

/**
 * Writes the quads of one named graph to a sink, each distinct triple once. Triples about a resource
 * minted for one occurrence (a link as written, a list item) cannot repeat and are written with
 * {@link #addOnce}, unremembered, so that memory holds only the note's own set of triples.
 */
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

    /** Writes a triple that nothing else in this graph writes: about a resource of one occurrence, or naming it. */
    void addOnce(Node s, Node p, Node o) {
        sink.quad(new Quad(graph, Triple.create(s, p, o)));
    }
}
