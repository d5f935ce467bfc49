package org.vaultgraph.dql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.vaultgraph.dql.eval.Context;
import org.vaultgraph.dql.eval.LinkHandler;
import org.vaultgraph.dql.function.Functions;
import org.vaultgraph.dql.syntax.Dql;
import org.vaultgraph.dql.syntax.DqlParser;
import org.vaultgraph.dql.value.DvClock;
import org.vaultgraph.dql.value.DvLink;
import org.vaultgraph.dql.value.QuerySettings;
import org.vaultgraph.dql.value.Value;

/**
 * Runs Dataview queries on a vault's pages as Dataview's own engine does: the FROM clause picks the
 * pages (by index lookups in the graph), then each operation runs over the pages as Dataview
 * serialises them, with Dataview's values, comparisons and functions.
 *
 * <pre>{@code
 * DqlEngine engine = new DqlEngine(GraphPages.local(dataset, iris), QuerySettings.DEFAULTS, DvClock::system);
 * DqlResult result = engine.run("TABLE rating FROM #book SORT rating DESC", "Books/Index.md");
 * }</pre>
 */
public final class DqlEngine {
    private final PageSource pages;
    private final QuerySettings settings;
    private final Supplier<DvClock> clock;

    public DqlEngine(PageSource pages, QuerySettings settings, Supplier<DvClock> clock) {
        this.pages = pages;
        this.settings = settings;
        this.clock = clock;
    }

    public QuerySettings settings() {
        return settings;
    }

    /**
     * Runs a query written in the note at {@code originPath} (null when it stands on its own); throws
     * {@link org.vaultgraph.dql.syntax.DqlException} when it does not parse or cannot run.
     */
    public DqlResult run(String queryText, String originPath) {
        DvClock now = clock.get();
        return run(DqlParser.parse(queryText, now), originPath, now);
    }

    public DqlResult run(Dql.Query query, String originPath, DvClock now) {
        String origin = originPath == null ? "" : originPath;
        Value.Obj self = origin.isEmpty() ? null : pages.page(origin);
        Map<String, Value> globals = new LinkedHashMap<>();
        globals.put("this", self == null ? new Value.Obj(Map.of()) : self);
        Context context = new Context(links(origin), settings, now, globals, Functions.all());
        QueryExecutor executor = new QueryExecutor(context);
        Dql.Header header = query.header();
        List<String> paths = pages.paths(query.source(), origin);
        if (header.type() == Dql.QueryType.TASK) return tasks(paths, query, executor);

        List<QueryExecutor.Row> rows = new ArrayList<>();
        for (String path : paths) {
            Value.Obj page = pages.page(path);
            if (page != null) rows.add(new QueryExecutor.Row(DvLink.file(path), new LinkedHashMap<>(page.entries())));
        }
        QueryExecutor.Outcome core = executor.run(rows, query.operations());
        switch (header.type()) {
            case TABLE -> {
                QueryExecutor.Outcome extracted = executor.extract(core, header.fields());
                List<String> headers = new ArrayList<>();
                if (header.showId()) headers.add(core.meaning().grouped() ? core.meaning().groupName() : settings.tableIdColumnName());
                header.fields().forEach(f -> headers.add(f.name()));
                List<List<Value>> table = new ArrayList<>();
                for (QueryExecutor.Row row : extracted.rows()) {
                    List<Value> cells = new ArrayList<>();
                    if (header.showId()) cells.add(row.id());
                    for (Dql.NamedExpr f : header.fields()) cells.add(Value.nullable(row.data().get(f.name())));
                    table.add(cells);
                }
                return new DqlResult.Table(headers, table, header.showId());
            }
            case LIST -> {
                List<Dql.NamedExpr> target = header.fields().isEmpty() ? List.of()
                        : List.of(new Dql.NamedExpr("target", header.fields().get(0).expr()));
                QueryExecutor.Outcome extracted = executor.extract(core, target);
                List<Value> items = new ArrayList<>();
                for (QueryExecutor.Row row : extracted.rows()) {
                    Value value = Value.nullable(row.data().get("target"));
                    if (target.isEmpty()) items.add(row.id());
                    else if (header.showId()) items.add(new Value.ListPair(row.id(), value));
                    else items.add(value);
                }
                return new DqlResult.Listing(items);
            }
            default -> {
                List<Dql.NamedExpr> fields = List.of(new Dql.NamedExpr("target", header.fields().get(0).expr()),
                        new Dql.NamedExpr("link", new Dql.Index(new Dql.Variable("file"), new Dql.Literal(Value.of("link")))));
                QueryExecutor.Outcome extracted = executor.extract(core, fields);
                List<Value> dates = new ArrayList<>();
                List<Value> links = new ArrayList<>();
                for (QueryExecutor.Row row : extracted.rows()) {
                    dates.add(Value.nullable(row.data().get("target")));
                    links.add(Value.nullable(row.data().get("link")));
                }
                return new DqlResult.Calendar(dates, links);
            }
        }
    }

    /**
     * The parts of a query's FROM clause that name no page at all (a misspelt tag or folder, say), as
     * written; empty when every part finds something.
     */
    public List<String> emptySources(String queryText, String originPath) {
        Dql.Query query = DqlParser.parse(queryText, clock.get());
        List<String> out = new ArrayList<>();
        collectEmpty(query.source(), originPath == null ? "" : originPath, out);
        return out;
    }

    private void collectEmpty(Dql.Source source, String origin, List<String> out) {
        if (source instanceof Dql.BinarySource b) {
            collectEmpty(b.left(), origin, out);
            collectEmpty(b.right(), origin, out);
        } else if (source instanceof Dql.NegatedSource n) {
            collectEmpty(n.child(), origin, out);
        } else if (!(source instanceof Dql.FolderSource f && f.folder().isEmpty()) && !(source instanceof Dql.CsvSource)
                && pages.paths(source, origin).isEmpty()) {
            out.add(describe(source));
        }
    }

    private static String describe(Dql.Source source) {
        if (source instanceof Dql.TagSource t) return "#" + t.tag();
        if (source instanceof Dql.FolderSource f) return "\"" + f.folder() + "\"";
        Dql.LinkSource l = (Dql.LinkSource) source;
        return l.incoming() ? "[[" + l.target() + "]]" : "outgoing([[" + l.target() + "]])";
    }

    /**
     * Evaluates one expression as an inline query ({@code `= this.file.name`}) in the note at
     * {@code originPath} does, with {@code this} that note's page; throws
     * {@link org.vaultgraph.dql.syntax.DqlException} when it does not parse or cannot run.
     */
    public Value evaluate(String expression, String originPath) {
        DvClock now = clock.get();
        Dql.Expr expr = DqlParser.parseExpression(expression, now);
        Value.Obj self = originPath == null || originPath.isEmpty() ? null : pages.page(originPath);
        Map<String, Value> globals = new LinkedHashMap<>();
        globals.put("this", self == null ? new Value.Obj(Map.of()) : self);
        return new Context(links(originPath == null ? "" : originPath), settings, now, globals, Functions.all()).evaluate(expr);
    }

    /** The SPARQL the FROM clause of a query runs against the store, for {@code --sparql}. */
    public String describeSource(String queryText, String originPath) {
        Dql.Query query = DqlParser.parse(queryText, clock.get());
        return pages.describe(query.source(), originPath == null ? "" : originPath);
    }

    private DqlResult tasks(List<String> paths, Dql.Query query, QueryExecutor executor) {
        List<QueryExecutor.Row> rows = new ArrayList<>();
        for (String path : paths) {
            Value.Obj page = pages.page(path);
            if (page == null) continue;
            Value.Obj file = (Value.Obj) page.get("file");
            for (Value task : ((Value.Array) file.get("tasks")).items()) {
                Map<String, Value> data = new LinkedHashMap<>(((Value.Obj) task).entries());
                page.entries().forEach(data::putIfAbsent);
                Value line = ((Value.Obj) task).get("line");
                rows.add(new QueryExecutor.Row(Value.of(path + "#" + org.vaultgraph.dql.value.Values.toString(line, settings)), data));
            }
        }
        QueryExecutor.Outcome core = executor.run(rows, query.operations());
        List<Value.Obj> items = core.rows().stream().map(r -> new Value.Obj(r.data())).toList();
        return new DqlResult.Tasks(group(core.meaning(), items));
    }

    /** Dataview's task groupings: each GROUP BY level nests the rows of the level below. */
    private static DqlResult.TaskGrouping group(QueryExecutor.IdMeaning meaning, List<Value.Obj> rows) {
        if (!meaning.grouped()) return new DqlResult.TaskList(rows);
        List<DqlResult.TaskGroup> groups = new ArrayList<>();
        for (Value.Obj row : rows) {
            List<Value.Obj> inner = ((Value.Array) row.get("rows")).items().stream().map(v -> (Value.Obj) v).toList();
            groups.add(new DqlResult.TaskGroup(row.get(meaning.groupName()), group(meaning.on(), inner)));
        }
        return new DqlResult.TaskGroups(groups);
    }

    private LinkHandler links(String origin) {
        return new LinkHandler() {
            @Override
            public Value.Obj resolve(String path) {
                String full = pages.resolve(path, origin);
                return full == null ? null : pages.page(full);
            }

            @Override
            public String normalize(String path) {
                String full = pages.resolve(path, origin);
                return full == null ? path : full;
            }

            @Override
            public boolean exists(String path) {
                return pages.resolve(path, origin) != null;
            }
        };
    }
}
