package org.vaultgraph.render;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.vaultgraph.dql.Dql;
import org.vaultgraph.dql.DqlResult;
import org.vaultgraph.dql.DqlValue;

/**
 * A Dataview result as a plain text table, for the terminal.
 *
 * <pre>{@code System.out.print(TextTable.render(result));}</pre>
 */
public final class TextTable {
    private TextTable() {}

    public static String render(DqlResult result) {
        List<String> headings = new ArrayList<>();
        if (result.showId()) headings.add(result.idHeader());
        if (result.type() == Dql.QueryType.LIST && !result.headers().isEmpty()) headings.add("value");
        else headings.addAll(result.headers());
        List<List<String>> rows = new ArrayList<>();
        for (DqlResult.Row row : result.rows()) {
            List<String> cells = new ArrayList<>();
            if (result.showId()) cells.add(text(row.id()));
            row.values().forEach(v -> cells.add(text(v)));
            rows.add(cells);
        }
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

    /** A value as text: links as [[path|name]], lists joined with commas, null as "-". */
    public static String text(DqlValue value) {
        if (value instanceof DqlValue.Str s) return s.value().replace('\n', ' ');
        if (value instanceof DqlValue.Num n) return Cells.number(n.value());
        if (value instanceof DqlValue.Bool b) return Boolean.toString(b.value());
        if (value instanceof DqlValue.DateValue d) return d.lexical();
        if (value instanceof DqlValue.Duration d) return Cells.duration(d.lexical());
        if (value instanceof DqlValue.LinkValue l) return "[[" + l.path() + l.subpath() + "|" + (l.display() != null ? l.display() : Cells.title(l.path())) + "]]";
        if (value instanceof DqlValue.ListValue list) return "[" + list.items().stream().map(TextTable::text).collect(Collectors.joining(", ")) + "]";
        return "-";
    }
}
