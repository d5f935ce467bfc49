package org.vaultgraph.server;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.vaultgraph.rdf.OntologyFiles;
import org.vaultgraph.rdf.VG;
import org.vaultgraph.render.Html;

/**
 * The vaultgraph ontology as the server serves it at {@code /ns}: its namespace IRI
 * ({@code https://w3id.org/vaultgraph/ns}) maps to this address.
 */
final class Ontology {
    private final Graph graph;

    Ontology() {
        graph = OntologyFiles.ontology();
    }

    Graph graph() {
        return graph;
    }

    /** A page that lists every class and property, each at an anchor named after the term. */
    String html() {
        StringBuilder out = new StringBuilder(Pages.head("vaultgraph ontology")).append(Pages.formatLinks());
        out.append("<h1>vaultgraph ontology</h1>\n<p><code>").append(Html.text(VG.NS)).append("</code></p>\n<p>")
                .append(Html.text(literal(NodeFactory.createURI(VG.ONTOLOGY), NodeFactory.createURI(VG.DCTERMS + "description"))))
                .append("</p>\n");
        section(out, "Classes", OWL.Class.asNode());
        section(out, "Object properties", OWL.ObjectProperty.asNode());
        section(out, "Datatype properties", OWL.DatatypeProperty.asNode());
        return out.append("</body></html>\n").toString();
    }

    private void section(StringBuilder out, String title, Node type) {
        List<Node> terms = new ArrayList<>();
        graph.find(Node.ANY, RDF.type.asNode(), type).forEachRemaining(t -> terms.add(t.getSubject()));
        terms.sort((a, b) -> a.getURI().compareTo(b.getURI()));
        out.append("<h2>").append(title).append("</h2>\n<dl>\n");
        for (Node term : terms) {
            String local = term.getURI().substring(VG.NS.length());
            out.append("<dt id=\"").append(Html.attribute(local)).append("\"><code>vg:").append(Html.text(local)).append("</code> — ")
                    .append(Html.text(literal(term, RDFS.label.asNode()))).append("</dt>\n<dd>")
                    .append(Html.text(literal(term, RDFS.comment.asNode()))).append("</dd>\n");
        }
        out.append("</dl>\n");
    }

    private String literal(Node subject, Node predicate) {
        var it = graph.find(subject, predicate, Node.ANY);
        return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : "";
    }
}
