package org.vaultgraph.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaultgraph.bases.value.BaseValue;
import org.vaultgraph.bases.value.BaseValues;
import org.vaultgraph.bases.view.ViewResult;
import org.vaultgraph.dql.value.JsNumbers;

/**
 * A base view's result as text for the terminal, as CSV (Obsidian's "Export CSV": a heading row of
 * display names, then a row per file), or as JSON (columns, rows, groups and summaries with typed values).
 *
 * <pre>{@code System.out.print(BaseText.text(result));}</pre>
 */
public final class BaseText {
    private BaseText() {}

    /** What a cell reads as: its text; the file name column shows a note without ".md", as its link does. */
    public static String cell(ViewResult.Row row, int column, ViewResult result) {
        BaseValue v = row.cells().get(column);
        if (result.columns().get(column).property().equals("file.name") && row.file().note()) return row.file().basename();
        return BaseValues.text(v).replace('\n', ' ');
    }

    public static String text(ViewResult result) {
        StringBuilder out = new StringBuilder();
        out.append(result.view().name()).append(" (").append(result.view().type()).append(", ").append(result.rows().size())
                .append(result.rows().size() == 1 ? " file" : " files");
        if (result.matched() > result.rows().size()) out.append(" of ").append(result.matched());
        out.append(")\n");
        List<String> headings = result.columns().stream().map(ViewResult.Column::name).toList();
        List<List<String>> lines = new ArrayList<>();
        if (result.grouped()) {
            for (ViewResult.Group g : result.groups()) {
                lines.add(List.of("## " + groupLabel(g.key()) + " (" + g.rows().size() + ")"));
                for (ViewResult.Row row : g.rows()) lines.add(cells(row, result));
                for (ViewResult.Summary s : g.summaries()) lines.add(List.of("   " + summary(s, result)));
            }
        } else {
            for (ViewResult.Row row : result.rows()) lines.add(cells(row, result));
        }
        int[] widths = new int[headings.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headings.get(i).length();
            for (List<String> line : lines) if (line.size() > 1 || headings.size() == 1) widths[i] = Math.max(widths[i], i < line.size() ? line.get(i).length() : 0);
        }
        line(headings, widths, out);
        StringBuilder rule = new StringBuilder();
        for (int w : widths) rule.append("-".repeat(Math.max(w, 1))).append("  ");
        out.append(rule.toString().stripTrailing()).append('\n');
        for (List<String> l : lines) {
            if (l.size() == 1 && (l.get(0).startsWith("## ") || l.get(0).startsWith("   "))) out.append(l.get(0)).append('\n');
            else line(l, widths, out);
        }
        for (ViewResult.Summary s : result.summaries()) out.append(summary(s, result)).append('\n');
        return out.toString();
    }

    private static List<String> cells(ViewResult.Row row, ViewResult result) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < result.columns().size(); i++) out.add(cell(row, i, result));
        return out;
    }

    /** A group's heading: its key's text, "(empty)" for the rows without one. */
    public static String groupLabel(BaseValue key) {
        return BaseValues.empty(key) ? "(empty)" : BaseValues.text(key);
    }

    private static String summary(ViewResult.Summary s, ViewResult result) {
        return result.base().displayName(s.property()) + " " + s.name() + ": " + BaseValues.text(s.value());
    }

    private static void line(List<String> cells, int[] widths, StringBuilder out) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String cell = i < cells.size() ? cells.get(i) : "";
            line.append(cell).append(" ".repeat(Math.max(0, widths[i] - cell.length()) + 2));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /** RFC 4180: a heading row, then one row per file, CRLF line ends, fields quoted when they must be. */
    public static String csv(ViewResult result) {
        StringBuilder out = new StringBuilder();
        csvLine(result.columns().stream().map(ViewResult.Column::name).toList(), out);
        for (ViewResult.Row row : result.rows()) csvLine(cells(row, result), out);
        return out.toString();
    }

    private static void csvLine(List<String> fields, StringBuilder out) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) out.append(',');
            String f = fields.get(i);
            if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) out.append('"').append(f.replace("\"", "\"\"")).append('"');
            else out.append(f);
        }
        out.append("\r\n");
    }

    /** The result as JSON: the view, its columns, its rows (each file's path and a value per column), groups and summaries. */
    public static String json(ViewResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("view", result.view().name());
        out.put("type", result.view().type());
        out.put("matched", result.matched());
        List<Object> columns = new ArrayList<>();
        for (ViewResult.Column c : result.columns()) {
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("property", c.property());
            column.put("name", c.name());
            columns.add(column);
        }
        out.put("columns", columns);
        out.put("rows", rows(result.rows(), result));
        if (result.grouped()) {
            List<Object> groups = new ArrayList<>();
            for (ViewResult.Group g : result.groups()) {
                Map<String, Object> group = new LinkedHashMap<>();
                group.put("key", value(g.key()));
                group.put("rows", g.rows().stream().map(r -> r.file().path()).toList());
                group.put("summaries", summaries(g.summaries()));
                groups.add(group);
            }
            out.put("groups", groups);
        }
        out.put("summaries", summaries(result.summaries()));
        return Json.write(out);
    }

    private static List<Object> rows(List<ViewResult.Row> rows, ViewResult result) {
        List<Object> out = new ArrayList<>();
        for (ViewResult.Row row : rows) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("path", row.file().path());
            Map<String, Object> cells = new LinkedHashMap<>();
            for (int i = 0; i < result.columns().size(); i++) cells.put(result.columns().get(i).property(), value(row.cells().get(i)));
            r.put("cells", cells);
            if (row.image() != null) r.put("image", value(row.image()));
            out.add(r);
        }
        return out;
    }

    private static List<Object> summaries(List<ViewResult.Summary> summaries) {
        List<Object> out = new ArrayList<>();
        for (ViewResult.Summary s : summaries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("property", s.property());
            m.put("summary", s.name());
            m.put("value", value(s.value()));
            out.add(m);
        }
        return out;
    }

    /** A value as JSON: null, booleans, numbers and text as themselves, lists and objects as such, the rest as their text. */
    static Object value(BaseValue v) {
        if (v instanceof BaseValue.NullValue) return null;
        if (v instanceof BaseValue.BoolValue b) return b.value();
        if (v instanceof BaseValue.NumberValue n) {
            double d = n.value();
            return Double.isNaN(d) || Double.isInfinite(d) ? JsNumbers.toString(d) : new java.math.BigDecimal(JsNumbers.toString(d));
        }
        if (v instanceof BaseValue.ListValue l) return l.items().stream().map(BaseText::value).toList();
        if (v instanceof BaseValue.ObjectValue o) {
            Map<String, Object> m = new LinkedHashMap<>();
            o.entries().forEach((k, x) -> m.put(k, value(x)));
            return m;
        }
        if (v instanceof BaseValue.LinkValue l) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("link", l.target());
            m.put("resolved", l.resolved());
            m.put("text", BaseValues.linkText(l));
            return m;
        }
        return BaseValues.text(v);
    }
}
