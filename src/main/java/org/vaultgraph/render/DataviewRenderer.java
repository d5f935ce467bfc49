package org.vaultgraph.render;

import java.util.ArrayList;
import java.util.List;
import org.vaultgraph.dql.DqlResult;
import org.vaultgraph.dql.value.Value;

/**
 * Renders a Dataview query's result as the HTML Dataview draws in Obsidian: tables, lists, and task
 * lists (children nested under their parents, GROUP BY as headings with counts).
 *
 * <pre>{@code new DataviewRenderer(html, cells).render(result)}</pre>
 */
public final class DataviewRenderer {
    private final DataviewTable table;
    private final Cells cells;

    public DataviewRenderer(ObsidianHtml html, Cells cells) {
        this.table = new DataviewTable(html);
        this.cells = cells;
    }

    public String render(DqlResult result) {
        if (result instanceof DqlResult.Listing listing) {
            return table.renderList(listing.items().stream().map(cells::of).toList());
        }
        if (result instanceof DqlResult.Table t) {
            List<List<Cell>> rows = new ArrayList<>();
            for (List<Value> row : t.rows()) rows.add(row.stream().map(cells::of).toList());
            return table.render(t.headers(), rows);
        }
        if (result instanceof DqlResult.Tasks tasks) {
            StringBuilder out = new StringBuilder("<div class=\"dataview dataview-container\">");
            grouping(tasks.grouping(), out);
            return out.append("</div>").toString();
        }
        return error("CALENDAR queries are drawn as a calendar, which is not rendered here");
    }

    private void grouping(DqlResult.TaskGrouping grouping, StringBuilder out) {
        if (grouping instanceof DqlResult.TaskGroups groups) {
            for (DqlResult.TaskGroup g : groups.groups()) {
                out.append("<h4>").append(table.cell(cells.of(g.key()))).append("<span class=\"dataview small-text\">")
                        .append(g.rows().count()).append("</span></h4><div class=\"dataview result-group\">");
                grouping(g.rows(), out);
                out.append("</div>");
            }
            return;
        }
        List<Value.Obj> items = TaskNesting.roots(((DqlResult.TaskList) grouping).tasks());
        if (items.isEmpty()) {
            out.append("<div class=\"dataview dataview-error-box\"><p class=\"dataview dataview-error-message\">"
                    + "Dataview: No results to show for task query.</p></div>");
            return;
        }
        taskList(items, out);
    }

    private void taskList(List<Value.Obj> items, StringBuilder out) {
        out.append("<ul class=\"contains-task-list\">");
        for (Value.Obj item : items) {
            List<Value.Obj> children = ((Value.Array) item.get("children")).items().stream().map(v -> (Value.Obj) v).toList();
            String text = ((Value.Text) item.get("text")).value();
            if (item.get("task") instanceof Value.Bool b && b.value()) {
                String status = ((Value.Text) item.get("status")).value();
                boolean checked = !status.equals(" ");
                out.append("<li class=\"dataview task-list-item").append(checked ? " is-checked" : "").append("\" data-task=\"")
                        .append(Html.attribute(status)).append("\"><input class=\"dataview task-list-item-checkbox\" type=\"checkbox\"")
                        .append(checked ? " checked" : "").append(" disabled>");
            } else {
                out.append("<li class=\"dataview task-list-basic-item\">");
            }
            out.append("<span>").append(table.cell(new Cell.Markdown(text)).replaceFirst("^<span>(.*)</span>$", "$1")).append("</span>");
            if (!children.isEmpty()) taskList(children, out);
            out.append("</li>");
        }
        out.append("</ul>");
    }

    /** What Dataview shows in place of a query that fails. */
    public static String error(String message) {
        return "<div><pre class=\"dataview dataview-error\">Dataview: " + Html.text(message) + "</pre></div>";
    }
}
