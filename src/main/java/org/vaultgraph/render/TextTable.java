package org.vaultgraph.render;

import java.util.ArrayList;
import java.util.List;
import org.vaultgraph.dql.DqlResult;
import org.vaultgraph.dql.value.DvLink;
import org.vaultgraph.dql.value.QuerySettings;
import org.vaultgraph.dql.value.Value;
import org.vaultgraph.dql.value.Values;

/**
 * A Dataview result as a plain text table, for the terminal.
 *
 * <pre>{@code System.out.print(TextTable.render(result));}</pre>
 */
public final class TextTable {
    private TextTable() {}

    /** The result's headings and rows as text: a table's own, a list's one column, a task list's items. */
    public static List<List<String>> rows(DqlResult result, List<String> headings) {
        List<List<String>> rows = new ArrayList<>();
        if (result instanceof DqlResult.Table t) {
            headings.addAll(t.headers());
            for (List<Value> row : t.rows()) rows.add(row.stream().map(TextTable::text).toList());
        } else if (result instanceof DqlResult.Listing l) {
            headings.add("value");
            for (Value v : l.items()) rows.add(List.of(text(v)));
        } else if (result instanceof DqlResult.Tasks tasks) {
            headings.addAll(List.of("task", "status", "text"));
            tasks(tasks.grouping(), rows);
        } else if (result instanceof DqlResult.Calendar c) {
            headings.addAll(List.of("date", "link"));
            for (int i = 0; i < c.dates().size(); i++) rows.add(List.of(text(c.dates().get(i)), text(c.links().get(i))));
        }
        return rows;
    }

    private static void tasks(DqlResult.TaskGrouping grouping, List<List<String>> rows) {
        if (grouping instanceof DqlResult.TaskGroups groups) {
            for (DqlResult.TaskGroup g : groups.groups()) {
                rows.add(List.of("# " + text(g.key()), "", ""));
                tasks(g.rows(), rows);
            }
            return;
        }
        for (Value.Obj item : ((DqlResult.TaskList) grouping).tasks()) {
            Value status = item.get("status");
            rows.add(List.of(text(item.get("path")) + ":" + text(item.get("line")), status instanceof Value.Null ? "" : "[" + text(status) + "]",
                    text(item.get("text"))));
        }
    }

    public static String render(DqlResult result) {
        List<String> headings = new ArrayList<>();
        List<List<String>> rows = rows(result, headings);
        int[] widths = new int[headings.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headings.get(i).length();
            for (List<String> row : rows) widths[i] = Math.max(widths[i], i < row.size() ? row.get(i).length() : 0);
        }
        StringBuilder out = new StringBuilder();
        line(headings, widths, out);
        StringBuilder rule = new StringBuilder();
        for (int w : widths) rule.append("-".repeat(Math.max(w, 1))).append("  ");
        out.append(rule.toString().stripTrailing()).append('\n');
        for (List<String> row : rows) line(row, widths, out);
        out.append(rows.size()).append(rows.size() == 1 ? " row\n" : " rows\n");
        return out.toString();
    }

    private static void line(List<String> cells, int[] widths, StringBuilder out) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String cell = i < cells.size() ? cells.get(i) : "";
            line.append(cell).append(" ".repeat(widths[i] - cell.length() + 2));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /** A value as text: Dataview's text for it, lists in brackets, null as "-", on one line. */
    public static String text(Value value) {
        if (value instanceof Value.Null) return "-";
        if (value instanceof DvLink l) return l.markdown();
        if (value instanceof Value.Array a) return "[" + String.join(", ", a.items().stream().map(TextTable::text).toList()) + "]";
        return Values.toString(value, QuerySettings.DEFAULTS).replace('\n', ' ');
    }
}
