package org.vaultgraph.bases.syntax;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What is checked before a base runs, so that a mistake is one message with its line rather than
 * an empty table: every function exists and gets an argument count it takes, every summary a view
 * names exists, and no formula uses itself, directly or through others (the Formulas page forbids it).
 */
final class BaseChecks {
    /** The summaries every view may name, as the Bases syntax page lists them. */
    static final Set<String> BUILT_IN_SUMMARIES = Set.of("Average", "Min", "Max", "Sum", "Range", "Median", "Stddev",
            "Earliest", "Latest", "Checked", "Unchecked", "Empty", "Filled", "Unique");

    private BaseChecks() {}

    static void check(BaseSpec base) {
        if (base.filters() != null) filter(base.filters());
        base.formulas().values().forEach(f -> calls(f.expr(), f.line(), f.column()));
        base.summaries().values().forEach(f -> calls(f.expr(), f.line(), f.column()));
        for (BaseSpec.View view : base.views()) {
            if (view.filters() != null) filter(view.filters());
            view.summaries().forEach((property, summary) -> {
                if (!BUILT_IN_SUMMARIES.contains(summary) && !base.summaries().containsKey(summary)) {
                    throw new BaseSyntaxException("view '" + view.name() + "': unknown summary '" + summary + "' for " + property
                            + "; the built-in ones are " + String.join(", ", new java.util.TreeSet<>(BUILT_IN_SUMMARIES))
                            + ", others are defined under summaries:", view.line(), 0);
                }
            });
        }
        cycles(base.formulas());
    }

    private static void filter(BaseSpec.Filter filter) {
        if (filter instanceof BaseSpec.Statement s) calls(s.expr(), s.line(), s.column());
        else ((BaseSpec.Group) filter).items().forEach(BaseChecks::filter);
    }

    /** Every call in the expression names a function that exists and takes that many arguments. */
    private static void calls(Expr e, int line, int column) {
        if (e instanceof Expr.Call call) {
            Optional<FunctionCatalog.Signature> signature = FunctionCatalog.global(call.name());
            if (signature.isEmpty()) {
                String hint = FunctionCatalog.methods(call.name()).isEmpty() ? "" : " (it is a function of a value: write x." + call.name() + "(...))";
                throw new BaseSyntaxException("unknown function '" + call.name() + "'" + hint, line, at(column, call));
            }
            arity(List.of(signature.get()), call.name(), call.args().size(), line, at(column, call));
            call.args().forEach(a -> calls(a, line, column));
        } else if (e instanceof Expr.MethodCall call) {
            List<FunctionCatalog.Signature> signatures = FunctionCatalog.methods(call.name());
            if (signatures.isEmpty()) {
                throw new BaseSyntaxException("unknown function '" + call.name() + "'", line, at(column, call));
            }
            arity(signatures, call.name(), call.args().size(), line, at(column, call));
            calls(call.target(), line, column);
            call.args().forEach(a -> calls(a, line, column));
        } else if (e instanceof Expr.Member m) {
            calls(m.target(), line, column);
        } else if (e instanceof Expr.Index i) {
            calls(i.target(), line, column);
            calls(i.index(), line, column);
        } else if (e instanceof Expr.Unary u) {
            calls(u.operand(), line, column);
        } else if (e instanceof Expr.Binary b) {
            calls(b.left(), line, column);
            calls(b.right(), line, column);
        } else if (e instanceof Expr.ListLiteral l) {
            l.items().forEach(x -> calls(x, line, column));
        } else if (e instanceof Expr.ObjectLiteral o) {
            o.values().forEach(x -> calls(x, line, column));
        }
    }

    private static void arity(List<FunctionCatalog.Signature> signatures, String name, int count, int line, int column) {
        for (FunctionCatalog.Signature s : signatures) if (s.accepts(count)) return;
        FunctionCatalog.Signature s = signatures.get(0);
        String takes = s.min() == s.max() ? Integer.toString(s.min()) : s.max() == FunctionCatalog.MANY ? s.min() + " or more" : s.min() + " to " + s.max();
        throw new BaseSyntaxException(name + "() takes " + takes + " argument" + (s.max() == 1 && s.min() == 1 ? "" : "s") + ", not " + count, line, column);
    }

    private static int at(int column, Expr e) {
        return column > 0 ? column + e.offset() : 0;
    }

    /** Formulas that use each other in a circle; the message walks the circle. */
    private static void cycles(Map<String, BaseSpec.Formula> formulas) {
        for (String start : formulas.keySet()) {
            List<String> path = new ArrayList<>();
            path.add(start);
            cycleFrom(start, formulas, path, new LinkedHashSet<>());
        }
    }

    private static void cycleFrom(String name, Map<String, BaseSpec.Formula> formulas, List<String> path, Set<String> done) {
        BaseSpec.Formula formula = formulas.get(name);
        if (formula == null || !done.add(name)) return;
        for (String used : FormulaReferences.of(formula.expr())) {
            if (used.equals(path.get(0))) {
                List<String> circle = new ArrayList<>(path);
                circle.add(used);
                BaseSpec.Formula first = formulas.get(path.get(0));
                throw new BaseSyntaxException("formula cycle: " + String.join(" -> ", circle.stream().map(n -> "formula." + n).toList())
                        + "; a formula cannot use itself, directly or through other formulas", first.line(), first.column());
            }
            if (path.contains(used)) continue;
            path.add(used);
            cycleFrom(used, formulas, path, done);
            path.remove(path.size() - 1);
        }
    }
}
