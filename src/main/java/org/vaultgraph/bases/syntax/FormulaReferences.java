package org.vaultgraph.bases.syntax;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The formulas an expression uses: {@code formula.name} and {@code formula["name"]}.
 *
 * <pre>{@code FormulaReferences.of(ExprParser.parse("formula.ppu * 2")) // [ppu]}</pre>
 */
public final class FormulaReferences {
    private FormulaReferences() {}

    public static Set<String> of(Expr expr) {
        Set<String> out = new LinkedHashSet<>();
        collect(expr, out);
        return out;
    }

    private static void collect(Expr e, Set<String> out) {
        if (e instanceof Expr.Member m) {
            if (m.target() instanceof Expr.Name n && n.name().equals("formula")) out.add(m.name());
            else collect(m.target(), out);
        } else if (e instanceof Expr.Index i) {
            if (i.target() instanceof Expr.Name n && n.name().equals("formula") && i.index() instanceof Expr.Literal l && l.value() instanceof String s) {
                out.add(s);
            } else {
                collect(i.target(), out);
                collect(i.index(), out);
            }
        } else if (e instanceof Expr.Call c) {
            c.args().forEach(a -> collect(a, out));
        } else if (e instanceof Expr.MethodCall c) {
            collect(c.target(), out);
            c.args().forEach(a -> collect(a, out));
        } else if (e instanceof Expr.Unary u) {
            collect(u.operand(), out);
        } else if (e instanceof Expr.Binary b) {
            collect(b.left(), out);
            collect(b.right(), out);
        } else if (e instanceof Expr.ListLiteral l) {
            l.items().forEach(x -> collect(x, out));
        } else if (e instanceof Expr.ObjectLiteral o) {
            o.values().forEach(x -> collect(x, out));
        }
    }
}
