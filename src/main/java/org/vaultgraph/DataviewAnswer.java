package org.vaultgraph;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.vaultgraph.dql.DqlEngine;
import org.vaultgraph.dql.DqlResult;
import org.vaultgraph.dql.graph.GraphLinks;
import org.vaultgraph.dql.graph.GraphPages;
import org.vaultgraph.dql.value.DvClock;
import org.vaultgraph.dql.value.QuerySettings;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.rdf.IriMinter;
import org.vaultgraph.render.Cells;
import org.vaultgraph.render.DataviewRenderer;
import org.vaultgraph.render.GraphLinkTargets;
import org.vaultgraph.render.ObsidianHtml;
import org.vaultgraph.render.TextTable;

/**
 * What a Dataview query gave: its headings and rows as text, a table for the terminal, or the HTML
 * table Dataview draws in Obsidian.
 *
 * <pre>{@code
 * DataviewAnswer answer = graph.dql("TABLE rating FROM #book SORT rating DESC");
 * answer.headings(); // ["File", "rating"]
 * answer.rows();     // [["[[Dune]]", "5"], ...]
 * }</pre>
 */
public final class DataviewAnswer {
    private final DqlResult result;
    private final SparqlService sparql;
    private final GraphLinks links;
    private final String origin;
    private final ZoneId zone;

    private DataviewAnswer(DqlResult result, SparqlService sparql, GraphLinks links, String origin, ZoneId zone) {
        this.result = result;
        this.sparql = sparql;
        this.links = links;
        this.origin = origin;
        this.zone = zone;
    }

    /** The engine and the path of the note the query is written in. */
    private record Setting(DqlEngine engine, GraphLinks links, String origin) {}

    private static Setting setting(SparqlService sparql, IriMinter iris, ZoneId zone, String fromNote) {
        GraphPages pages = GraphPages.of(sparql, iris, zone);
        GraphLinks links = pages.files();
        String origin = fromNote == null ? null
                : links.resolvePath(fromNote, "").orElseThrow(() -> new IllegalArgumentException("no note named '" + fromNote + "' in the vault"));
        return new Setting(new DqlEngine(pages, QuerySettings.DEFAULTS, DvClock::system), links, origin);
    }

    static DataviewAnswer run(SparqlService sparql, IriMinter iris, ZoneId zone, String query, String fromNote) {
        Setting setting = setting(sparql, iris, zone, fromNote);
        return new DataviewAnswer(setting.engine().run(query, setting.origin()), sparql, setting.links(), setting.origin(), zone);
    }

    static String pagesQuery(SparqlService sparql, IriMinter iris, ZoneId zone, String query, String fromNote) {
        Setting setting = setting(sparql, iris, zone, fromNote);
        return setting.engine().describeSource(query, setting.origin());
    }

    /** The column headings: a table's own (the first "File" or the group's name when shown), "value" for a list. */
    public List<String> headings() {
        List<String> headings = new ArrayList<>();
        TextTable.rows(result, headings);
        return headings;
    }

    /** The rows, each value as Dataview writes it in text (links as {@code [[...]]}, null as "-"). */
    public List<List<String>> rows() {
        return TextTable.rows(result, new ArrayList<>());
    }

    /** The result as a text table, with the number of rows. */
    public String text() {
        return TextTable.render(result);
    }

    /** The result as the HTML table (or list) Dataview draws, links as Obsidian writes them. */
    public String html() {
        return new DataviewRenderer(new ObsidianHtml(new GraphLinkTargets(sparql, links, origin == null ? "" : origin)),
                new Cells(QuerySettings.DEFAULTS, zone)).render(result);
    }
}
