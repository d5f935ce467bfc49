package org.vaultgraph.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;

/**
 * Which vault owns which base IRI in a shared store, kept in the store itself so that every
 * researcher pushing there sees it: one graph, {@value #GRAPH}, with for each vault
 * {@code <base> dcterms:publisher <urn:uuid:VAULT>} and {@code <urn:uuid:VAULT> rdfs:label "host:folder"}.
 */
final class StoreClaims {
    static final String GRAPH = "urn:vaultgraph:push-claims";

    /** A base IRI and the vault that pushes under it. */
    record Claim(String base, String vaultId, String label) {}

    private final List<Claim> claims;

    private StoreClaims(List<Claim> claims) {
        this.claims = claims;
    }

    static StoreClaims read(GraphStoreClient store) {
        Graph graph = store.get(GRAPH);
        List<Claim> claims = new ArrayList<>();
        if (graph != null) {
            graph.find(Node.ANY, DCTerms.publisher.asNode(), Node.ANY).forEachRemaining(t -> {
                if (!t.getSubject().isURI() || !t.getObject().isURI()) return;
                String vault = t.getObject().getURI().replaceFirst("^urn:uuid:", "");
                String label = graph.find(t.getObject(), RDFS.label.asNode(), Node.ANY).nextOptional()
                        .map(l -> l.getObject().isLiteral() ? l.getObject().getLiteralLexicalForm() : "").orElse("");
                claims.add(new Claim(t.getSubject().getURI(), vault, label));
            });
        }
        return new StoreClaims(claims);
    }

    /** The claim of another vault on this base, or on a base that contains it or that it contains. */
    Optional<Claim> conflict(String base, String vaultId) {
        return claims.stream()
                .filter(c -> !c.vaultId().equals(vaultId))
                .filter(c -> c.base().startsWith(base) || base.startsWith(c.base()))
                .findFirst();
    }

    /** The claim on exactly this base, if any. */
    Optional<Claim> on(String base) {
        return claims.stream().filter(c -> c.base().equals(base)).findFirst();
    }

    /** Whether this vault already claims exactly this base and nothing else. */
    boolean claimsOnly(String base, String vaultId, String label) {
        List<Claim> own = claims.stream().filter(c -> c.vaultId().equals(vaultId)).toList();
        return own.size() == 1 && own.get(0).base().equals(base) && own.get(0).label().equals(label);
    }

    /** Records that this vault pushes under this base (and no longer under a base it used before). */
    static void record(GraphStoreClient store, String base, String vaultId, String label) {
        // Read again just before writing, to keep the window in which another vault's claim could be lost short.
        Graph graph = store.get(GRAPH);
        if (graph == null) graph = GraphFactory.createDefaultGraph();
        Node vault = NodeFactory.createURI("urn:uuid:" + vaultId);
        List<Triple> stale = new ArrayList<>();
        graph.find(Node.ANY, Node.ANY, vault).forEachRemaining(stale::add);
        graph.find(vault, Node.ANY, Node.ANY).forEachRemaining(stale::add);
        stale.forEach(graph::delete);
        graph.add(Triple.create(NodeFactory.createURI(base), DCTerms.publisher.asNode(), vault));
        graph.add(Triple.create(vault, RDFS.label.asNode(), NodeFactory.createLiteralString(label)));
        store.put(GRAPH, graph);
    }
}
