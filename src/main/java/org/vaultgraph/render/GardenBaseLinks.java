package org.vaultgraph.render;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.vaultgraph.dql.graph.GraphLinks;
import org.vaultgraph.query.QueryTemplate;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.rdf.IriMinter;
import org.vaultgraph.rdf.VG;

/**
 * Where a base view's files are on a site. In the published garden, a note marked
 * {@code dg-publish: true} is at its permalink and titled by its {@code title} property (else its
 * name), any other note has no page (the site shows a dead link), and images are under
 * {@code /img/user/}. On the local server every note's page is its IRI's path, and files are at theirs.
 */
final class GardenBaseLinks implements BaseLinks {
    private static final QueryTemplate NOTE = new QueryTemplate("SELECT ?publish ?permalink ?title WHERE { ?note ?path ?p "
            + "OPTIONAL { ?note ?publishField ?publish } OPTIONAL { ?note ?permalinkField ?permalink } OPTIONAL { ?note ?titleField ?title } } LIMIT 1");

    private final SparqlService sparql;
    private final IriMinter iris;
    private final GraphLinks links;
    private final String home;
    private final boolean garden;
    private final Map<String, Optional<Target>> pages;

    /**
     * @param home   the vault path of the file the base is written in, from which link texts resolve
     * @param garden true for the published garden's addresses, false for the local server's
     * @param pages  targets already described, shared by the pages of one snapshot of the graph
     */
    GardenBaseLinks(SparqlService sparql, IriMinter iris, GraphLinks links, String home, boolean garden, Map<String, Optional<Target>> pages) {
        this.sparql = sparql;
        this.iris = iris;
        this.links = links;
        this.home = home;
        this.garden = garden;
        this.pages = pages;
    }

    static Map<String, Optional<Target>> cache() {
        return new ConcurrentHashMap<>();
    }

    @Override
    public Optional<Target> page(String path) {
        return pages.computeIfAbsent((garden ? "g:" : "l:") + path, k -> describe(path));
    }

    private Optional<Target> describe(String path) {
        if (!links.fileExists(path)) return Optional.empty();
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (!links.isNote(path)) return garden ? Optional.empty() : Optional.of(new Target(local(iris.attachment(path)), name));
        Node note = NodeFactory.createURI(iris.note(path));
        RowSetRewindable rows = sparql.select(NOTE.with(Map.of("note", note, "path", VG.path,
                "publishField", NodeFactory.createURI(iris.field(GardenPublisher.PUBLISH_KEY)),
                "permalinkField", NodeFactory.createURI(iris.field("dg-permalink")), "titleField", NodeFactory.createURI(iris.field("title")))));
        String title = name.substring(0, name.length() - 3);
        String permalink = null;
        boolean published = false;
        if (rows.hasNext()) {
            var row = rows.next();
            if (row.get("title") != null && row.get("title").isLiteral()) title = row.get("title").getLiteralLexicalForm();
            if (row.get("permalink") != null && row.get("permalink").isLiteral()) permalink = row.get("permalink").getLiteralLexicalForm();
            published = row.get("publish") != null && row.get("publish").isLiteral() && "true".equals(row.get("publish").getLiteralLexicalForm());
        }
        if (!garden) return Optional.of(new Target(local(note.getURI()), title));
        return published ? Optional.of(new Target(GardenPublisher.permalinkOf(path, permalink), title)) : Optional.empty();
    }

    /** An IRI of the vault as a path of the local server, which serves every IRI under the base at that path. */
    private String local(String iri) {
        return "/" + iri.substring(iris.base().length());
    }

    @Override
    public String image(String path) {
        return garden ? "/img/user/" + path : local(iris.attachment(path));
    }

    @Override
    public String resolve(String linkText) {
        return links.resolvePath(linkText, home).orElse(null);
    }

    @Override
    public boolean exists(String path) {
        return links.fileExists(path);
    }
}
