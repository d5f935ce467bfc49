package org.vaultgraph.render;

import java.util.List;
import java.util.Map;

/**
 * One value of a Dataview result as Dataview draws it in a table cell or list item.
 *
 * <pre>{@code new Cell.Markdown("see [[L4-L5]]"); new Cell.LinkCell("Research/Tags/L4-L5.md", "", "L4-L5");}</pre>
 */
public sealed interface Cell {

    /** Text, rendered as markdown (null values are the markdown "\-"). */
    record Markdown(String text) implements Cell {}

    /** A link, as Dataview writes it: {@code [[path#subpath|display]]}. */
    record LinkCell(String path, String subpath, String display) implements Cell {}

    /** Text shown as is: numbers, booleans, dates, durations. */
    record Plain(String text) implements Cell {}

    record ListCell(List<Cell> items) implements Cell {}

    record ObjectCell(List<Map.Entry<String, Cell>> entries) implements Cell {}

    /** A LIST row with a value: its id, then ": ", then the value. */
    record Pair(Cell key, Cell value) implements Cell {}

    /** A web link made by {@code elink()}. */
    record ExternalLink(String url, String display) implements Cell {}
}
