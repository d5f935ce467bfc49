package org.vaultgraph.dql;

import java.util.List;
import org.vaultgraph.dql.value.Value;

/**
 * What a Dataview query gives, by query type, as Dataview's engine returns it.
 *
 * <pre>{@code if (result instanceof DqlResult.Table t) t.headers(); // ["File", "rating"]}</pre>
 */
public sealed interface DqlResult {

    /**
     * A TABLE: its headings (the id column's first when shown: "File", or the GROUP BY name) and rows.
     *
     * @param idShown whether the first column is the row's id (a page link, or a group's key)
     */
    record Table(List<String> headers, List<List<Value>> rows, boolean idShown) implements DqlResult {}

    /** A LIST: one value per row (a link, a value, or with both a {@link Value.ListPair}). */
    record Listing(List<Value> items) implements DqlResult {}

    /** A TASK query: the tasks, flat or in (nested) groups. */
    record Tasks(TaskGrouping grouping) implements DqlResult {}

    /** A CALENDAR query: a date and a page link per row. */
    record Calendar(List<Value> dates, List<Value> links) implements DqlResult {}

    /** Tasks as Dataview groups them: a flat list of tasks, or groups of (nested) groupings. */
    sealed interface TaskGrouping {
        int count();
    }

    record TaskList(List<Value.Obj> tasks) implements TaskGrouping {
        @Override
        public int count() {
            return tasks.size();
        }
    }

    record TaskGroups(List<TaskGroup> groups) implements TaskGrouping {
        @Override
        public int count() {
            return groups.stream().mapToInt(g -> g.rows().count()).sum();
        }
    }

    record TaskGroup(Value key, TaskGrouping rows) {}
}
