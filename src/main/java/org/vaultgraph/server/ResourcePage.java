package org.vaultgraph.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.vaultgraph.rdf.VG;
import org.vaultgraph.render.Html;

/**
 * The HTML page of one resource: its properties, its links out and in as clickable IRIs, the insights
 * that link to it, its tag page, and its other formats. Everything from notes is escaped.
 *
 * <pre>{@code String html = new ResourcePage(prefixes, "http://127.0.0.1:3030/").html(iri, description, neighbours, "/tags/l4-l5/");}</pre>
 */
final class ResourcePage {
    private final PrefixMap prefixes;
    private final String base;

    /** @param base the vault's base IRI: IRIs under it link to this server, wherever it runs */
    ResourcePage(PrefixMap prefixes, String base) {
        this.prefixes = prefixes;
        this.base = base;
    }

    /**
     * @param neighbours labels, classes and statements of the IRIs the description mentions
     * @param tagPage    the permalink of the resource's tag page, or null
     */
    String html(String iri, Graph description, Graph neighbours, String tagPage) {
        Node self = NodeFactory.createURI(iri);
        String title = label(self, neighbours);
        StringBuilder out = new StringBuilder(Pages.head(title)).append(Pages.formatLinks());
        out.append("<h1>").append(Html.text(title)).append("</h1>\n<p><code>").append(Html.text(iri)).append("</code></p>\n");
        if (tagPage != null) out.append("<p><a href=\"").append(Html.attribute(tagPage)).append("\">Tag page</a></p>\n");

        Map<String, List<Node>> properties = new TreeMap<>();
        List<Triple> incoming = new ArrayList<>();
        List<Node> insights = new ArrayList<>();
        description.find(Node.ANY, Node.ANY, Node.ANY).forEachRemaining(t -> {
            if (t.getSubject().equals(self)) {
                properties.computeIfAbsent(t.getPredicate().getURI(), k -> new ArrayList<>()).add(t.getObject());
            } else if (t.getObject().equals(self)) {
                incoming.add(t);
                boolean isInsight = neighbours.contains(t.getSubject(), RDF.type.asNode(), VG.Insight);
                if (isInsight && !insights.contains(t.getSubject())) insights.add(t.getSubject());
            }
        });
        out.append("<h2>Properties</h2>\n<table>\n");
        properties.forEach((predicate, values) -> {
            out.append("<tr><th>").append(link(NodeFactory.createURI(predicate), shortName(predicate))).append("</th><td>");
            values.sort(Comparator.comparing(Node::toString));
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) out.append("<br>");
                out.append(value(values.get(i), predicate, neighbours));
            }
            out.append("</td></tr>\n");
        });
        out.append("</table>\n");
        if (!insights.isEmpty()) {
            out.append("<h2>Insights</h2>\n<ul>\n");
            insights.sort(Comparator.comparing(Node::getURI));
            for (Node insight : insights) {
                out.append("<li>").append(link(insight, label(insight, neighbours)));
                neighbours.find(insight, VG.statement, Node.ANY).forEachRemaining(s ->
                        out.append(": ").append(Html.text(s.getObject().getLiteralLexicalForm())));
                out.append("</li>\n");
            }
            out.append("</ul>\n");
        }
        if (!incoming.isEmpty()) {
            // A link is a resource of its own (<note#link-3>): what links here is the note it is written in.
            Map<String, List<String>> predicatesByNote = new TreeMap<>();
            Map<String, Node> notes = new TreeMap<>();
            for (Triple t : incoming) {
                Node subject = t.getSubject();
                if (subject.isURI() && subject.getURI().contains("#")) subject = NodeFactory.createURI(subject.getURI().substring(0, subject.getURI().indexOf('#')));
                notes.put(subject.toString(), subject);
                predicatesByNote.computeIfAbsent(subject.toString(), k -> new ArrayList<>()).add(shortName(t.getPredicate().getURI()));
            }
            out.append("<h2>Linked from</h2>\n<ul>\n");
            notes.forEach((key, subject) -> {
                Map<String, Integer> counts = new TreeMap<>();
                for (String p : predicatesByNote.get(key)) counts.merge(p, 1, Integer::sum);
                List<String> shown = new ArrayList<>();
                counts.forEach((p, n) -> shown.add(n == 1 ? p : p + " ×" + n));
                out.append("<li>").append(subject.isURI() ? link(subject, label(subject, neighbours)) : Html.text(key))
                        .append(" <small>").append(Html.text(String.join(", ", shown))).append("</small></li>\n");
            });
            out.append("</ul>\n");
        }
        return out.append("</body></html>\n").toString();
    }

    private String value(Node node, String predicate, Graph neighbours) {
        if (node.isURI()) return link(node, label(node, neighbours));
        if (node.isBlank()) return Html.text(node.toString());
        String text = node.getLiteralLexicalForm();
        if (predicate.equals(VG.content.getURI())) {
            return "<details><summary>" + text.length() + " characters</summary><pre>" + Html.text(text) + "</pre></details>";
        }
        return Html.text(text);
    }

    /** A link to an IRI: the vault's own IRIs and ontology terms point at this server, others at themselves. */
    private String link(Node node, String text) {
        String iri = node.getURI();
        String href = iri;
        if (iri.startsWith(VG.NS)) href = "/ns#" + iri.substring(VG.NS.length());
        else if (iri.startsWith(base)) href = "/" + iri.substring(base.length());
        return "<a href=\"" + Html.attribute(href) + "\">" + Html.text(text) + "</a>";
    }

    private String label(Node node, Graph neighbours) {
        var labels = neighbours.find(node, RDFS.label.asNode(), Node.ANY);
        if (labels.hasNext()) return labels.next().getObject().getLiteralLexicalForm();
        String iri = node.getURI();
        if (iri.startsWith(base + "note/")) {
            String decoded = LinkedDataFilter.percentDecode(iri.substring(iri.lastIndexOf('/') + 1));
            if (decoded != null) return decoded;
        }
        return shortName(iri);
    }

    private String shortName(String iri) {
        String abbreviated = prefixes.abbreviate(iri);
        return abbreviated != null ? abbreviated : iri;
    }
}
