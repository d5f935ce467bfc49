package org.vaultgraph.vault;

import java.util.List;

/**
 * One item of a markdown list, or a task ({@code - [ ] ...}), as Obsidian and Dataview see it.
 *
 * <pre>{@code note.listItems().get(0).isTask() // true for "- [x] call back"}</pre>
 *
 * @param line       1-based line where the item starts
 * @param lineCount  how many lines its own text spans (continuation lines included, children not)
 * @param symbol     the list marker as written: "-", "*", "+", "1." or "1)"
 * @param text       its text without marker and checkbox, lines trimmed and joined by line breaks
 * @param status     the character between the task's brackets ("x", " ", "/"...), or null for a plain item
 * @param parentLine the line of the item it is nested under, or 0 for an item at the top of its list
 * @param listLine   the first line of the whole (top-level) list it belongs to
 * @param blockId    the {@code ^block} id at its end, or null
 * @param section    the text of the heading above it, or null when none is
 * @param fields     its inline fields, emoji shorthands of dates included ({@code 📅 2025-01-30} is {@code due})
 */
public record ListItem(int line, int lineCount, String symbol, String text, String status, int parentLine, int listLine,
                       String blockId, String section, List<Field> fields) {

    public boolean isTask() {
        return status != null;
    }
}
