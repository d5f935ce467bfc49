package org.vaultgraph.bases.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.vaultgraph.bases.value.BaseValue;
import org.vaultgraph.bases.value.BaseValues;

/**
 * The functions of lists (Functions page, "List type"), whose {@code filter}, {@code map} and
 * {@code reduce} evaluate their argument once per item with {@code value}, {@code index} and
 * {@code acc} bound; and the summaries of a list of numbers (mean, median, stddev, sum, min, max)
 * that custom summary formulas use ({@code values.mean().round(3)} on the Bases syntax page).
 */
final class ListFunctions {
    private ListFunctions() {}

    static void register(Map<String, Method> into) {
        into.put("contains", call -> BaseValue.of(contains(items(call), call.arg(0))));
        into.put("containsAll", call -> {
            for (BaseValue wanted : call.args()) if (!contains(items(call), wanted)) return BaseValue.FALSE;
            return BaseValue.TRUE;
        });
        into.put("containsAny", call -> {
            for (BaseValue wanted : call.args()) if (contains(items(call), wanted)) return BaseValue.TRUE;
            return BaseValue.FALSE;
        });
        into.put("filter", call -> {
            List<BaseValue> out = new ArrayList<>();
            List<BaseValue> items = items(call);
            for (int i = 0; i < items.size(); i++) {
                if (BaseValues.truthy(call.with(0, Map.of("value", items.get(i), "index", BaseValue.of(i))))) out.add(items.get(i));
            }
            return new BaseValue.ListValue(out);
        });
        into.put("map", call -> {
            List<BaseValue> out = new ArrayList<>();
            List<BaseValue> items = items(call);
            for (int i = 0; i < items.size(); i++) out.add(call.with(0, Map.of("value", items.get(i), "index", BaseValue.of(i))));
            return new BaseValue.ListValue(out);
        });
        into.put("reduce", call -> {
            BaseValue acc = call.arg(1);
            List<BaseValue> items = items(call);
            for (int i = 0; i < items.size(); i++) {
                acc = call.with(0, Map.of("value", items.get(i), "index", BaseValue.of(i), "acc", acc));
            }
            return acc;
        });
        into.put("flat", call -> {
            List<BaseValue> out = new ArrayList<>();
            for (BaseValue v : items(call)) {
                if (v instanceof BaseValue.ListValue inner) out.addAll(inner.items());
                else out.add(v);
            }
            return new BaseValue.ListValue(out);
        });
        into.put("isEmpty", call -> BaseValue.of(items(call).isEmpty()));
        into.put("join", call -> BaseValue.of(String.join(call.text(0), BaseValues.texts(items(call)))));
        into.put("reverse", call -> {
            List<BaseValue> out = new ArrayList<>(items(call));
            Collections.reverse(out);
            return new BaseValue.ListValue(out);
        });
        into.put("slice", call -> {
            List<BaseValue> items = items(call);
            int start = StringFunctions.index(call.number(0), items.size());
            int end = call.count() > 1 ? StringFunctions.index(call.number(1), items.size()) : items.size();
            return new BaseValue.ListValue(start < end ? items.subList(start, end) : List.of());
        });
        into.put("sort", call -> {
            List<BaseValue> out = new ArrayList<>(items(call));
            out.sort(ListFunctions::sortOrder);
            return new BaseValue.ListValue(out);
        });
        into.put("unique", call -> {
            List<BaseValue> out = new ArrayList<>();
            for (BaseValue v : items(call)) {
                boolean seen = false;
                for (BaseValue kept : out) seen |= BaseValues.equal(kept, v);
                if (!seen) out.add(v);
            }
            return new BaseValue.ListValue(out);
        });
        into.put("mean", call -> {
            List<Double> n = numbers(items(call));
            return n.isEmpty() ? BaseValue.NULL : BaseValue.of(sum(n) / n.size());
        });
        into.put("median", call -> median(numbers(items(call))));
        into.put("stddev", call -> stddev(numbers(items(call))));
        into.put("sum", call -> BaseValue.of(sum(numbers(items(call)))));
        into.put("min", call -> numbers(items(call)).stream().min(Double::compare).<BaseValue>map(BaseValue::of).orElse(BaseValue.NULL));
        into.put("max", call -> numbers(items(call)).stream().max(Double::compare).<BaseValue>map(BaseValue::of).orElse(BaseValue.NULL));
    }

    private static List<BaseValue> items(Call call) {
        return ((BaseValue.ListValue) call.target).items();
    }

    static boolean contains(List<BaseValue> items, BaseValue wanted) {
        for (BaseValue v : items) if (BaseValues.looseEqual(v, wanted)) return true;
        return false;
    }

    /** Smallest to largest, as the page's examples sort numbers and text; empty values last. */
    private static int sortOrder(BaseValue a, BaseValue b) {
        boolean ea = a instanceof BaseValue.NullValue;
        boolean eb = b instanceof BaseValue.NullValue;
        if (ea || eb) return Boolean.compare(ea, eb);
        return BaseValues.order(a, b);
    }

    /** The numbers among the values: numbers, and text that is a number (a formula's {@code toFixed} gives text). */
    static List<Double> numbers(List<BaseValue> values) {
        List<Double> out = new ArrayList<>();
        for (BaseValue v : values) {
            if (v instanceof BaseValue.NumberValue n && !Double.isNaN(n.value())) out.add(n.value());
            else if (v instanceof BaseValue.StringValue s && !s.value().isBlank()) {
                Double d = BaseValues.parseNumber(s.value());
                if (d != null) out.add(d);
            }
        }
        return out;
    }

    static double sum(List<Double> numbers) {
        double total = 0;
        for (double n : numbers) total += n;
        return total;
    }

    static BaseValue median(List<Double> numbers) {
        if (numbers.isEmpty()) return BaseValue.NULL;
        List<Double> sorted = new ArrayList<>(numbers);
        sorted.sort(null);
        int mid = sorted.size() / 2;
        return BaseValue.of(sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2);
    }

    /** The population standard deviation (dividing by the count). */
    static BaseValue stddev(List<Double> numbers) {
        if (numbers.isEmpty()) return BaseValue.NULL;
        double mean = sum(numbers) / numbers.size();
        double squares = 0;
        for (double n : numbers) squares += (n - mean) * (n - mean);
        return BaseValue.of(Math.sqrt(squares / numbers.size()));
    }
}
