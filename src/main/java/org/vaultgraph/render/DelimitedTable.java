package org.vaultgraph.render;

import java.util.ArrayList;
import java.util.List;
import org.vaultgraph.dql.DqlResult;

/**
 * A Dataview result as CSV (RFC 4180: fields with commas, quotes or line breaks quoted) or TSV (tabs
 * and line breaks inside a value written as spaces), one row per result row, the headings first.
 */
public final class DelimitedTable {
    private DelimitedTable() {}

    public static String csv(DqlResult result) {
        return write(result, ",");
    }

    public static String tsv(DqlResult result) {
        return write(result, "\t");
    }

    private static String write(DqlResult result, String separator) {
        List<String> headings = new ArrayList<>();
        List<List<String>> rows = TextTable.rows(result, headings);
        StringBuilder out = new StringBuilder();
        line(headings, separator, out);
        for (List<String> row : rows) line(row, separator, out);
        return out.toString();
    }

    private static void line(List<String> cells, String separator, StringBuilder out) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.append(separator);
            out.append(separator.equals(",") ? csvField(cells.get(i)) : cells.get(i).replaceAll("[\\t\\r\\n]", " "));
        }
        out.append(separator.equals(",") ? "\r\n" : "\n");
    }

    private static String csvField(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) return "\"" + text.replace("\"", "\"\"") + "\"";
        return text;
    }
}
