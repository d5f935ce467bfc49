package org.vaultgraph.vault;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a note's list items and tasks as Obsidian lists them for Dataview: each item's lines, its
 * parent, the list and heading it sits under, its checkbox, its {@code ^block} id, and its inline
 * fields read by Dataview's rules ({@code [key:: value]}, the emoji date shorthands, and a whole-line
 * {@code key:: value} on a plain item without other fields).
 */
final class ListItems {
    private ListItems() {}

    // Dataview's own reading of an item's first line: leading spaces or quote marks, the marker, an optional checkbox, the text.
    private static final Pattern ITEM_LINE = Pattern.compile("^[\\s>]*(\\d+\\.|\\d+\\)|\\*|-|\\+)\\s*(\\[.?\\])?\\s*(.*)$");
    private static final Pattern TASK = Pattern.compile("^[\\s>]*(?:\\d+\\.|\\d+\\)|\\*|-|\\+)\\s+\\[(.)\\](?:\\s|$)");
    private static final Pattern BLOCK_ID = Pattern.compile("\\s\\^([A-Za-z0-9-]+)\\s*$");

    /** What the scan found: the items, and the lines that belong to lists (whose fields are not paragraph fields). */
    record Found(List<ListItem> items, boolean[] listLines) {}

    static Found scan(Document document, String text, LineIndex lines) {
        TreeMap<Integer, String> headings = new TreeMap<>();
        List<com.vladsch.flexmark.ast.ListItem> items = new ArrayList<>();
        boolean[] listLines = new boolean[lines.lineCount() + 2];
        for (Node node : document.getDescendants()) {
            if (node instanceof Heading h) headings.put(lines.line(h.getStartOffset()), h.getText().toString().strip());
            if (node instanceof com.vladsch.flexmark.ast.ListItem item) items.add(item);
            if (node instanceof ListBlock list && !(list.getParent() instanceof com.vladsch.flexmark.ast.ListItem)) {
                int from = lines.line(list.getStartOffset());
                int to = lines.line(Math.max(list.getStartOffset(), list.getEndOffset() - 1));
                for (int l = from; l <= to && l < listLines.length; l++) listLines[l] = true;
            }
        }
        String[] textLines = text.split("\n", -1);
        List<ListItem> out = new ArrayList<>();
        for (com.vladsch.flexmark.ast.ListItem node : items) {
            int line = lines.line(node.getStartOffset());
            String first = textLines[line - 1];
            Matcher m = ITEM_LINE.matcher(first);
            if (!m.matches()) continue;
            int last = line;
            if (node.getFirstChild() instanceof Paragraph p) last = Math.max(line, lines.line(Math.max(p.getStartOffset(), p.getEndOffset() - 1)));
            List<String> parts = new ArrayList<>();
            parts.add(m.group(3).strip());
            for (int l = line + 1; l <= last; l++) parts.add(textLines[l - 1].strip());
            String joined = String.join("\n", parts);
            String oneLine = String.join(" ", parts);
            Matcher task = TASK.matcher(first);
            String status = task.find() ? task.group(1) : null;
            Matcher block = BLOCK_ID.matcher(textLines[last - 1]);
            String blockId = block.find() ? block.group(1) : null;
            int parentLine = node.getParent() != null && node.getParent().getParent() instanceof com.vladsch.flexmark.ast.ListItem parent
                    ? lines.line(parent.getStartOffset()) : 0;
            Node top = node.getParent();
            while (top != null && top.getParent() instanceof com.vladsch.flexmark.ast.ListItem) top = top.getParent().getParent();
            int listLine = top == null ? line : lines.line(top.getStartOffset());
            var above = headings.floorEntry(line);
            List<Field> fields = fields(oneLine, line, status != null);
            out.add(new ListItem(line, last - line + 1, m.group(1), joined, status, parentLine, listLine, blockId,
                    above == null ? null : above.getValue(), List.copyOf(fields)));
        }
        out.sort(java.util.Comparator.comparingInt(ListItem::line));
        return new Found(List.copyOf(out), listLines);
    }

    /** Dataview's fields of an item: bracketed fields and emoji dates; a whole-line field only for a plain item without them. */
    private static List<Field> fields(String text, int line, boolean task) {
        List<InlineFields.Found> found = InlineFields.withEmojiDates(text);
        if (found.isEmpty() && !task) {
            InlineFields.Found full = InlineFields.fullLine(text);
            if (full != null) found = List.of(full);
        }
        List<Field> fields = new ArrayList<>();
        for (InlineFields.Found f : found) {
            String canonical = FieldNames.canonicalize(f.key());
            if (f.key().isEmpty() || canonical.isEmpty()) continue;
            String value = text.substring(f.valueStart(), f.valueEnd()).strip();
            fields.add(new Field(f.key(), canonical, DataviewValues.parseInline(value), Field.Origin.LIST_ITEM, line));
        }
        return fields;
    }
}
