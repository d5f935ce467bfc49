package org.vaultgraph.bases.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.vaultgraph.bases.eval.Evaluator;
import org.vaultgraph.bases.eval.FileFacts;
import org.vaultgraph.bases.eval.Scope;
import org.vaultgraph.bases.eval.Summaries;
import org.vaultgraph.bases.syntax.BaseSpec;
import org.vaultgraph.bases.value.BaseValue;
import org.vaultgraph.bases.value.BaseValues;

/**
 * Runs one view over its candidate files, in the order Obsidian's pages describe: the base's filters
 * and the view's (joined with and), then sort, group, limit, and the summaries of what is shown.
 *
 * <p>Where the pages are silent, this is what happens: rows are sorted by the group's property first
 * (groups in the groupBy direction), then by the view's sort keys, then by path, so that a limit keeps
 * the rows a reader sees first; empty values sort last in either direction; the rows without a value
 * for the groupBy property form the last group; a view without {@code order} shows {@code file.name}.
 */
public final class ViewRunner {
    private ViewRunner() {}

    public static ViewResult run(BaseSpec base, BaseSpec.View view, List<FileFacts> candidates, Evaluator ev) {
        List<Entry> entries = new ArrayList<>();
        for (FileFacts file : candidates) {
            Scope scope = Scope.of(file);
            if (Filters.matches(base.filters(), scope, ev) && Filters.matches(view.filters(), scope, ev)) entries.add(new Entry(file, scope));
        }
        int matched = entries.size();
        List<BaseSpec.SortKey> keys = new ArrayList<>();
        if (view.groupBy() != null) keys.add(view.groupBy());
        keys.addAll(view.sort());
        for (Entry e : entries) for (BaseSpec.SortKey k : keys) e.keys.add(ev.property(k.property(), e.scope));
        entries.sort(comparator(keys));
        if (view.limit() != null && entries.size() > view.limit()) entries = new ArrayList<>(entries.subList(0, view.limit()));

        List<String> order = view.order().isEmpty() ? List.of("file.name") : view.order();
        List<ViewResult.Column> columns = new ArrayList<>();
        for (String id : order) columns.add(new ViewResult.Column(id, base.displayName(id)));
        List<ViewResult.Row> rows = new ArrayList<>();
        for (Entry e : entries) {
            List<BaseValue> cells = new ArrayList<>();
            for (String id : order) cells.add(ev.property(id, e.scope));
            BaseValue image = view.image() == null ? null : ev.property(view.image(), e.scope);
            rows.add(new ViewResult.Row(e.file, cells, image));
        }
        List<ViewResult.Group> groups = new ArrayList<>();
        if (view.groupBy() != null) {
            int start = 0;
            for (int i = 1; i <= entries.size(); i++) {
                if (i == entries.size() || !sameKey(entries.get(i).keys.get(0), entries.get(start).keys.get(0))) {
                    BaseValue key = entries.get(start).keys.get(0);
                    groups.add(new ViewResult.Group(key, rows.subList(start, i), summaries(base, view, entries.subList(start, i), ev)));
                    start = i;
                }
            }
        }
        return new ViewResult(base, view, columns, rows, groups, summaries(base, view, entries, ev), matched);
    }

    private static List<ViewResult.Summary> summaries(BaseSpec base, BaseSpec.View view, List<Entry> entries, Evaluator ev) {
        List<ViewResult.Summary> out = new ArrayList<>();
        view.summaries().forEach((property, name) -> {
            List<BaseValue> values = new ArrayList<>();
            for (Entry e : entries) values.add(ev.property(property, e.scope));
            out.add(new ViewResult.Summary(property, name, Summaries.compute(name, values, base, ev)));
        });
        return out;
    }

    private static boolean sameKey(BaseValue a, BaseValue b) {
        if (BaseValues.empty(a) || BaseValues.empty(b)) return BaseValues.empty(a) && BaseValues.empty(b);
        return BaseValues.equal(a, b);
    }

    private static Comparator<Entry> comparator(List<BaseSpec.SortKey> keys) {
        return (x, y) -> {
            for (int i = 0; i < keys.size(); i++) {
                int c = compareValues(x.keys.get(i), y.keys.get(i), keys.get(i).descending());
                if (c != 0) return c;
            }
            return x.file.path().compareTo(y.file.path());
        };
    }

    /** Empty values (and errors) last whatever the direction, the others by {@link BaseValues#order}. */
    static int compareValues(BaseValue a, BaseValue b, boolean descending) {
        boolean ea = BaseValues.empty(a) || a instanceof BaseValue.ErrorValue;
        boolean eb = BaseValues.empty(b) || b instanceof BaseValue.ErrorValue;
        if (ea || eb) return Boolean.compare(ea, eb);
        int c = BaseValues.order(a, b);
        return descending ? -c : c;
    }

    private static final class Entry {
        final FileFacts file;
        final Scope scope;
        final List<BaseValue> keys = new ArrayList<>();

        Entry(FileFacts file, Scope scope) {
            this.file = file;
            this.scope = scope;
        }
    }
}
