package org.vaultgraph.bases.eval;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vaultgraph.bases.syntax.FunctionCatalog;
import org.vaultgraph.bases.syntax.FunctionCatalog.Family;
import org.vaultgraph.bases.value.BaseValue;
import org.vaultgraph.bases.value.BaseValues;

/**
 * Every function of the {@link FunctionCatalog}, by family, and which families a value's functions
 * come from: its own type's, then those of any value. Building the table checks that each function
 * of the catalog has a body and no body is left over.
 */
final class Functions {
    private static final Map<Family, Map<String, Method>> TABLE = build();

    private Functions() {}

    private static Map<Family, Map<String, Method>> build() {
        Map<Family, Map<String, Method>> table = new EnumMap<>(Family.class);
        for (Family f : Family.values()) table.put(f, new HashMap<>());
        GlobalFunctions.register(table.get(Family.GLOBAL));
        AnyFunctions.register(table.get(Family.ANY));
        DateFunctions.register(table.get(Family.DATE));
        StringFunctions.register(table.get(Family.STRING));
        NumberFunctions.register(table.get(Family.NUMBER));
        ListFunctions.register(table.get(Family.LIST));
        LinkFunctions.register(table.get(Family.LINK));
        FileFunctions.register(table.get(Family.FILE));
        ObjectFunctions.register(table.get(Family.OBJECT));
        table.get(Family.REGEXP).put("matches", call -> BaseValue.of(((BaseValue.RegexValue) call.target).pattern()
                .matcher(call.text(0)).find()));
        int bodies = 0;
        for (FunctionCatalog.Signature s : FunctionCatalog.all()) {
            if (!table.get(s.family()).containsKey(s.name())) throw new IllegalStateException("no body for " + s);
        }
        for (Map<String, Method> family : table.values()) bodies += family.size();
        if (bodies != FunctionCatalog.all().size()) throw new IllegalStateException("functions outside the catalog");
        return table;
    }

    static Method global(String name) {
        Method m = TABLE.get(Family.GLOBAL).get(name);
        if (m == null) throw new EvalException("unknown function " + name + "()");
        return m;
    }

    /** The function a value offers under this name; on null only the functions of any value and isEmpty() answer, others give null. */
    static Method method(BaseValue target, String name) {
        if (target instanceof BaseValue.NullValue) {
            if (name.equals("isEmpty")) return call -> BaseValue.TRUE;
            Method any = TABLE.get(Family.ANY).get(name);
            return any != null ? any : call -> BaseValue.NULL;
        }
        for (Family family : families(target)) {
            Method m = TABLE.get(family).get(name);
            if (m != null) return stringLike(target, family, m);
        }
        throw new EvalException(BaseValues.typeName(target) + " has no function " + name + "()");
    }

    /** Images, icons and HTML are strings in Obsidian: string functions see their text. */
    private static Method stringLike(BaseValue target, Family family, Method m) {
        if (family != Family.STRING || target instanceof BaseValue.StringValue) return m;
        return call -> m.apply(new Call(call.evaluator, call.scope, BaseValue.of(BaseValues.text(target)), call.name, argsOf(call)));
    }

    private static List<org.vaultgraph.bases.syntax.Expr> argsOf(Call call) {
        List<org.vaultgraph.bases.syntax.Expr> out = new java.util.ArrayList<>();
        for (int i = 0; i < call.count(); i++) out.add(call.expr(i));
        return out;
    }

    private static List<Family> families(BaseValue v) {
        if (v instanceof BaseValue.StringValue || v instanceof BaseValue.ImageValue || v instanceof BaseValue.IconValue
                || v instanceof BaseValue.HtmlValue) {
            return List.of(Family.STRING, Family.ANY);
        }
        if (v instanceof BaseValue.NumberValue) return List.of(Family.NUMBER, Family.ANY);
        if (v instanceof BaseValue.DateValue) return List.of(Family.DATE, Family.ANY);
        if (v instanceof BaseValue.ListValue) return List.of(Family.LIST, Family.ANY);
        if (v instanceof BaseValue.ObjectValue) return List.of(Family.OBJECT, Family.ANY);
        if (v instanceof BaseValue.LinkValue) return List.of(Family.LINK, Family.ANY);
        if (v instanceof BaseValue.FileValue) return List.of(Family.FILE, Family.ANY);
        if (v instanceof BaseValue.RegexValue) return List.of(Family.REGEXP, Family.ANY);
        return List.of(Family.ANY);
    }
}
