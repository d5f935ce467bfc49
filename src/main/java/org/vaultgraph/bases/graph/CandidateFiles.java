package org.vaultgraph.bases.graph;

import java.util.ArrayList;
import java.util.List;
import org.vaultgraph.bases.eval.Evaluator;
import org.vaultgraph.bases.eval.FileFacts;
import org.vaultgraph.bases.syntax.BaseSpec;

/**
 * The first step of a view: the one SPARQL query that selects its candidate files from the graph's
 * indexes, and the candidates' facts read from their named graphs.
 *
 * <pre>{@code List<FileFacts> files = CandidateFiles.of(graphFiles, evaluator, base.filters(), view.filters());}</pre>
 */
public final class CandidateFiles {
    private CandidateFiles() {}

    /** The query that selects a view's candidates (its {@code ?path} column), for {@code --sparql}. */
    public static String query(GraphFiles files, Evaluator ev, BaseSpec.Filter baseFilters, BaseSpec.Filter viewFilters) {
        List<BaseSpec.Filter> filters = new ArrayList<>();
        filters.add(baseFilters);
        filters.add(viewFilters);
        return new Pushdown(files, ev).query(filters);
    }

    /** The candidates' facts, in path order. */
    public static List<FileFacts> of(GraphFiles files, Evaluator ev, BaseSpec.Filter baseFilters, BaseSpec.Filter viewFilters) {
        List<String> paths = files.select(query(files, ev, baseFilters, viewFilters));
        files.prefetch(paths);
        List<FileFacts> out = new ArrayList<>(paths.size());
        for (String p : paths) {
            FileFacts f = files.file(p);
            if (f != null) out.add(f);
        }
        return out;
    }
}
