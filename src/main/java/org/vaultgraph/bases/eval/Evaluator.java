package org.vaultgraph.bases.eval;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaultgraph.bases.syntax.BaseSpec;
import org.vaultgraph.bases.syntax.Expr;
import org.vaultgraph.bases.syntax.PropertyId;
import org.vaultgraph.bases.value.BaseValue;
import org.vaultgraph.bases.value.BaseValues;
import org.vaultgraph.dql.function.JsRegex;
import org.vaultgraph.dql.value.DvClock;

/**
 * Evaluates the expressions of one base, for the files of its views: names ({@code file}, {@code note},
 * {@code formula}, {@code this}, a note property by its bare name), member access and indexing, the
 * operators, and the functions of the Functions page.
 *
 * <pre>{@code
 * Evaluator ev = new Evaluator(files, base.formulas(), "Books.base", "Books.base", clock);
 * BaseValue v = ev.cell(ExprParser.parse("price * 2"), Scope.of(files.file("Books/Dune.md")));
 * }</pre>
 */
public final class Evaluator {
    private final FileSource files;
    private final Map<String, BaseSpec.Formula> formulas;
    private final String home;
    private final String thisPath;
    private final DvClock clock;

    /**
     * @param home     the vault path of the file the base is written in, from which link texts resolve
     * @param thisPath the file {@code this} names: the embedding note, or the base file itself; null for none
     * @param clock    the time {@code now()} and {@code today()} give, and the zone dates without one are in
     */
    public Evaluator(FileSource files, Map<String, BaseSpec.Formula> formulas, String home, String thisPath, DvClock clock) {
        this.files = files;
        this.formulas = formulas;
        this.home = home;
        this.thisPath = thisPath;
        this.clock = clock;
    }

    public FileSource files() {
        return files;
    }

    public String home() {
        return home;
    }

    public DvClock clock() {
        return clock;
    }

    public ZoneId zone() {
        return clock.zone();
    }

    /** A cell's value: the expression's value, or the error it gives. */
    public BaseValue cell(Expr e, Scope scope) {
        try {
            return value(e, scope);
        } catch (EvalException failure) {
            return new BaseValue.ErrorValue(failure.getMessage());
        } catch (StackOverflowError tooDeep) {
            return new BaseValue.ErrorValue("the expression is nested too deeply");
        }
    }

    /** A filter statement: whether its value is truthy; a statement that fails is false. */
    public boolean test(Expr e, Scope scope) {
        BaseValue v = cell(e, scope);
        return !(v instanceof BaseValue.ErrorValue) && BaseValues.truthy(v);
    }

    /** A property of the file of {@code scope}, by its id ({@code note.x}, {@code file.x}, {@code formula.x}). */
    public BaseValue property(String id, Scope scope) {
        return cell(PropertyId.expression(id), scope);
    }

    /** The value of an expression; throws {@link EvalException} when it fails. */
    public BaseValue value(Expr e, Scope scope) {
        if (e instanceof Expr.Literal l) return literal(l.value());
        if (e instanceof Expr.Name n) return name(n.name(), scope);
        if (e instanceof Expr.Member m) return member(m, scope);
        if (e instanceof Expr.Index i) return index(i, scope);
        if (e instanceof Expr.Call c) return Functions.global(c.name()).apply(new Call(this, scope, null, c.name(), c.args()));
        if (e instanceof Expr.MethodCall c) return method(c, scope);
        if (e instanceof Expr.Unary u) {
            BaseValue operand = value(u.operand(), scope);
            return u.operator().equals("!") ? BaseValue.of(!BaseValues.truthy(failIfError(operand))) : Operators.negate(operand);
        }
        if (e instanceof Expr.Binary b) return binary(b, scope);
        if (e instanceof Expr.RegexLiteral r) return regex(r.pattern(), r.flags());
        if (e instanceof Expr.ListLiteral l) {
            List<BaseValue> items = new ArrayList<>();
            for (Expr item : l.items()) items.add(value(item, scope));
            return new BaseValue.ListValue(items);
        }
        Expr.ObjectLiteral o = (Expr.ObjectLiteral) e;
        Map<String, BaseValue> entries = new LinkedHashMap<>();
        for (int i = 0; i < o.keys().size(); i++) entries.put(o.keys().get(i), value(o.values().get(i), scope));
        return new BaseValue.ObjectValue(entries);
    }

    static BaseValue literal(Object value) {
        if (value == null) return BaseValue.NULL;
        if (value instanceof Boolean b) return BaseValue.of(b);
        if (value instanceof Double d) return BaseValue.of(d);
        return BaseValue.of((String) value);
    }

    static BaseValue.RegexValue regex(String pattern, String flags) {
        try {
            return new BaseValue.RegexValue(pattern, flags, JsRegex.compile(pattern, flags));
        } catch (RuntimeException invalid) {
            throw new EvalException(invalid.getMessage());
        }
    }

    private BaseValue name(String name, Scope scope) {
        BaseValue bound = scope.variable(name);
        if (bound != null) return bound;
        switch (name) {
            case "file":
                return scope.file() == null ? BaseValue.NULL : new BaseValue.FileValue(scope.file().path());
            case "note":
                return scope.file() == null ? BaseValue.NULL : new BaseValue.ObjectValue(scope.file().properties());
            case "this":
                return thisPath == null ? BaseValue.NULL : new BaseValue.FileValue(thisPath);
            case "formula": {
                Map<String, BaseValue> all = new LinkedHashMap<>();
                for (String f : formulas.keySet()) all.put(f, formula(f, scope));
                return new BaseValue.ObjectValue(all);
            }
            default:
                return noteProperty(scope.file(), name);
        }
    }

    private static BaseValue noteProperty(FileFacts file, String key) {
        if (file == null) return BaseValue.NULL;
        BaseValue v = file.property(key);
        return v == null ? BaseValue.NULL : v;
    }

    /** A formula's value for the scope's file; a name no formula has is null. */
    public BaseValue formula(String name, Scope scope) {
        BaseSpec.Formula formula = formulas.get(name);
        if (formula == null) return BaseValue.NULL;
        return scope.formula(name, () -> value(formula.expr(), scope));
    }

    private BaseValue member(Expr.Member m, Scope scope) {
        if (m.target() instanceof Expr.Name n && scope.variable(n.name()) == null) {
            switch (n.name()) {
                case "formula": return formula(m.name(), scope);
                case "note": return noteProperty(scope.file(), m.name());
                case "this": return thisMember(m.name());
                default: break;
            }
        }
        return Fields.member(value(m.target(), scope), m.name(), this);
    }

    /** {@code this.file}, {@code this.note}, a file field of {@code this}, or a property of the note {@code this} names. */
    private BaseValue thisMember(String name) {
        if (thisPath == null) return BaseValue.NULL;
        if (name.equals("file")) return new BaseValue.FileValue(thisPath);
        FileFacts self = files.file(thisPath);
        if (name.equals("note")) return self == null ? BaseValue.NULL : new BaseValue.ObjectValue(self.properties());
        if (Fields.isFileField(name)) return Fields.member(new BaseValue.FileValue(thisPath), name, this);
        return noteProperty(self, name);
    }

    private BaseValue index(Expr.Index i, Scope scope) {
        if (i.target() instanceof Expr.Name n && scope.variable(n.name()) == null
                && (n.name().equals("formula") || n.name().equals("note") || n.name().equals("this"))) {
            BaseValue key = value(i.index(), scope);
            return member(new Expr.Member(i.target(), BaseValues.text(key), i.offset()), scope);
        }
        BaseValue target = failIfError(value(i.target(), scope));
        BaseValue key = failIfError(value(i.index(), scope));
        if (target instanceof BaseValue.ListValue list) {
            Double n = BaseValues.number(key);
            if (n == null || !(key instanceof BaseValue.NumberValue) || n != Math.rint(n)) return BaseValue.NULL;
            int at = n < 0 ? list.items().size() + n.intValue() : n.intValue();
            return at >= 0 && at < list.items().size() ? list.items().get(at) : BaseValue.NULL;
        }
        if (target instanceof BaseValue.StringValue s && key instanceof BaseValue.NumberValue n && n.value() == Math.rint(n.value())) {
            int at = (int) n.value();
            return at >= 0 && at < s.value().length() ? BaseValue.of(String.valueOf(s.value().charAt(at))) : BaseValue.NULL;
        }
        return Fields.member(target, BaseValues.text(key), this);
    }

    private BaseValue method(Expr.MethodCall c, Scope scope) {
        BaseValue target = failIfError(value(c.target(), scope));
        return Functions.method(target, c.name()).apply(new Call(this, scope, target, c.name(), c.args()));
    }

    private BaseValue binary(Expr.Binary b, Scope scope) {
        String op = b.operator();
        if (op.equals("&&")) return BaseValue.of(BaseValues.truthy(failIfError(value(b.left(), scope))) && BaseValues.truthy(failIfError(value(b.right(), scope))));
        if (op.equals("||")) return BaseValue.of(BaseValues.truthy(failIfError(value(b.left(), scope))) || BaseValues.truthy(failIfError(value(b.right(), scope))));
        return Operators.apply(op, value(b.left(), scope), value(b.right(), scope), zone());
    }

    static BaseValue failIfError(BaseValue v) {
        if (v instanceof BaseValue.ErrorValue e) throw new EvalException(e.message());
        return v;
    }

    /** The file a link text names from where the base is written; null when nothing has it. */
    public String resolve(String linkText) {
        return files.resolve(linkText, home);
    }
}
