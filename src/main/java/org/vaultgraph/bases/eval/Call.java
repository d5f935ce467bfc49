package org.vaultgraph.bases.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vaultgraph.bases.syntax.Expr;
import org.vaultgraph.bases.value.BaseValue;
import org.vaultgraph.bases.value.BaseValues;

/**
 * One call of a function: the value it is called on (null for a global function) and its arguments,
 * evaluated when asked for, so that {@code if()} and the list functions can evaluate theirs as they need.
 */
final class Call {
    final Evaluator evaluator;
    final Scope scope;
    final BaseValue target;
    final String name;
    private final List<Expr> args;
    private final BaseValue[] values;

    Call(Evaluator evaluator, Scope scope, BaseValue target, String name, List<Expr> args) {
        this.evaluator = evaluator;
        this.scope = scope;
        this.target = target;
        this.name = name;
        this.args = args;
        this.values = new BaseValue[args.size()];
    }

    int count() {
        return args.size();
    }

    Expr expr(int i) {
        return args.get(i);
    }

    /** The i-th argument's value (errors fail the call). */
    BaseValue arg(int i) {
        if (values[i] == null) values[i] = Evaluator.failIfError(evaluator.value(args.get(i), scope));
        return values[i];
    }

    List<BaseValue> args() {
        List<BaseValue> out = new ArrayList<>();
        for (int i = 0; i < count(); i++) out.add(arg(i));
        return out;
    }

    /** An argument that must be text (a number or boolean is taken as its text). */
    String text(int i) {
        BaseValue v = arg(i);
        if (v instanceof BaseValue.StringValue s) return s.value();
        if (v instanceof BaseValue.NumberValue || v instanceof BaseValue.BoolValue) return BaseValues.text(v);
        throw fail("argument " + (i + 1) + " should be text, not " + BaseValues.typeName(v));
    }

    /** An argument that must be a number. */
    double number(int i) {
        BaseValue v = arg(i);
        if (v instanceof BaseValue.NumberValue n) return n.value();
        throw fail("argument " + (i + 1) + " should be a number, not " + BaseValues.typeName(v));
    }

    /** The expression of argument i evaluated with more variables bound: the body of filter(), map(), reduce(). */
    BaseValue with(int i, Map<String, BaseValue> variables) {
        return Evaluator.failIfError(evaluator.value(args.get(i), scope.with(variables)));
    }

    EvalException fail(String message) {
        return new EvalException(name + "(): " + message);
    }
}
