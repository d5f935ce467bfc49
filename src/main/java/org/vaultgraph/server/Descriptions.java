package org.vaultgraph.server;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.vaultgraph.rdf.VG;

/**
 * What the server says about one of the vault's IRIs: the statements about it and the statements
 * that point at it; for a note, its whole named graph (with the link, field and query resources
 * whose IRIs are fragments of the note's).
 *
 * <pre>{@code Optional<Graph> about = descriptions.describe("http://127.0.0.1:3030/note/Research/Tags/L4-L5");}</pre>
 */
final class Descriptions {
    /** What a page needs to know about the neighbours of a resource to show them by name. */
    private static final List<Node> NEIGHBOUR_FACTS = List.of(RDFS.label.asNode(), RDF.type.asNode(), VG.statement);

    private final DatasetGraph dataset;

    Descriptions(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    /** The description, or empty when the vault says nothing about that IRI. */
    Optional<Graph> describe(String iri) {
        Node node = NodeFactory.createURI(iri);
        return Txn.calculateRead(dataset, () -> {
            Graph out = GraphFactory.createDefaultGraph();
            if (dataset.containsGraph(node)) {
                Iterator<Quad> quads = dataset.find(node, Node.ANY, Node.ANY, Node.ANY);
                while (quads.hasNext()) out.add(quads.next().asTriple());
            }
            Graph union = dataset.getUnionGraph();
            copy(union.find(node, Node.ANY, Node.ANY), out);
            copy(union.find(Node.ANY, Node.ANY, node), out);
            return out.isEmpty() ? Optional.empty() : Optional.of(out);
        });
    }

    /**
     * The same description as quads: a note's own triples in its named graph, the others in the default
     * graph (the union of every note's graph, where each of them is).
     */
    DatasetGraph quads(String iri, Graph description) {
        Node node = NodeFactory.createURI(iri);
        DatasetGraph out = DatasetGraphFactory.create();
        Txn.executeRead(dataset, () -> {
            boolean isGraph = dataset.containsGraph(node);
            if (isGraph) dataset.find(node, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(out::add);
            description.find().forEachRemaining(t -> {
                if (!(isGraph && out.contains(node, t.getSubject(), t.getPredicate(), t.getObject()))) out.getDefaultGraph().add(t);
            });
        });
        return out;
    }

    /** The labels, classes and insight statements of every IRI a description mentions. */
    Graph neighbours(Graph description) {
        Set<Node> mentioned = new HashSet<>();
        description.find().forEachRemaining(t -> {
            if (t.getSubject().isURI()) mentioned.add(t.getSubject());
            if (t.getObject().isURI()) mentioned.add(t.getObject());
        });
        return Txn.calculateRead(dataset, () -> {
            Graph union = dataset.getUnionGraph();
            Graph out = GraphFactory.createDefaultGraph();
            for (Node node : mentioned) {
                for (Node predicate : NEIGHBOUR_FACTS) copy(union.find(node, predicate, Node.ANY), out);
            }
            return out;
        });
    }

    private static void copy(Iterator<Triple> triples, Graph into) {
        while (triples.hasNext()) into.add(triples.next());
    }
}
