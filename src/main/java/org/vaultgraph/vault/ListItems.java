package org.vaultgraph.vault;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.Paragraph;
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
    // Dataview's own reading of an item's first line: leading spaces or quote marks, the marker, an optional checkbox, the text.
    private static final Pattern ITEM_LINE = Pattern.compile("^[\\s>]*(\\d+\\.|\\d+\\)|\\*|-|\\+)\\s*(\\[.?\\])?\\s*(.*)$");
    private static final Pattern TASK = Pattern.compile("^[\\s>]*(?:\\d+\\.|\\d+\\)|\\*|-|\\+)\\s+\\[(.)\\](?:\\s|$)");
    private static final Pattern BLOCK_ID = Pattern.compile("\\s\\^([A-Za-z0-9-]+)\\s*$");

    private final String text;
    private final LineIndex lines;
    private final Capped<Integer> itemLines;
    private final Capped<Field> fields;
    private final List<ListItem> items = new ArrayList<>();
    private final List<com.vladsch.flexmark.ast.ListItem> pending = new ArrayList<>();
    private final TreeMap<Integer, String> headings = new TreeMap<>();
    private final boolean[] listLines;

    /**
     * @param itemLines where each item, by its line, counts against the note's limit on list items
     * @param fields    where the items' fields count against the note's limit on inline fields
     */
    ListItems(String text, LineIndex lines, Capped<Integer> itemLines, Capped<Field> fields) {
        this.text = text;
        this.lines = lines;
        this.itemLines = itemLines;
        this.fields = fields;
        this.listLines = new boolean[lines.lineCount() + 2];
    }

    /** The lines that belong to lists (whose fields are not paragraph fields), by 1-based line. */
    boolean[] listLines() {
        return listLines;
    }

    /** Takes note of a node of the current top-level block: a heading, a list, an item. */
    void visit(Node node, int shift) {
        if (node instanceof Heading h) headings.put(lines.line(shift + h.getStartOffset()), h.getText().toString().strip());
        if (node instanceof com.vladsch.flexmark.ast.ListItem item) pending.add(item);
        if (node instanceof ListBlock list && !(list.getParent() instanceof com.vladsch.flexmark.ast.ListItem)) {
            int from = lines.line(shift + list.getStartOffset());
            int to = lines.line(shift + Math.max(list.getStartOffset(), list.getEndOffset() - 1));
            for (int l = from; l <= to && l < listLines.length; l++) listLines[l] = true;
        }
    }

    /** Reads the items of the top-level block just visited, once its headings are known (an item's section may sit in it). */
    void endBlock(int shift) {
        for (com.vladsch.flexmark.ast.ListItem node : pending) item(node, shift);
        pending.clear();
    }

    private void item(com.vladsch.flexmark.ast.ListItem node, int shift) {
        int line = lines.line(shift + node.getStartOffset());
        String first = line(line);
        Matcher m = ITEM_LINE.matcher(first);
        if (!m.matches() || !itemLines.admit(line)) return;
        int last = line;
        if (node.getFirstChild() instanceof Paragraph p) last = Math.max(line, lines.line(shift + Math.max(p.getStartOffset(), p.getEndOffset() - 1)));
        List<String> parts = new ArrayList<>();
        parts.add(m.group(3).strip());
        for (int l = line + 1; l <= last; l++) parts.add(line(l).strip());
        String joined = String.join("\n", parts);
        String oneLine = String.join(" ", parts);
        Matcher task = TASK.matcher(first);
        String status = task.find() ? task.group(1) : null;
        Matcher block = BLOCK_ID.matcher(line(last));
        String blockId = block.find() ? block.group(1) : null;
        int parentLine = node.getParent() != null && node.getParent().getParent() instanceof com.vladsch.flexmark.ast.ListItem parent
                ? lines.line(shift + parent.getStartOffset()) : 0;
        Node top = node.getParent();
        while (top != null && top.getParent() instanceof com.vladsch.flexmark.ast.ListItem) top = top.getParent().getParent();
        int listLine = top == null ? line : lines.line(shift + top.getStartOffset());
        var above = headings.floorEntry(line);
        items.add(new ListItem(line, last - line + 1, m.group(1), joined, status, parentLine, listLine, blockId,
                above == null ? null : above.getValue(), List.copyOf(fields(oneLine, line, status != null))));
    }

    /** The items kept, in line order. */
    List<ListItem> items() {
        List<ListItem> out = new ArrayList<>(items);
        out.sort(java.util.Comparator.comparingInt(ListItem::line));
        return List.copyOf(out);
    }

    /** The text of a 1-based line, without its line break. */
    private String line(int line) {
        int start = lines.lineStart(line);
        int end = line < lines.lineCount() ? lines.lineStart(line + 1) - 1 : text.length();
        return text.substring(start, end);
    }

    /** Dataview's fields of an item: bracketed fields and emoji dates; a whole-line field only for a plain item without them. */
    private List<Field> fields(String text, int line, boolean task) {
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
            Field field = new Field(f.key(), canonical, DataviewValues.parseInline(value), Field.Origin.LIST_ITEM, line);
            if (this.fields.admit(field)) fields.add(field);
        }
        return fields;
    }
}
