package org.vaultgraph.render;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.vaultgraph.dql.graph.GraphLinks;
import org.vaultgraph.query.QueryTemplate;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.rdf.VG;

/**
 * Link targets as the graph describes them: whether a link resolves, and the Metadata Menu
 * fileClass (name and icon) of the note it names.
 *
 * <pre>{@code new ObsidianHtml(new GraphLinkTargets(sparql, links, "Research/Tags/L4-L5.md"))}</pre>
 */
public final class GraphLinkTargets implements ObsidianHtml.LinkTargets {
    private static final QueryTemplate FILE_CLASS = new QueryTemplate("PREFIX vg: <" + VG.NS + ">\n"
            + "SELECT ?name ?icon WHERE { ?note vg:fileClass ?class . ?class vg:name ?name . OPTIONAL { ?class vg:icon ?icon } } LIMIT 1");

    private final SparqlService sparql;
    private final GraphLinks links;
    private final String sourcePath;
    private final Map<String, ObsidianHtml.LinkTarget> cache;

    public GraphLinkTargets(SparqlService sparql, GraphLinks links, String sourcePath) {
        this(sparql, links, sourcePath, new HashMap<>());
    }

    /** With a cache of targets already described, shared by the pages of one snapshot of the graph. */
    public GraphLinkTargets(SparqlService sparql, GraphLinks links, String sourcePath, Map<String, ObsidianHtml.LinkTarget> cache) {
        this.sparql = sparql;
        this.links = links;
        this.sourcePath = sourcePath;
        this.cache = cache;
    }

    @Override
    public Optional<ObsidianHtml.LinkTarget> find(String linkpath) {
        Optional<String> path = links.resolvePath(linkpath, sourcePath);
        if (path.isEmpty()) return Optional.empty();
        String resolved = path.get();
        String iri = links.isAttachment(resolved) ? links.iriOfAttachment(resolved) : links.iriOfNote(resolved);
        return Optional.of(cache.computeIfAbsent(iri, this::describe).withPath(resolved));
    }

    private ObsidianHtml.LinkTarget describe(String iri) {
        RowSetRewindable rows = sparql.select(FILE_CLASS.with("note", NodeFactory.createURI(iri)));
        if (!rows.hasNext()) return new ObsidianHtml.LinkTarget(null, null, null);
        var row = rows.next();
        return new ObsidianHtml.LinkTarget(row.get("name").getLiteralLexicalForm(),
                row.get("icon") == null ? null : row.get("icon").getLiteralLexicalForm(), null);
    }
}
