package org.vaultgraph.bases.eval;

import java.util.ArrayList;
import java.util.List;
import org.vaultgraph.bases.syntax.BaseSpec;
import org.vaultgraph.bases.value.BaseValue;
import org.vaultgraph.bases.value.BaseValues;
import org.vaultgraph.dql.value.DvDuration;

/**
 * Summaries of a column (Bases syntax page, "Default Summary Formulas"; Table view page, "Summaries"):
 * the built-in ones by name, or a summary formula of the base run with {@code values} the column's
 * values. Number summaries read numbers and text that is a number; dates are compared by instant.
 */
public final class Summaries {
    private Summaries() {}

    public static BaseValue compute(String name, List<BaseValue> values, BaseSpec base, Evaluator ev) {
        BaseSpec.Formula custom = base.summaries().get(name);
        if (custom != null) return ev.cell(custom.expr(), Scope.summary(new BaseValue.ListValue(values)));
        List<Double> numbers = ListFunctions.numbers(values);
        List<BaseValue.DateValue> dates = new ArrayList<>();
        for (BaseValue v : values) if (v instanceof BaseValue.DateValue d) dates.add(d);
        switch (name) {
            case "Average": return numbers.isEmpty() ? BaseValue.NULL : BaseValue.of(ListFunctions.sum(numbers) / numbers.size());
            case "Min": return numbers.stream().min(Double::compare).<BaseValue>map(BaseValue::of).orElse(BaseValue.NULL);
            case "Max": return numbers.stream().max(Double::compare).<BaseValue>map(BaseValue::of).orElse(BaseValue.NULL);
            case "Sum": return BaseValue.of(ListFunctions.sum(numbers));
            case "Median": return ListFunctions.median(numbers);
            case "Stddev": return ListFunctions.stddev(numbers);
            case "Range": {
                if (!dates.isEmpty() && numbers.isEmpty()) {
                    long millis = latest(dates, true).date().toMillis() - latest(dates, false).date().toMillis();
                    return new BaseValue.DurationValue(DvDuration.ofMillis(millis));
                }
                if (numbers.isEmpty()) return BaseValue.NULL;
                return BaseValue.of(numbers.stream().max(Double::compare).get() - numbers.stream().min(Double::compare).get());
            }
            case "Earliest": return dates.isEmpty() ? BaseValue.NULL : latest(dates, false);
            case "Latest": return dates.isEmpty() ? BaseValue.NULL : latest(dates, true);
            case "Checked": return BaseValue.of(values.stream().filter(v -> v.equals(BaseValue.TRUE)).count());
            case "Unchecked": return BaseValue.of(values.stream().filter(v -> v.equals(BaseValue.FALSE)).count());
            case "Empty": return BaseValue.of(values.stream().filter(BaseValues::empty).count());
            case "Filled": return BaseValue.of(values.stream().filter(v -> !BaseValues.empty(v)).count());
            case "Unique": {
                List<BaseValue> distinct = new ArrayList<>();
                for (BaseValue v : values) {
                    if (BaseValues.empty(v)) continue;
                    if (distinct.stream().noneMatch(d -> BaseValues.equal(d, v))) distinct.add(v);
                }
                return BaseValue.of(distinct.size());
            }
            default: return new BaseValue.ErrorValue("unknown summary " + name);
        }
    }

    private static BaseValue.DateValue latest(List<BaseValue.DateValue> dates, boolean latest) {
        BaseValue.DateValue best = dates.get(0);
        for (BaseValue.DateValue d : dates) {
            long a = d.date().toMillis();
            long b = best.date().toMillis();
            if (latest ? a > b : a < b) best = d;
        }
        return best;
    }
}
