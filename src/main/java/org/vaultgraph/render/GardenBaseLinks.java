package org.vaultgraph.render;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.vaultgraph.dql.graph.GraphLinks;
import org.vaultgraph.query.QueryTemplate;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.rdf.IriMinter;

/**
 * Where a base view's files are on a site. In the published garden, a note marked
 * published is at its permalink and titled by its {@code title} property (else its
 * name), any other note has no page (the site shows a dead link), and images are under
 * {@code /img/user/}. On the local server every note's page is its IRI's path, and files are at theirs.
 * Given {@link LinkAddresses} (a site rendered here), links go where they say, as Dataview's results do.
 */
final class GardenBaseLinks implements BaseLinks {
    private static final QueryTemplate TITLE = new QueryTemplate("SELECT ?title WHERE { ?note ?titleField ?title } LIMIT 1");

    private final SparqlService sparql;
    private final IriMinter iris;
    private final GraphLinks links;
    private final String home;
    private final GardenNotes garden;
    private final LinkAddresses addresses;
    private final Consumer<String> shown;
    private final Map<String, Optional<Target>> pages;

    /**
     * @param home   the vault path of the file the base is written in, from which link texts resolve
     * @param garden    the published notes, for a published garden; null for the local server
     * @param addresses where links point on a site rendered here, or null for the garden's or the local server's addresses
     * @param shown     told the vault path of each attachment a view shows, so that a site can copy it
     * @param pages     the local server's targets already described, shared by the pages of one snapshot of the graph
     */
    GardenBaseLinks(SparqlService sparql, IriMinter iris, GraphLinks links, String home, GardenNotes garden, LinkAddresses addresses,
            Consumer<String> shown, Map<String, Optional<Target>> pages) {
        this.sparql = sparql;
        this.iris = iris;
        this.links = links;
        this.home = home;
        this.garden = garden;
        this.addresses = addresses;
        this.shown = shown;
        this.pages = pages;
    }

    static Map<String, Optional<Target>> cache() {
        return new ConcurrentHashMap<>();
    }

    @Override
    public Optional<Target> page(String path) {
        Optional<Target> local = pages.computeIfAbsent(path, this::describe);
        if (local.isEmpty()) return local;
        // A published base links no attachment: a file no published page shows stays home.
        if (garden != null && !links.isNote(path)) return Optional.empty();
        if (addresses != null) return addresses.href(path, "").map(href -> new Target(href, local.get().title()));
        if (garden == null) return local;
        return garden.permalink(path).map(permalink -> new Target(permalink, local.get().title()));
    }

    /** A file's page on the local server, titled as the garden titles it. */
    private Optional<Target> describe(String path) {
        if (!links.fileExists(path)) return Optional.empty();
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (!links.isNote(path)) return Optional.of(new Target(local(iris.attachment(path)), name));
        Node note = NodeFactory.createURI(iris.note(path));
        RowSetRewindable rows = sparql.select(TITLE.with(Map.of("note", note, "titleField", NodeFactory.createURI(iris.field("title")))));
        String title = name.substring(0, name.length() - 3);
        if (rows.hasNext()) {
            var row = rows.next();
            if (row.get("title") != null && row.get("title").isLiteral()) title = row.get("title").getLiteralLexicalForm();
        }
        return Optional.of(new Target(local(note.getURI()), title));
    }

    /** An IRI of the vault as a path of the local server, which serves every IRI under the base at that path. */
    private String local(String iri) {
        return "/" + iri.substring(iris.base().length());
    }

    @Override
    public String image(String path) {
        if (links.fileExists(path)) shown.accept(path);
        if (addresses != null) return addresses.href(path, "").orElse(null);
        return garden != null ? "/img/user/" + path : local(iris.attachment(path));
    }

    @Override
    public String resolve(String linkText) {
        return links.resolvePath(linkText, home).orElse(null);
    }

    @Override
    public boolean deadLinksAsText() {
        return addresses != null;
    }

    @Override
    public boolean exists(String path) {
        return links.fileExists(path);
    }
}
