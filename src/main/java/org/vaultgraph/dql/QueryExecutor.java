package org.vaultgraph.dql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaultgraph.dql.eval.Context;
import org.vaultgraph.dql.eval.EvalException;
import org.vaultgraph.dql.function.StableSort;
import org.vaultgraph.dql.syntax.Dql;
import org.vaultgraph.dql.syntax.DqlException;
import org.vaultgraph.dql.value.Value;
import org.vaultgraph.dql.value.Values;

/**
 * Runs a query's operations (WHERE, SORT, LIMIT, GROUP BY, FLATTEN, in the order written) over its
 * rows as Dataview's engine does: a row whose expression fails is dropped, and an operation where
 * every row fails fails the query.
 */
final class QueryExecutor {
    /** One row: its id (a page link, a task's key, or a group's key) and the data expressions see. */
    record Row(Value id, Map<String, Value> data) {}

    /** What an id stands for after the operations: pages, or the key of a GROUP BY (over an earlier meaning). */
    record IdMeaning(String groupName, IdMeaning on) {
        static final IdMeaning PATH = new IdMeaning(null, null);

        boolean grouped() {
            return groupName != null;
        }
    }

    record Outcome(List<Row> rows, IdMeaning meaning) {}

    private final Context context;

    QueryExecutor(Context context) {
        this.context = context;
    }

    Outcome run(List<Row> input, List<Dql.Operation> operations) {
        List<Row> rows = input;
        IdMeaning meaning = IdMeaning.PATH;
        for (Dql.Operation op : operations) {
            int incoming = rows.size();
            List<String> errors = new ArrayList<>();
            if (op instanceof Dql.Where where) {
                List<Row> kept = new ArrayList<>();
                for (Row row : rows) {
                    try {
                        if (Values.isTruthy(context.evaluate(where.condition(), row.data()))) kept.add(row);
                    } catch (EvalException e) {
                        errors.add(e.getMessage());
                    }
                }
                rows = kept;
            } else if (op instanceof Dql.Sort sort) {
                rows = sort(rows, sort, errors);
            } else if (op instanceof Dql.Limit limit) {
                rows = limit(rows, limit);
            } else if (op instanceof Dql.GroupBy group) {
                rows = group(rows, group.key(), errors);
                meaning = new IdMeaning(group.key().name(), meaning);
            } else if (op instanceof Dql.Flatten flatten) {
                rows = flatten(rows, flatten.value(), errors);
                if (meaning.grouped() && meaning.groupName().equals(flatten.value().name())) meaning = meaning.on();
            }
            if (!errors.isEmpty() && errors.size() >= incoming) {
                throw new DqlException("Every row during operation '" + operationName(op) + "' failed with an error; first "
                        + Math.min(3, errors.size()) + ":\n" + String.join("\n", errors.subList(0, Math.min(3, errors.size())).stream()
                        .map(m -> "- " + m).toList()));
            }
        }
        return new Outcome(rows, meaning);
    }

    /** Evaluates the named expressions on each row; a row where one fails is dropped. */
    Outcome extract(Outcome core, List<Dql.NamedExpr> fields) {
        Map<String, Dql.Expr> byName = new LinkedHashMap<>();
        for (Dql.NamedExpr f : fields) byName.put(f.name(), f.expr());
        List<Row> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        outer:
        for (Row row : core.rows()) {
            Map<String, Value> values = new LinkedHashMap<>();
            for (Map.Entry<String, Dql.Expr> e : byName.entrySet()) {
                try {
                    values.put(e.getKey(), context.evaluate(e.getValue(), row.data()));
                } catch (EvalException ex) {
                    errors.add(ex.getMessage());
                    continue outer;
                }
            }
            out.add(new Row(row.id(), values));
        }
        if (!errors.isEmpty() && errors.size() >= core.rows().size()) {
            throw new DqlException("Every row during final data extraction failed with an error; first " + Math.max(errors.size(), 3)
                    + ":\n" + String.join("\n", errors.subList(0, Math.min(3, errors.size())).stream().map(m -> "- " + m).toList()));
        }
        return new Outcome(out, core.meaning());
    }

    private static String operationName(Dql.Operation op) {
        if (op instanceof Dql.Where) return "where";
        if (op instanceof Dql.Sort) return "sort";
        if (op instanceof Dql.Limit) return "limit";
        if (op instanceof Dql.GroupBy) return "group";
        return "flatten";
    }

    private List<Row> sort(List<Row> rows, Dql.Sort sort, List<String> errors) {
        record Keyed(Row row, List<Value> keys) {}
        List<Keyed> keyed = new ArrayList<>();
        outer:
        for (Row row : rows) {
            List<Value> keys = new ArrayList<>();
            for (Dql.SortKey key : sort.keys()) {
                try {
                    keys.add(context.evaluate(key.expr(), row.data()));
                } catch (EvalException e) {
                    errors.add(e.getMessage());
                    continue outer;
                }
            }
            keyed.add(new Keyed(row, keys));
        }
        List<Keyed> sorted = StableSort.sort(keyed, (a, b) -> {
            for (int i = 0; i < sort.keys().size(); i++) {
                int factor = sort.keys().get(i).ascending() ? 1 : -1;
                if (test("<", a.keys().get(i), b.keys().get(i))) return -factor;
                if (test(">", a.keys().get(i), b.keys().get(i))) return factor;
            }
            return 0;
        });
        return sorted.stream().map(Keyed::row).toList();
    }

    /** A comparison that counts as false when it fails, as Dataview's sort and group do. */
    private boolean test(String op, Value a, Value b) {
        try {
            return Values.isTruthy(context.binary(op, a, b));
        } catch (EvalException e) {
            return false;
        }
    }

    private List<Row> limit(List<Row> rows, Dql.Limit limit) {
        Value amount;
        try {
            amount = context.evaluate(limit.amount());
        } catch (EvalException e) {
            throw new DqlException("Failed to execute 'limit' statement: " + e.getMessage());
        }
        if (!(amount instanceof Value.Num n)) {
            throw new DqlException("Failed to execute 'limit' statement: limit should be a number, but got '" + amount.typeName()
                    + "' (" + Values.toString(amount, context.settings()) + ")");
        }
        // JavaScript's slice(0, n): a negative n counts from the end.
        double d = n.value();
        int size = rows.size();
        int end = Double.isNaN(d) ? 0 : d >= size ? size : d < 0 ? Math.max(0, size + (int) Math.ceil(d)) : (int) d;
        if (Double.isInfinite(d)) end = d > 0 ? size : 0;
        return new ArrayList<>(rows.subList(0, end));
    }

    private List<Row> group(List<Row> rows, Dql.NamedExpr key, List<String> errors) {
        record Keyed(Row row, Value key) {}
        List<Keyed> keyed = new ArrayList<>();
        for (Row row : rows) {
            try {
                keyed.add(new Keyed(row, context.evaluate(key.expr(), row.data())));
            } catch (EvalException e) {
                errors.add(e.getMessage());
            }
        }
        List<Keyed> sorted = StableSort.sort(keyed, (a, b) -> {
            if (test("<", a.key(), b.key())) return -1;
            if (test(">", a.key(), b.key())) return 1;
            return 0;
        });
        List<Row> out = new ArrayList<>();
        List<Value> members = null;
        Value groupKey = null;
        for (int i = 0; i < sorted.size(); i++) {
            Keyed k = sorted.get(i);
            if (i > 0 && test("=", k.key(), sorted.get(i - 1).key())) {
                members.add(new Value.Obj(k.row().data()));
                continue;
            }
            if (members != null) out.add(groupRow(groupKey, members, key.name()));
            members = new ArrayList<>();
            members.add(new Value.Obj(k.row().data()));
            groupKey = k.key();
        }
        if (members != null) out.add(groupRow(groupKey, members, key.name()));
        return out;
    }

    private static Row groupRow(Value key, List<Value> members, String name) {
        Map<String, Value> data = new LinkedHashMap<>();
        data.put("key", key);
        data.put("rows", new Value.Array(members));
        data.put(name, key);
        return new Row(key, data);
    }

    private List<Row> flatten(List<Row> rows, Dql.NamedExpr field, List<String> errors) {
        List<Row> out = new ArrayList<>();
        for (Row row : rows) {
            Value value;
            try {
                value = context.evaluate(field.expr(), row.data());
            } catch (EvalException e) {
                errors.add(e.getMessage());
                continue;
            }
            List<Value> points = value instanceof Value.Array a ? a.items() : List.of(value);
            for (Value point : points) {
                Map<String, Value> copy = new LinkedHashMap<>(row.data());
                copy.put(field.name(), point);
                out.add(new Row(row.id(), copy));
            }
        }
        return out;
    }
}
