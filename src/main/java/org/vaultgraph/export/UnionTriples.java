package org.vaultgraph.export;

import java.util.HashSet;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.Quad;

/**
 * Streams the notes' quads as the triples of their union graph, each distinct triple once.
 *
 * <pre>{@code StreamRDF triples = new UnionTriples(StreamRDFWriter.getWriterStream(out, RDFFormat.NTRIPLES));}</pre>
 *
 * Why it remembers so little: a triple whose subject is the graph's own IRI or a node minted under it
 * ({@code <note>#link-3}) is written in that graph alone, and the mapper writes each triple of a graph
 * once, so it passes straight through; only triples about resources several notes describe (field
 * properties, tags, unresolved link targets, whatever else is not minted under the note) can repeat,
 * and only those are remembered, so memory grows with the vault's vocabulary, not with its notes.
 */
final class UnionTriples extends StreamRDFWrapper {
    private final Set<Triple> shared = new HashSet<>();

    UnionTriples(StreamRDF triples) {
        super(triples);
    }

    @Override
    public void quad(Quad quad) {
        Triple triple = quad.asTriple();
        if (ownedByGraph(quad.getGraph(), quad.getSubject()) || shared.add(triple)) super.triple(triple);
    }

    private static boolean ownedByGraph(Node graph, Node subject) {
        if (!graph.isURI() || !subject.isURI()) return false;
        String g = graph.getURI();
        String s = subject.getURI();
        return s.startsWith(g) && (s.length() == g.length() || s.charAt(g.length()) == '#');
    }
}
