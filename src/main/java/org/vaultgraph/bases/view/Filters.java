package org.vaultgraph.bases.view;

import org.vaultgraph.bases.eval.Evaluator;
import org.vaultgraph.bases.eval.Scope;
import org.vaultgraph.bases.syntax.BaseSpec;

/** Whether a file passes a filter: statements by their truth, and, or, and not (none of the items true). */
public final class Filters {
    private Filters() {}

    /** A missing filter lets every file through. */
    public static boolean matches(BaseSpec.Filter filter, Scope scope, Evaluator ev) {
        if (filter == null) return true;
        if (filter instanceof BaseSpec.Statement s) return ev.test(s.expr(), scope);
        BaseSpec.Group group = (BaseSpec.Group) filter;
        switch (group.conjunction()) {
            case AND:
                for (BaseSpec.Filter f : group.items()) if (!matches(f, scope, ev)) return false;
                return true;
            case OR:
                for (BaseSpec.Filter f : group.items()) if (matches(f, scope, ev)) return true;
                return false;
            default:
                for (BaseSpec.Filter f : group.items()) if (matches(f, scope, ev)) return false;
                return true;
        }
    }
}
