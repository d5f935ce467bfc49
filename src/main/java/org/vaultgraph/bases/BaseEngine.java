package org.vaultgraph.bases;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.vaultgraph.bases.eval.Evaluator;
import org.vaultgraph.bases.eval.FileFacts;
import org.vaultgraph.bases.graph.CandidateFiles;
import org.vaultgraph.bases.graph.GraphFiles;
import org.vaultgraph.bases.syntax.BaseSpec;
import org.vaultgraph.bases.view.ViewResult;
import org.vaultgraph.bases.view.ViewRunner;
import org.vaultgraph.dql.value.DvClock;

/**
 * Runs the views of bases on a vault's graph, in two steps: one SPARQL query per view selects its
 * candidate files by the graph's indexes, then the evaluator computes the rest exactly (see
 * {@code package-info}).
 *
 * <pre>{@code
 * BaseEngine engine = new BaseEngine(GraphFiles.of(sparql, iris, zone), DvClock::system);
 * ViewResult table = engine.run(new BaseSource("Books.base", 1, text), null, null);
 * }</pre>
 */
public final class BaseEngine {
    private final GraphFiles files;
    private final Supplier<DvClock> clock;

    public BaseEngine(GraphFiles files, Supplier<DvClock> clock) {
        this.files = files;
        this.clock = clock;
    }

    public GraphFiles files() {
        return files;
    }

    /**
     * Runs one view of a base.
     *
     * @param view     the view's name; null for the first view
     * @param thisPath the vault path {@code this} names (the note embedding the base); null for the file the base is written in
     */
    public ViewResult run(BaseSource source, String view, String thisPath) {
        BaseSpec base = source.read();
        return run(base, source, chosen(base, source, view), thisPath);
    }

    /** Every view of a base, in order. */
    public List<ViewResult> runAll(BaseSource source, String thisPath) {
        BaseSpec base = source.read();
        List<ViewResult> out = new ArrayList<>();
        for (BaseSpec.View v : base.views()) out.add(run(base, source, v, thisPath));
        return out;
    }

    private ViewResult run(BaseSpec base, BaseSource source, BaseSpec.View view, String thisPath) {
        Evaluator ev = evaluator(base, source, thisPath);
        List<FileFacts> candidates = CandidateFiles.of(files, ev, base.filters(), view.filters());
        return ViewRunner.run(base, view, candidates, ev);
    }

    /** The SPARQL query that selects a view's candidate files, for {@code --sparql}. */
    public String sparql(BaseSource source, String view, String thisPath) {
        BaseSpec base = source.read();
        BaseSpec.View chosen = chosen(base, source, view);
        return CandidateFiles.query(files, evaluator(base, source, thisPath), base.filters(), chosen.filters());
    }

    private Evaluator evaluator(BaseSpec base, BaseSource source, String thisPath) {
        return new Evaluator(files, base.formulas(), source.path(), thisPath == null ? source.path() : thisPath, clock.get());
    }

    private static BaseSpec.View chosen(BaseSpec base, BaseSource source, String name) {
        BaseSpec.View view = base.view(name);
        if (view == null) {
            throw new BaseException(source.path(), source.firstLine(), 0, "no view named '" + name + "'; the base's views are "
                    + String.join(", ", base.views().stream().map(v -> "'" + v.name() + "'").toList()));
        }
        return view;
    }
}
