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
import org.vaultgraph.render.DelimitedTable;
import org.vaultgraph.render.GraphLinkTargets;
import org.vaultgraph.render.MarkdownExport;
import org.vaultgraph.render.ObsidianHtml;
import org.vaultgraph.render.ResultJson;
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
    private final Setting setting;
    private final String query;
    private final ZoneId zone;

    private DataviewAnswer(DqlResult result, SparqlService sparql, Setting setting, String query, ZoneId zone) {
        this.result = result;
        this.sparql = sparql;
        this.setting = setting;
        this.query = query;
        this.zone = zone;
    }

    /** The engine and the path of the note the query is written in. */
    private record Setting(DqlEngine engine, GraphLinks links, String origin) {}

    private static Setting setting(GraphPages pages, String fromNote) {
        GraphLinks links = pages.files();
        String origin = fromNote == null ? null
                : links.resolvePath(fromNote, "").orElseThrow(() -> new IllegalArgumentException("no note named '" + fromNote + "' in the vault"));
        return new Setting(new DqlEngine(pages, QuerySettings.DEFAULTS, DvClock::system), links, origin);
    }

    static DataviewAnswer run(SparqlService sparql, IriMinter iris, ZoneId zone, String query, String fromNote) {
        return run(sparql, GraphPages.of(sparql, iris, zone), zone, query, fromNote);
    }

    /** On a store holding the vault's graphs among others (a team store): pages are found by their named graphs. */
    static DataviewAnswer runRemote(SparqlService sparql, IriMinter iris, ZoneId zone, String query, String fromNote) {
        return run(sparql, GraphPages.remote(sparql, iris, zone), zone, query, fromNote);
    }

    private static DataviewAnswer run(SparqlService sparql, GraphPages pages, ZoneId zone, String query, String fromNote) {
        Setting setting = setting(pages, fromNote);
        return new DataviewAnswer(setting.engine().run(query, setting.origin()), sparql, setting, query, zone);
    }

    static String pagesQuery(SparqlService sparql, IriMinter iris, ZoneId zone, String query, String fromNote) {
        Setting setting = setting(GraphPages.of(sparql, iris, zone), fromNote);
        return setting.engine().describeSource(query, setting.origin());
    }

    /** Whether the query gave no row, item, task or date. */
    public boolean isEmpty() {
        if (result instanceof DqlResult.Table t) return t.rows().isEmpty();
        if (result instanceof DqlResult.Listing l) return l.items().isEmpty();
        if (result instanceof DqlResult.Tasks t) return t.grouping().count() == 0;
        return ((DqlResult.Calendar) result).dates().isEmpty();
    }

    /** The FROM sources (folders, tags, links) that name no note, as written in the query: why a result may be empty. */
    public List<String> sourcesNamingNothing() {
        return setting.engine().emptySources(query, setting.origin());
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
        return new DataviewRenderer(new ObsidianHtml(new GraphLinkTargets(sparql, setting.links(), setting.origin() == null ? "" : setting.origin())),
                new Cells(QuerySettings.DEFAULTS, zone)).render(result);
    }

    /** The result as comma-separated values (RFC 4180), a header line first. */
    public String csv() {
        return DelimitedTable.csv(result);
    }

    /** The result as tab-separated values, a header line first. */
    public String tsv() {
        return DelimitedTable.tsv(result);
    }

    /** The result as JSON, each value with its Dataview type. */
    public String json() {
        return ResultJson.of(result).toString();
    }

    /** The result as Dataview's markdown export writes it. */
    public String markdown() {
        return MarkdownExport.of(result, QuerySettings.DEFAULTS);
    }
}
