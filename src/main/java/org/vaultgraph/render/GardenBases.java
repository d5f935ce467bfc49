package org.vaultgraph.render;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.vaultgraph.bases.BaseEngine;
import org.vaultgraph.bases.BaseException;
import org.vaultgraph.bases.BaseSource;
import org.vaultgraph.bases.graph.GraphFiles;
import org.vaultgraph.bases.view.ViewResult;
import org.vaultgraph.dql.graph.GraphLinks;
import org.vaultgraph.dql.value.DvClock;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.rdf.IriMinter;
import org.vaultgraph.rdf.VG;

/**
 * The Obsidian bases of a garden: their views run on the graph and drawn for the compiler (in a note's
 * page), a page of its own for each base file on the local server, and where their files' links go.
 * Like its {@link GardenPublisher}, a snapshot of the graph.
 */
final class GardenBases {
    private final SparqlService sparql;
    private final IriMinter iris;
    private final GraphLinks links;
    private final BaseEngine engine;
    private final Map<String, Optional<BaseLinks.Target>> targets = GardenBaseLinks.cache();

    GardenBases(SparqlService sparql, IriMinter iris, GraphLinks links, ZoneId zone) {
        this.sparql = sparql;
        this.iris = iris;
        this.links = links;
        this.engine = new BaseEngine(GraphFiles.of(sparql, iris, links, zone), () -> new DvClock(zone, java.time.Instant.now()));
    }

    /**
     * How the compiler draws bases: on a published garden links go to the garden's permalinks (or where
     * {@code addresses} says) and never to an attachment; on the local server to the server's pages.
     *
     * @param garden      the published notes, or null on the local server
     * @param interactive one toolbar switching views by script, as the garden site draws them; else views one after the other
     */
    GardenMarkdown.Bases drawer(GardenNotes garden, LinkAddresses addresses, boolean interactive) {
        return new GardenMarkdown.Bases() {
            @Override
            public String render(BaseSource source, String view, String thisPath, Set<String> attachments) throws BaseException {
                List<ViewResult> results = engine.runAll(source, thisPath);
                if (view != null) {
                    // A view named but missing shows them all, as the plugin does.
                    List<ViewResult> chosen = results.stream().filter(r -> r.view().name().equals(view)).toList();
                    if (!chosen.isEmpty()) results = chosen;
                }
                BaseLinks where = new GardenBaseLinks(sparql, iris, links, source.path(), garden, addresses, attachments::add, targets);
                return new BaseHtml(where, interactive).views(results);
            }

            @Override
            public Optional<String> text(String basePath) {
                return GardenBases.this.text(basePath);
            }
        };
    }

    /** Where a base's files are, for a base written in {@code home}, on a garden publishing {@code published}. */
    BaseLinks links(String home, GardenNotes published) {
        return new GardenBaseLinks(sparql, iris, links, home, published, null, path -> { }, targets);
    }

    /** The text of a base file, as the graph keeps it; empty when the path is no base. */
    Optional<String> text(String basePath) {
        RowSetRewindable rows = sparql.select(QueryFactory.create("PREFIX vg: <" + VG.NS + ">\nSELECT ?text WHERE { <"
                + iris.attachment(basePath) + "> vg:baseText ?text }"));
        return rows.hasNext() ? Optional.of(rows.next().get("text").getLiteralLexicalForm()) : Optional.empty();
    }

    /** The base files of the vault, by the address of their page on the local server. */
    Map<String, String> permalinks() {
        RowSetRewindable rows = sparql.select(QueryFactory.create("PREFIX vg: <" + VG.NS + ">\n"
                + "SELECT ?path WHERE { ?file a vg:Base , vg:Attachment ; vg:path ?path } ORDER BY ?path"));
        Map<String, String> out = new LinkedHashMap<>();
        rows.forEachRemaining(row -> {
            String path = row.get("path").getLiteralLexicalForm();
            out.put(Slugify.permalink(path.substring(0, path.length() - ".base".length()) + "-base.md"), path);
        });
        return out;
    }

    /** The page of a base file on the local server: its views, {@code this} being the base file itself. */
    Optional<GardenPublisher.Page> page(String basePath, LinkAddresses addresses) {
        Optional<String> text = text(basePath);
        if (text.isEmpty()) return Optional.empty();
        String html;
        List<String> errors = List.of();
        try {
            html = drawer(null, addresses, false).render(new BaseSource(basePath, 1, text.get()), null, basePath, new HashSet<>());
        } catch (BaseException e) {
            errors = List.of(e.getMessage());
            html = BaseHtml.error(e.getMessage());
        }
        String name = basePath.substring(basePath.lastIndexOf('/') + 1);
        String markdown = "---\n" + Json.write(Map.of("title", basePath)) + "\n---\n# " + name + "\n\n" + html + "\n";
        return Optional.of(new GardenPublisher.Page(basePath, "", name, markdown, errors, List.of(), Set.of()));
    }
}
