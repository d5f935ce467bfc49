package org.vaultgraph.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vaultgraph.dql.DqlResult;
import org.vaultgraph.dql.value.QuerySettings;
import org.vaultgraph.dql.value.Value;
import org.vaultgraph.dql.value.Values;

/**
 * A Dataview result as the markdown Dataview's own export writes ({@code dv.queryMarkdown}): a padded
 * table with '|' escaped and lists as HTML lists in cells, a bulleted list, or a task list with its
 * groups as headings.
 */
public final class MarkdownExport {
    private MarkdownExport() {}

    public static String of(DqlResult result, QuerySettings settings) {
        if (result instanceof DqlResult.Table t) return table(t.headers(), t.rows(), settings);
        if (result instanceof DqlResult.Listing l) return list(new Value.Array(l.items()), settings, 0);
        if (result instanceof DqlResult.Tasks tasks) return tasks(tasks.grouping(), settings, 0);
        throw new org.vaultgraph.dql.syntax.DqlException("Cannot render calendar queries to markdown.");
    }

    private static String table(List<String> headers, List<List<Value>> rows, QuerySettings settings) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) widths[i] = escape(headers.get(i)).length();
        List<List<String>> cells = new ArrayList<>();
        for (List<Value> row : rows) {
            List<String> current = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                String text = escape(cell(row.get(c), settings));
                current.add(text);
                widths[c] = Math.max(widths[c], text.length());
            }
            cells.add(current);
        }
        StringBuilder out = new StringBuilder("|");
        for (int i = 0; i < headers.size(); i++) out.append(' ').append(pad(escape(headers.get(i)), ' ', widths[i])).append(" |");
        out.append("\n|");
        for (int w : widths) out.append(' ').append(pad("", '-', w)).append(" |");
        out.append('\n');
        for (List<String> row : cells) {
            out.append('|');
            for (int i = 0; i < row.size(); i++) out.append(' ').append(pad(row.get(i), ' ', widths[i])).append(" |");
            out.append('\n');
        }
        return out.toString();
    }

    private static String cell(Value v, QuerySettings settings) {
        if (v instanceof Value.Array a) {
            StringBuilder out = new StringBuilder("<ul>");
            for (Value item : a.items()) out.append("<li>").append(escape(cell(item, settings))).append("</li>");
            return out.append("</ul>").toString();
        }
        if (v instanceof Value.Obj o) {
            StringBuilder out = new StringBuilder("<ul>");
            for (Map.Entry<String, Value> e : o.entries().entrySet()) {
                out.append("<li><b>").append(escape(e.getKey())).append("</b>: ").append(escape(cell(e.getValue(), settings))).append("</li>");
            }
            return out.append("</ul>").toString();
        }
        return Values.toString(v, settings);
    }

    /** A '|' not already escaped becomes "\|". */
    private static String escape(String text) {
        return text.replaceAll("(?<!\\\\)\\|", "\\\\|");
    }

    private static String pad(String text, char padding, int length) {
        return text.length() >= length ? text : text + String.valueOf(padding).repeat(length - text.length());
    }

    private static String list(Value input, QuerySettings settings, int depth) {
        if (input instanceof Value.Array a) {
            StringBuilder out = new StringBuilder(depth == 0 ? "" : "\n");
            for (Value v : a.items()) out.append("    ".repeat(depth)).append("- ").append(list(v, settings, depth)).append('\n');
            return out.toString();
        }
        if (input instanceof Value.Obj o) {
            StringBuilder out = new StringBuilder(depth == 0 ? "" : "\n");
            for (Map.Entry<String, Value> e : o.entries().entrySet()) {
                out.append("    ".repeat(depth)).append("- ").append(e.getKey()).append(": ").append(list(e.getValue(), settings, depth)).append('\n');
            }
            return out.toString();
        }
        if (input instanceof Value.ListPair p) return Values.toString(p.key(), settings) + ": " + list(p.value(), settings, depth + 1);
        return Values.toString(input, settings);
    }

    private static String tasks(DqlResult.TaskGrouping grouping, QuerySettings settings, int depth) {
        StringBuilder out = new StringBuilder();
        if (grouping instanceof DqlResult.TaskGroups groups) {
            for (DqlResult.TaskGroup g : groups.groups()) {
                out.append("#".repeat(depth + 1)).append(' ').append(Values.toString(g.key(), settings)).append("\n\n");
                out.append(tasks(g.rows(), settings, depth + 1));
            }
            return out.toString();
        }
        items(TaskNesting.roots(((DqlResult.TaskList) grouping).tasks()), settings, depth, out);
        return out.toString();
    }

    private static void items(List<Value.Obj> items, QuerySettings settings, int depth, StringBuilder out) {
        for (Value.Obj item : items) {
            String text = Values.toString(item.get("text"), settings).replace("\n", " ");
            out.append("    ".repeat(depth)).append("- ");
            if (item.get("task") instanceof Value.Bool b && b.value()) out.append('[').append(Values.toString(item.get("status"), settings)).append("] ");
            out.append(text).append('\n');
            List<Value.Obj> children = ((Value.Array) item.get("children")).items().stream().map(c -> (Value.Obj) c).toList();
            items(children, settings, depth + 1, out);
        }
    }
}
