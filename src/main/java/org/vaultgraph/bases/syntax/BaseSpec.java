package org.vaultgraph.bases.syntax;

import java.util.List;
import java.util.Map;

/**
 * A base as its YAML says it (Obsidian's "Bases syntax" page): filters, formulas, display names of
 * properties, summary formulas and views. Property ids are normalised ({@code price} is
 * {@code note.price}); every expression is parsed and checked.
 *
 * <pre>{@code BaseSpec base = BaseReader.read(text); base.views().get(0).name();}</pre>
 *
 * @param filters      the filters of every view; null when the base has none
 * @param formulas     formula properties by name, in the order written
 * @param displayNames display names by property id
 * @param summaries    the base's own summary formulas by name
 * @param views        the views, in the order written
 */
public record BaseSpec(String text, Filter filters, Map<String, Formula> formulas, Map<String, String> displayNames,
                       Map<String, Formula> summaries, List<View> views) {

    /** A filter: a group of filters joined by and, or or not, or one statement. */
    public sealed interface Filter {
        int line();
    }

    public enum Conjunction { AND, OR, NOT }

    /** {@code and: [...]}, {@code or: [...]} or {@code not: [...]} (none of the items true). */
    public record Group(Conjunction conjunction, List<Filter> items, int line) implements Filter {}

    /** One filter statement, true for a file when its value is truthy. */
    public record Statement(String text, Expr expr, int line, int column) implements Filter {}

    /** A formula property, or a summary formula ({@code values} is then the column's values). */
    public record Formula(String name, String text, Expr expr, int line, int column) {}

    /** A sort key: a property id and its direction. */
    public record SortKey(String property, boolean descending) {}

    /**
     * One view.
     *
     * @param type      table, cards, list, map, or what a plugin adds
     * @param filters   the view's own filters, joined to the base's with and; null when none
     * @param order     the properties shown, in order
     * @param sort      the sort keys, first first
     * @param groupBy   the property rows are grouped by, with the groups' direction; null when not grouped
     * @param limit     the most rows shown; null for all
     * @param summaries summary name by property id
     * @param image     the cards view's image property id; null when none
     * @param options   the view's other settings as written (imageFit, cardSize...)
     */
    public record View(String type, String name, int line, Filter filters, List<String> order, List<SortKey> sort,
                       SortKey groupBy, Integer limit, Map<String, String> summaries, String image, Map<String, String> options) {}

    /** The view of this name; the first view when {@code name} is null; null when there is none of that name. */
    public View view(String name) {
        if (name == null) return views.isEmpty() ? null : views.get(0);
        for (View v : views) if (v.name().equals(name)) return v;
        return null;
    }

    /**
     * The name a property is shown with: the base's display name; else, for a file property, "file"
     * and its name ("file name"), as Obsidian's file properties have names of their own; else its name
     * without the note. or formula. prefix.
     */
    public String displayName(String propertyId) {
        String shown = displayNames.get(propertyId);
        if (shown != null) return shown;
        if (PropertyId.kind(propertyId).equals("file")) return "file " + PropertyId.name(propertyId);
        return PropertyId.name(propertyId);
    }
}
