package org.vaultgraph.dql.function;

import static org.vaultgraph.dql.function.Args.date;
import static org.vaultgraph.dql.function.Args.dur;
import static org.vaultgraph.dql.function.Args.link;
import static org.vaultgraph.dql.function.Args.list;
import static org.vaultgraph.dql.function.Args.num;
import static org.vaultgraph.dql.function.Args.str;

import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.Currency;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaultgraph.dql.eval.EvalException;
import org.vaultgraph.dql.eval.FunctionImpl;
import org.vaultgraph.dql.value.DateFormatter;
import org.vaultgraph.dql.value.DvDate;
import org.vaultgraph.dql.value.DvLink;
import org.vaultgraph.dql.value.Value;
import org.vaultgraph.dql.value.Values;

/**
 * Utility functions: default, ldefault, display, choice, striptime, dateformat, durationformat,
 * currencyformat, localtime, hash, meta.
 */
final class UtilityFunctions {
    private UtilityFunctions() {}

    static void register(Map<String, FunctionImpl> into) {
        into.put("default", new FunctionBuilder("default")
                .add2("*", "*", (v, b, c) -> v instanceof Value.Null ? b : v)
                .vectorize(2, 0, 1)
                .build());
        into.put("ldefault", new FunctionBuilder("ldefault").add2("*", "*", (v, b, c) -> v instanceof Value.Null ? b : v).build());
        into.put("display", displayFunction());
        into.put("choice", new FunctionBuilder("choice")
                .add3("*", "*", "*", (b, l, r, c) -> Values.isTruthy(b) ? l : r)
                .vectorize(3, 0)
                .build());
        into.put("striptime", new FunctionBuilder("striptime")
                .add1("date", (d, c) -> DvDate.local(LocalDate.of(date(d).year(), date(d).month(), date(d).day()).atStartOfDay(), c.clock().zone()))
                .add1("null", (n, c) -> Value.NULL)
                .vectorize(1, 0)
                .build());
        into.put("dateformat", new FunctionBuilder("dateformat")
                .add2("date", "string", (d, f, c) -> Value.of(DateFormatter.format(date(d), str(f))))
                .add2("null", "string", (n, f, c) -> Value.NULL)
                .vectorize(2, 0)
                .build());
        into.put("durationformat", new FunctionBuilder("durationformat")
                .add2("duration", "string", (d, f, c) -> Value.of(dur(d).toFormat(str(f))))
                .add2("null", "string", (n, f, c) -> Value.NULL)
                .vectorize(2, 0)
                .build());
        into.put("currencyformat", new FunctionBuilder("currencyformat")
                .add2("number", "string", (n, f, c) -> Value.of(currency(num(n), str(f))))
                .add2("null", "string", (n, f, c) -> Value.NULL)
                .add1("number", (n, c) -> Value.of(currency(num(n), "USD")))
                .add1("null", (n, c) -> Value.NULL)
                .vectorize(2, 0)
                .build());
        into.put("localtime", new FunctionBuilder("localtime")
                .add1("date", (d, c) -> date(d).toLocal(c.clock().zone()))
                .add1("null", (n, c) -> Value.NULL)
                .vectorize(1, 0)
                .build());
        into.put("hash", new FunctionBuilder("hash")
                .add2("string", "number", (s, v, c) -> Value.of(cyrb53(str(s), (int) (long) num(v))))
                .add2("string", "string", (s, t, c) -> Value.of(cyrb53(str(s) + str(t), 0)))
                .add3("string", "string", "number", (s, t, v, c) -> Value.of(cyrb53(str(s) + str(t), (int) (long) num(v))))
                .build());
        into.put("meta", new FunctionBuilder("meta").add1("link", (l, c) -> {
            DvLink link = link(l);
            Map<String, Value> out = new LinkedHashMap<>();
            out.put("display", link.display() == null ? Value.NULL : Value.of(link.display()));
            out.put("embed", link.embedUnset() ? Value.NULL : Value.of(link.embed()));
            out.put("path", Value.of(link.path()));
            out.put("subpath", link.subpath() == null ? Value.NULL : Value.of(link.subpath()));
            out.put("type", Value.of(link.type().jsName()));
            return new Value.Obj(out);
        }).build());
    }

    private static FunctionImpl displayFunction() {
        FunctionImpl[] self = new FunctionImpl[1];
        self[0] = new FunctionBuilder("display")
                .add1("null", (n, c) -> Value.of(""))
                .add1("array", (a, c) -> Value.of(String.join(", ", list(a).stream()
                        .map(e -> Values.toString(self[0].call(c, List.of(e)), c.settings())).toList())))
                .add1("string", (s, c) -> Value.of(MarkdownText.strip(str(s))))
                .add1("link", (l, c) -> {
                    DvLink link = link(l);
                    if (link.display() != null && !link.display().isEmpty()) return self[0].call(c, List.of(Value.of(link.display())));
                    return Value.of(Values.toString(link, c.settings()).replaceFirst("\\[\\[.*\\|(.*)\\]\\]", "$1"));
                })
                .add1("*", (a, c) -> Value.of(Values.toString(a, c.settings())))
                .build();
        return self[0];
    }

    private static String currency(double amount, String code) {
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new EvalException("Invalid currency code : " + code);
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(ULocale.US);
        format.setCurrency(currency);
        return format.format(amount);
    }

    /** The 53-bit string hash Dataview's {@code hash()} uses (cyrb53, a public-domain algorithm). */
    static double cyrb53(String s, int seed) {
        int h1 = 0xdeadbeef ^ seed;
        int h2 = 0x41c6ce57 ^ seed;
        for (int i = 0; i < s.length(); i++) {
            int ch = s.charAt(i);
            h1 = (h1 ^ ch) * -1640531535;
            h2 = (h2 ^ ch) * 1597334677;
        }
        h1 = (h1 ^ (h1 >>> 16)) * -2048144789;
        h1 ^= (h2 ^ (h2 >>> 13)) * -1028477387;
        h2 = (h2 ^ (h2 >>> 16)) * -2048144789;
        h2 ^= (h1 ^ (h1 >>> 13)) * -1028477387;
        return 4294967296.0 * (2097151 & h2) + (h1 & 0xFFFFFFFFL);
    }
}
