package org.vaultgraph.render;

import java.util.List;

/**
 * A Dataview TABLE result as the HTML Dataview renders (and Digital Garden publishes): the result
 * count beside the first heading, each cell in a {@code <span>}, lists as Dataview's lists.
 *
 * <pre>{@code new DataviewTable(html).render(List.of("Insights", ""), rows)}</pre>
 */
public final class DataviewTable {
    private final ObsidianHtml html;
    private final boolean showResultCount;

    public DataviewTable(ObsidianHtml html) {
        this(html, true);
    }

    /** @param showResultCount Dataview's "Display result count" setting (on by default) */
    public DataviewTable(ObsidianHtml html, boolean showResultCount) {
        this.html = html;
        this.showResultCount = showResultCount;
    }

    public String render(List<String> headings, List<List<Cell>> rows) {
        StringBuilder out = new StringBuilder("<div><table class=\"dataview table-view-table\"><thead class=\"table-view-thead\">"
                + "<tr class=\"table-view-tr-header\">");
        for (int i = 0; i < headings.size(); i++) {
            out.append("<th class=\"table-view-th\"><span>").append(html.inline(headings.get(i))).append("</span>");
            if (i == 0 && showResultCount) out.append("<span class=\"dataview small-text\">").append(rows.size()).append("</span>");
            out.append("</th>");
        }
        out.append("</tr></thead><tbody class=\"table-view-tbody\">");
        for (List<Cell> row : rows) {
            out.append("<tr>");
            for (Cell cell : row) out.append("<td>").append(cell(cell)).append("</td>");
            out.append("</tr>");
        }
        out.append("</tbody></table>");
        if (rows.isEmpty()) {
            out.append("<div class=\"dataview dataview-error-box\"><p class=\"dataview dataview-error-message\">"
                    + "Dataview: No results to show for table query.</p></div>");
        }
        return out.append("</div>").toString();
    }

    /** A LIST result: one item per row. */
    public String renderList(List<Cell> items) {
        StringBuilder out = new StringBuilder("<div><ul class=\"dataview list-view-ul\">");
        for (Cell item : items) out.append("<li>").append(cell(item)).append("</li>");
        out.append("</ul>");
        if (items.isEmpty()) {
            out.append("<div class=\"dataview dataview-error-box\"><p class=\"dataview dataview-error-message\">"
                    + "Dataview: No results to show for list query.</p></div>");
        }
        return out.append("</div>").toString();
    }

    /** One value as Dataview's views draw it: text and links in a span, numbers and dates bare, lists and objects as lists. */
    public String cell(Cell cell) {
        if (cell instanceof Cell.Markdown m) return "<span>" + html.inline(m.text()) + "</span>";
        if (cell instanceof Cell.LinkCell l) return "<span>" + html.link(l.path(), l.subpath(), l.display()) + "</span>";
        if (cell instanceof Cell.Plain p) return Html.text(p.text());
        if (cell instanceof Cell.Pair p) return cell(p.key()) + ": " + cell(p.value());
        if (cell instanceof Cell.ExternalLink e) {
            return "<a href=\"" + Html.attribute(e.url()) + "\" rel=\"noopener\" target=\"_blank\" class=\"external-link\">" + Html.text(e.display()) + "</a>";
        }
        if (cell instanceof Cell.ListCell list) {
            StringBuilder out = new StringBuilder("<ul class=\"dataview dataview-ul dataview-result-list-ul\">");
            for (Cell item : list.items()) out.append("<li class=\"dataview-result-list-li\">").append(cell(item)).append("</li>");
            return out.append("</ul>").toString();
        }
        Cell.ObjectCell object = (Cell.ObjectCell) cell;
        StringBuilder out = new StringBuilder("<ul class=\"dataview dataview-ul dataview-result-object-ul\">");
        for (var e : object.entries()) {
            out.append("<li class=\"dataview dataview-li dataview-result-object-li\">").append(Html.text(e.getKey())).append(": ")
                    .append(cell(e.getValue())).append("</li>");
        }
        return out.append("</ul>").toString();
    }
}
