package org.vaultgraph.render;

import java.util.ArrayList;
import java.util.List;
import org.vaultgraph.dql.Dql;
import org.vaultgraph.dql.DqlResult;

/**
 * Renders a Dataview query's result as the HTML Dataview draws in Obsidian.
 *
 * <pre>{@code new DataviewRenderer(html).render(result)}</pre>
 */
public final class DataviewRenderer {
    private final DataviewTable table;

    public DataviewRenderer(ObsidianHtml html) {
        this.table = new DataviewTable(html);
    }

    public String render(DqlResult result) {
        if (result.type() == Dql.QueryType.LIST) {
            List<Cell> items = new ArrayList<>();
            for (DqlResult.Row row : result.rows()) {
                Cell id = Cells.of(row.id());
                if (row.values().isEmpty()) {
                    items.add(id);
                } else if (!result.showId()) {
                    items.add(Cells.of(row.values().get(0)));
                } else {
                    items.add(new Cell.ListCell(List.of(id, Cells.of(row.values().get(0)))));
                }
            }
            return table.renderList(items);
        }
        List<String> headings = new ArrayList<>();
        if (result.showId()) headings.add(result.idHeader());
        headings.addAll(result.headers());
        List<List<Cell>> rows = new ArrayList<>();
        for (DqlResult.Row row : result.rows()) {
            List<Cell> cells = new ArrayList<>();
            if (result.showId()) cells.add(Cells.of(row.id()));
            row.values().forEach(v -> cells.add(Cells.of(v)));
            rows.add(cells);
        }
        return table.render(headings, rows);
    }

    /** What Dataview shows in place of a query that fails. */
    public static String error(String message) {
        return "<div><pre class=\"dataview dataview-error\">Dataview: " + Html.text(message) + "</pre></div>";
    }
}
