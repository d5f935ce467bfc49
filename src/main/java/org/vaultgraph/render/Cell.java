package org.vaultgraph.render;

import java.util.List;

/**
 * One value of a Dataview table cell, typed as Dataview renders it.
 *
 * <pre>{@code new Cell.Markdown("see [[L4-L5]]"); new Cell.LinkCell("Research/Tags/L4-L5.md", "", "L4-L5");}</pre>
 */
public sealed interface Cell {

    /** Text, rendered as markdown. */
    record Markdown(String text) implements Cell {}

    /** A link, as Dataview writes it: {@code [[path#subpath|display]]}; display null for none. */
    record LinkCell(String path, String subpath, String display) implements Cell {}

    /** Text shown as is: numbers, booleans, dates, durations. */
    record Plain(String text) implements Cell {}

    /** No value; Dataview shows "-". */
    record Empty() implements Cell {}

    record ListCell(List<Cell> items) implements Cell {}
}
