package org.vaultgraph.rdf;

import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;

/**
 * Makes equal nodes one object while a vault's quads are gathered for a store in memory: the mapper
 * makes a new node each time it writes one, so the same field property, note IRI, tag, number or
 * date would otherwise sit in memory once per quad. Only IRIs without a fragment and short literals
 * are shared, the ones that repeat across notes; a note's fragments and texts are its own.
 * Safe for the mapping threads to share.
 *
 * <pre>{@code Quad shared = sharedNodes.share(quad);}</pre>
 */
final class SharedNodes {
    /** Literals up to this length (numbers, dates, booleans, short values) are shared. */
    private static final int SHORT_LITERAL = 32;

    private final ConcurrentHashMap<Node, Node> nodes = new ConcurrentHashMap<>();

    Quad share(Quad quad) {
        Node g = share(quad.getGraph());
        Node s = share(quad.getSubject());
        Node p = share(quad.getPredicate());
        Node o = share(quad.getObject());
        boolean same = g == quad.getGraph() && s == quad.getSubject() && p == quad.getPredicate() && o == quad.getObject();
        return same ? quad : Quad.create(g, s, p, o);
    }

    private Node share(Node node) {
        if (!worthSharing(node)) return node;
        Node known = nodes.putIfAbsent(node, node);
        return known == null ? node : known;
    }

    private static boolean worthSharing(Node node) {
        if (node.isURI()) return node.getURI().indexOf('#') < 0;
        return node.isLiteral() && node.getLiteralLexicalForm().length() <= SHORT_LITERAL;
    }
}
