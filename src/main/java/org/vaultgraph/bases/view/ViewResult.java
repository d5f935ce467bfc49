package org.vaultgraph.bases.view;

import java.util.List;
import org.vaultgraph.bases.eval.FileFacts;
import org.vaultgraph.bases.syntax.BaseSpec;
import org.vaultgraph.bases.value.BaseValue;

/**
 * What one view of a base shows: its columns, its rows in order (after the limit), the rows in groups
 * when the view groups them, and the summaries of the whole view and of each group.
 *
 * @param matched how many files passed the filters, before the limit
 */
public record ViewResult(BaseSpec base, BaseSpec.View view, List<Column> columns, List<Row> rows, List<Group> groups,
                         List<Summary> summaries, int matched) {

    /** A column: its property id and the name it is shown with. */
    public record Column(String property, String name) {}

    /**
     * A row: its file, a value per column, and the view's image value (cards), null when the view has none.
     */
    public record Row(FileFacts file, List<BaseValue> cells, BaseValue image) {}

    /** A group: the value its rows share for the groupBy property (null for the rows without one). */
    public record Group(BaseValue key, List<Row> rows, List<Summary> summaries) {}

    /** One summary: the property, the summary's name, and its value. */
    public record Summary(String property, String name, BaseValue value) {}

    public boolean grouped() {
        return view.groupBy() != null;
    }
}
