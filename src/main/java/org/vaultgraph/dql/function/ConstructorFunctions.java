package org.vaultgraph.dql.function;

import static org.vaultgraph.dql.function.Args.bool;
import static org.vaultgraph.dql.function.Args.link;
import static org.vaultgraph.dql.function.Args.str;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaultgraph.dql.eval.Context;
import org.vaultgraph.dql.eval.EvalException;
import org.vaultgraph.dql.eval.FunctionImpl;
import org.vaultgraph.dql.value.DvDate;
import org.vaultgraph.dql.value.DvLink;
import org.vaultgraph.dql.value.DvParsers;
import org.vaultgraph.dql.value.JsNumbers;
import org.vaultgraph.dql.value.Value;
import org.vaultgraph.dql.value.Values;

/** Functions that make values: object, list, date, dur, number, string, link, embed, elink, typeof. */
final class ConstructorFunctions {
    private ConstructorFunctions() {}

    static void register(Map<String, FunctionImpl> into) {
        into.put("object", ConstructorFunctions::object);
        into.put("list", (c, args) -> new Value.Array(args));
        into.put("array", (c, args) -> new Value.Array(args));
        into.put("date", DATE);
        into.put("dur", new FunctionBuilder("dur")
                .add1("string", (s, c) -> {
                    var d = DvParsers.wholeDuration(str(s).trim());
                    return d == null ? Value.NULL : d;
                })
                .add1("duration", (d, c) -> d)
                .add1("null", (n, c) -> n)
                .vectorize(1, 0)
                .build());
        into.put("number", new FunctionBuilder("number")
                .add1("number", (n, c) -> n)
                .add1("string", (s, c) -> {
                    Double d = JsNumbers.firstNumber(str(s));
                    return d == null ? Value.NULL : Value.of(d);
                })
                .add1("null", (n, c) -> Value.NULL)
                .vectorize(1, 0)
                .build());
        into.put("string", new FunctionBuilder("string").add1("*", (a, c) -> Value.of(Values.toString(a, c.settings()))).build());
        into.put("link", LINK);
        into.put("embed", new FunctionBuilder("embed")
                .add1("link", (l, c) -> link(l).withEmbed(true))
                .vectorize(1, 0)
                .add2("link", "boolean", (l, e, c) -> link(l).withEmbed(bool(e)))
                .add1("null", (n, c) -> Value.NULL)
                .add2("null", "*", (n, e, c) -> Value.NULL)
                .add2("*", "null", (l, n, c) -> Value.NULL)
                .vectorize(2, 0, 1)
                .build());
        into.put("elink", ELINK);
        into.put("typeof", new FunctionBuilder("type").add1("*", (a, c) -> Value.of(a.typeName())).build());
    }

    private static Value object(Context c, List<Value> args) {
        if (args.size() % 2 != 0) throw new EvalException("object() requires an even number of arguments");
        Map<String, Value> out = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            if (!(args.get(i) instanceof Value.Text key)) throw new EvalException("keys should be of type string for object(key1, value1, ...)");
            out.put(key.value(), args.get(i + 1));
        }
        return new Value.Obj(out);
    }

    private static final FunctionImpl DATE = new FunctionBuilder("date")
            .add1("string", (s, c) -> {
                String text = str(s);
                DvDate shorthand = c.clock().shorthand(text);
                if (shorthand != null && DvParsers.wholeDate(text, c.clock().zone()) == null) return shorthand;
                DvDate d = DvParsers.wholeDate(text, c.clock().zone());
                return d == null ? Value.NULL : d;
            })
            .add1("date", (d, c) -> d)
            .add1("link", (l, c) -> {
                DvLink link = link(l);
                if (link.display() != null) {
                    DvDate d = DvParsers.wholeDate(link.display(), c.clock().zone());
                    if (d != null) return d;
                }
                DvDate d = DvParsers.wholeDate(link.path(), c.clock().zone());
                if (d != null) return d;
                Value.Obj page = c.links().resolve(link.path());
                if (page != null && page.get("file") instanceof Value.Obj file && file.get("day") instanceof DvDate day) return day;
                return Value.NULL;
            })
            .add2("string", "string", (text, format, c) -> {
                String f = str(format);
                if (f.equals("x") || f.equals("X")) {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?").matcher(str(text));
                    if (!m.find()) throw new EvalException("Not a number for format( (${ f }): ${ d }");
                    long millis = (long) Double.parseDouble(m.group()) * (f.equals("X") ? 1000 : 1);
                    return DvDate.ofInstant(java.time.Instant.ofEpochMilli(millis), c.clock().zone());
                }
                DvDate parsed = FormatParser.parse(str(text), f, c.clock().zone());
                if (parsed == null) throw new EvalException("Can't handle format (" + f + ") on date string (" + str(text) + ")");
                return parsed;
            })
            .add2("null", "string", (n, f, c) -> Value.NULL)
            .add1("null", (n, c) -> Value.NULL)
            .vectorize(1, 0)
            .build();

    private static final FunctionImpl LINK = linkFunction();

    private static FunctionImpl linkFunction() {
        FunctionImpl[] self = new FunctionImpl[1];
        self[0] = new FunctionBuilder("link")
                .add1("string", (a, c) -> DvLink.file(c.links().normalize(str(a))))
                .add1("link", (a, c) -> a)
                .add1("null", (a, c) -> Value.NULL)
                .vectorize(1, 0)
                .add2("string", "string", (t, d, c) -> DvLink.file(c.links().normalize(str(t)), false, str(d)))
                .add3("string", "string", "boolean", (t, d, e, c) -> DvLink.file(c.links().normalize(str(t)), bool(e), str(d)))
                .add2("link", "string", (t, d, c) -> link(t).withDisplay(str(d)))
                .add2("null", "*", (n, x, c) -> Value.NULL)
                .add2("*", "null", (t, n, c) -> self[0].call(c, List.of(t)))
                .vectorize(2, 0, 1)
                .build();
        return self[0];
    }

    private static final FunctionImpl ELINK = elinkFunction();

    private static FunctionImpl elinkFunction() {
        return new FunctionBuilder("elink")
                .add2("string", "string", (a, d, c) -> new Value.ExternalLink(str(a), str(d)))
                .add2("string", "null", (a, n, c) -> new Value.ExternalLink(str(a), str(a)))
                .add2("null", "*", (n, x, c) -> Value.NULL)
                .vectorize(2, 0)
                .add1("string", (a, c) -> new Value.ExternalLink(str(a), str(a)))
                .add1("null", (n, c) -> Value.NULL)
                .vectorize(1, 0)
                .build();
    }
}
