package org.vaultgraph.dql;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.riot.out.NodeFmtLib;
import org.vaultgraph.rdf.IriMinter;
import org.vaultgraph.rdf.VaultMapper;
import org.vaultgraph.vault.DataviewValues;
import org.vaultgraph.vault.FieldNames;
import org.vaultgraph.vault.FieldValue;

/**
 * Compiles a Dataview query into one SPARQL query over the vaultgraph ontology.
 *
 * <pre>{@code
 * SparqlCompiler compiler = new SparqlCompiler(iris, links, ZoneId.systemDefault());
 * CompiledQuery compiled = compiler.compile(DqlParser.parse(text), "Research/Tags/L4-L5.md");
 * compiled.sparql();
 * }</pre>
 *
 * The query has two levels. An inner SELECT gives one solution per result row (a page, or a page and
 * the value FLATTEN took): FROM, WHERE and FLATTEN become its patterns and filters, and the scalar
 * values later steps need become its variables. The outer SELECT adds the patterns that enumerate
 * lists, packs each column's values into one string ({@link ResultDecoder} reads them back), and
 * groups, orders and limits: by row, or by the key of GROUP BY. Where Dataview's semantics differ from
 * SPARQL's, the comment at that spot says which one the compiled query follows.
 */
public final class SparqlCompiler {

    /** Resolves a link target written in a query, relative to the note the query is in, to an IRI. */
    public interface LinkLookup {
        Optional<String> resolve(String target, String fromPath);
    }

    /** How a column's packed values read back. */
    public enum Shape {
        /** One value, or null. */
        SCALAR,
        /** Always a list. */
        LIST,
        /** A list when the column's list flag says so, else one value. */
        MAYBE_LIST,
        /** One value when there is one, else a list. */
        AUTO,
        /** After GROUP BY: one value per row of the group. */
        ROWS,
        /** After GROUP BY: the values of every row of the group, in one list. */
        ROWS_FLAT
    }

    public record Column(String name, Shape shape) {}

    /**
     * A compiled query: its SPARQL, and what the result columns are.
     *
     * @param grouped whether rows are GROUP BY groups (their id is {@code ?key}) rather than pages ({@code ?row})
     */
    public record CompiledQuery(String sparql, Dql.QueryType type, boolean showId, String idHeader, List<Column> columns, boolean grouped) {}

    private final IriMinter iris;
    private final LinkLookup links;
    private final ZoneId zone;

    public SparqlCompiler(IriMinter iris, LinkLookup links, ZoneId zone) {
        this.iris = iris;
        this.links = links;
        this.zone = zone;
    }

    /**
     * @param currentPath vault path of the note the query is written in ({@code [[]]} and {@code this}),
     *                    or null when it runs on its own
     */
    public CompiledQuery compile(Dql.Query query, String currentPath) {
        Dql.Header header = query.header();
        if (header.type() == Dql.QueryType.TASK) throw unsupported("TASK queries (vaultgraph does not read tasks yet)");
        if (header.type() == Dql.QueryType.CALENDAR) throw unsupported("CALENDAR queries");
        Pipeline p = new Pipeline(currentPath);
        source(query.source(), p, true);
        // After the source's patterns: a link or a tag narrows the rows far more than "every note".
        p.inner.patterns.add("?row a vg:Note ; vg:path ?path .");
        for (Dql.Operation op : query.operations()) p.apply(op);
        return p.finish(header);
    }

    // --- The pipeline of operations ----------------------------------------------------------------

    /** The parts of one SELECT, in the order SPARQL needs them. */
    private static final class Part {
        final List<String> patterns = new ArrayList<>();
        final List<String> optionals = new ArrayList<>();
        final List<String> binds = new ArrayList<>();
        final List<String> filters = new ArrayList<>();

        /** BIND sees only what is written before it, so patterns and OPTIONALs come first; FILTER applies to the whole group. */
        void writeTo(StringBuilder out, String indent) {
            for (List<String> lines : List.of(patterns, optionals, binds, filters)) {
                lines.forEach(line -> out.append(indent).append(line).append('\n'));
            }
        }
    }

    private record SortKey(String var, String isList, boolean ascending) {}

    private final class Pipeline {
        final String currentPath;
        final Part inner = new Part();
        final Part outer = new Part();
        final List<String> identity = new ArrayList<>();
        final Map<String, Val> names = new HashMap<>();
        final Map<String, Val.One> fieldCache = new HashMap<>();
        final List<String> innerOrder = new ArrayList<>();
        String innerLimit;
        List<SortKey> sort = new ArrayList<>();
        String limit;
        int counter;

        // GROUP BY state
        boolean grouped;
        String groupName;
        final Part groupPart = new Part();
        final List<String> groupAggregates = new ArrayList<>();
        final List<String> scalarAggregates = new ArrayList<>();
        final Part top = new Part();

        Pipeline(String currentPath) {
            this.currentPath = currentPath;
        }

        String fresh(String prefix) {
            return "?" + prefix + (counter++);
        }

        /** Where expressions of the current step are bound: the inner query, or after GROUP BY the outer one. */
        boolean perRow;

        Part target() {
            return grouped && !perRow ? top : inner;
        }

        String currentIri() {
            if (currentPath == null) throw new DqlException("[[]] and 'this' need the note the query is in (give --from NOTE)");
            return iris.note(currentPath);
        }

        void apply(Dql.Operation op) {
            if (op instanceof Dql.Where where) {
                requireNoLimit("WHERE");
                Val.One condition = materialize(one(expr(where.condition(), this), this), this);
                target().filters.add("FILTER(" + Sparql.truthy(condition.expr(), condition.isList()) + ")");
            } else if (op instanceof Dql.Sort s) {
                List<SortKey> keys = new ArrayList<>();
                for (Dql.SortKey key : s.keys()) {
                    Val.One value = one(expr(key.expr(), this), this);
                    String var = fresh("k");
                    String list = fresh("kl");
                    target().binds.add("BIND(" + value.expr() + " AS " + var + ")");
                    target().binds.add("BIND(" + value.isList() + " AS " + list + ")");
                    keys.add(new SortKey(var, list, key.ascending()));
                }
                // Dataview's sort is stable, so rows that tie on the new keys keep the order the earlier SORT gave.
                keys.addAll(sort);
                sort = keys;
            } else if (op instanceof Dql.Limit l) {
                String amount = limitAmount(l.amount());
                if (grouped || innerLimit != null || limit != null) {
                    if (limit != null) throw unsupported("a second LIMIT");
                    limit = amount;
                } else {
                    // What follows the LIMIT sees only these rows: they are chosen in the inner query.
                    innerLimit = amount;
                    sort.forEach(k -> innerOrder.add(Sparql.orderKeys(k.var(), k.isList(), k.ascending(), zone)));
                    innerOrder.add("?path");
                    sort = new ArrayList<>(sort);
                }
            } else if (op instanceof Dql.Flatten f) {
                requireNoLimit("FLATTEN");
                if (grouped) throw unsupported("FLATTEN after GROUP BY");
                flatten(f.value());
            } else if (op instanceof Dql.GroupBy g) {
                requireNoLimit("GROUP BY");
                if (grouped) throw unsupported("a second GROUP BY");
                group(g.key());
            }
        }

        private void requireNoLimit(String what) {
            if (innerLimit != null || limit != null) throw unsupported(what + " after LIMIT");
        }

        /** FLATTEN: one row per element; an empty list drops the row, a missing field gives one row with null. */
        private void flatten(Dql.NamedExpr named) {
            Val value = expr(named.expr(), this);
            String var = fresh("flat");
            if (value instanceof Val.Elements e) {
                String element = fresh("fe");
                String pattern = e.subject() + " " + e.path() + " " + element + " ." + filterOf(e, element);
                if (e.kind() == Val.Elements.Kind.ALWAYS) inner.patterns.add(pattern);
                else inner.optionals.add("OPTIONAL { " + pattern + " }");
                inner.binds.add("BIND(" + e.element().apply(element) + " AS " + var + ")");
            } else if (value instanceof Val.Items items) {
                if (items.items().isEmpty()) inner.filters.add("FILTER(false)");
                StringBuilder values = new StringBuilder("VALUES " + var + " {");
                for (Val.One item : items.items()) {
                    if (!isConstant(item.expr())) throw unsupported("FLATTEN of a list whose items are not constants");
                    values.append(' ').append(item.expr());
                }
                inner.patterns.add(values.append(" }").toString());
            } else {
                Val.One one = one(value, this);
                inner.binds.add("BIND(" + one.expr() + " AS " + var + ")");
            }
            identity.add(var);
            names.put(named.name(), Val.One.of(var));
        }

        /** GROUP BY: groups of rows with an equal key, ordered by key; a null key is a group too. */
        private void group(Dql.NamedExpr named) {
            Val key = expr(named.expr(), this);
            if (key instanceof Val.Elements e && e.kind() == Val.Elements.Kind.ALWAYS) {
                throw unsupported("GROUP BY a list (" + named.name() + "); FLATTEN it first to group by each value");
            }
            Val.One one = one(key, this);
            inner.binds.add("BIND(COALESCE(" + one.expr() + ", " + Sparql.iri(Sparql.NULL_KEY) + ") AS ?key)");
            grouped = true;
            groupName = named.name();
            names.clear();
            // The key as a value: the stand-in for null becomes null again.
            top.binds.add("BIND(IF(sameTerm(?key, " + Sparql.iri(Sparql.NULL_KEY) + "), ?__null, ?key) AS ?keyValue)");
            names.put(named.name(), Val.One.of("?keyValue"));
            names.put("key", Val.One.of("?keyValue"));
            names.put("rows", new Val.Rows());
            groupAggregates.add("(COUNT(DISTINCT " + Sparql.rowId(identity) + ") AS ?rowCount)");
            sort = new ArrayList<>();
        }

        CompiledQuery finish(Dql.Header header) {
            List<Column> columns = new ArrayList<>();
            List<String> projections = new ArrayList<>();
            for (Dql.NamedExpr field : header.fields()) {
                String column = "?c" + columns.size();
                Shape shape = column(expr(field.expr(), this), column, projections);
                columns.add(new Column(field.name(), shape));
            }
            String sparql = grouped ? groupedQuery(projections) : rowQuery(projections);
            String idHeader = grouped ? groupName : "File";
            return new CompiledQuery(Sparql.PREFIXES + sparql, header.type(), header.showId(), idHeader, List.copyOf(columns), grouped);
        }

        /** Packs a column's values into {@code column}; returns how they read back. */
        private Shape column(Val value, String column, List<String> projections) {
            String flag = column.replace("?c", "?cl");
            if (grouped) return groupColumn(value, column, projections);
            if (value instanceof Val.Elements e) {
                String element = fresh("ce");
                String packed = fresh("p");
                outer.optionals.add("OPTIONAL { " + e.subject() + " " + e.path() + " " + element + " ." + filterOf(e, element) + " }");
                outer.binds.add("BIND(" + Sparql.encode(e.element().apply(element)) + " AS " + packed + ")");
                projections.add("(GROUP_CONCAT(DISTINCT " + packed + "; separator=\"\") AS " + column + ")");
                if (e.kind() == Val.Elements.Kind.FIELD) {
                    String marked = fresh("lf");
                    inner.binds.add("BIND(EXISTS { " + e.subject() + " vg:listField " + e.predicate() + " } AS " + marked + ")");
                    projections.add("(SAMPLE(" + marked + ") AS " + flag + ")");
                    return Shape.MAYBE_LIST;
                }
                return e.kind() == Val.Elements.Kind.ALWAYS ? Shape.LIST : Shape.AUTO;
            }
            if (value instanceof Val.Items items) {
                String var = fresh("s");
                inner.binds.add("BIND(" + packItems(items) + " AS " + var + ")");
                projections.add("(SAMPLE(" + var + ") AS " + column + ")");
                return Shape.LIST;
            }
            Val.One one = one(value, this);
            String var = fresh("s");
            inner.binds.add("BIND(" + Sparql.encode(one.expr()) + " AS " + var + ")");
            projections.add("(SAMPLE(" + var + ") AS " + column + ")");
            return Shape.SCALAR;
        }

        private Shape groupColumn(Val value, String column, List<String> projections) {
            if (value instanceof Val.RowValues rv) {
                boolean flat = false;
                Val perRow = rv.perRow();
                String packed = fresh("gp");
                String rowId = Sparql.rowId(identity);
                if (perRow instanceof Val.Elements e) {
                    String element = fresh("ge");
                    groupPart.optionals.add("OPTIONAL { " + e.subject() + " " + e.path() + " " + element + " ." + filterOf(e, element) + " }");
                    groupPart.binds.add("BIND(" + Sparql.encodePair(rowId, e.element().apply(element)) + " AS " + packed + ")");
                } else {
                    this.perRow = true;
                    Val.One one = one(perRow, this);
                    this.perRow = false;
                    String var = fresh("rv");
                    inner.binds.add("BIND(" + one.expr() + " AS " + var + ")");
                    groupPart.binds.add("BIND(" + Sparql.encodePair(rowId, var) + " AS " + packed + ")");
                }
                groupAggregates.add("(GROUP_CONCAT(DISTINCT " + packed + "; separator=\"\") AS " + column + ")");
                projections.add(column);
                return flat ? Shape.ROWS_FLAT : Shape.ROWS;
            }
            if (value instanceof Val.Rows) throw unsupported("showing 'rows' itself; show rows.file.link or another field of the rows");
            Val.One one = one(value, this);
            top.binds.add("BIND(" + Sparql.encode(one.expr()) + " AS " + column + ")");
            projections.add(column);
            return Shape.SCALAR;
        }

        private String rowQuery(List<String> projections) {
            StringBuilder out = new StringBuilder("SELECT ?row (SAMPLE(?path) AS ?rowPath)");
            projections.forEach(p -> out.append(' ').append(p));
            List<String> order = new ArrayList<>();
            for (SortKey key : sort) {
                out.append(" (SAMPLE(").append(key.var()).append(") AS ").append(key.var()).append("s)")
                        .append(" (SAMPLE(").append(key.isList()).append(") AS ").append(key.isList()).append("s)");
                order.add(Sparql.orderKeys(key.var() + "s", key.isList() + "s", key.ascending(), zone));
            }
            out.append("\nWHERE {\n  { SELECT * WHERE {\n");
            inner.writeTo(out, "    ");
            out.append("  }");
            if (innerLimit != null) out.append(" ORDER BY ").append(String.join(" ", innerOrder)).append(" LIMIT ").append(innerLimit);
            out.append(" }\n");
            outer.writeTo(out, "  ");
            out.append("}\nGROUP BY ?row");
            identity.forEach(v -> out.append(' ').append(v));
            // Rows that sort alike keep path order (then the order of the values FLATTEN gave), so results do not depend on the store.
            order.add("?rowPath");
            order.addAll(identity);
            out.append("\nORDER BY ").append(String.join(" ", order)).append('\n');
            if (limit != null) out.append("LIMIT ").append(limit).append('\n');
            return out.toString();
        }

        private String groupedQuery(List<String> projections) {
            StringBuilder innerText = new StringBuilder("{ SELECT * WHERE {\n");
            inner.writeTo(innerText, "      ");
            innerText.append("    }");
            if (innerLimit != null) innerText.append(" ORDER BY ").append(String.join(" ", innerOrder)).append(" LIMIT ").append(innerLimit);
            innerText.append(" }\n");

            StringBuilder out = new StringBuilder("SELECT ?key");
            projections.forEach(p -> out.append(' ').append(p));
            List<String> order = new ArrayList<>();
            for (SortKey key : sort) order.add(Sparql.orderKeys(key.var(), key.isList(), key.ascending(), zone));
            // Dataview orders groups by key, nulls first, unless a SORT after GROUP BY says otherwise.
            order.add("DESC(?key = " + Sparql.iri(Sparql.NULL_KEY) + ")");
            order.add(Sparql.orderKeys("?key", "false", true, zone));
            out.append("\nWHERE {\n  { SELECT ?key");
            groupAggregates.forEach(a -> out.append(' ').append(a));
            out.append(" WHERE {\n    ").append(innerText);
            groupPart.writeTo(out, "    ");
            out.append("  } GROUP BY ?key }\n");
            if (!scalarAggregates.isEmpty()) {
                out.append("  { SELECT ?key");
                scalarAggregates.forEach(a -> out.append(' ').append(a));
                out.append(" WHERE {\n    ").append(innerText).append("  } GROUP BY ?key }\n");
            }
            top.writeTo(out, "  ");
            out.append("}\nORDER BY ").append(String.join(" ", order)).append('\n');
            if (limit != null) out.append("LIMIT ").append(limit).append('\n');
            return out.toString();
        }
    }

    /**
     * Binds a compound expression to a variable of its own, so that templates that read a value several
     * times (comparisons, truthiness) repeat a variable rather than the expression.
     */
    private static Val.One materialize(Val.One value, Pipeline p) {
        String expr = value.expr();
        if (expr.matches("\\?\\w+") || expr.matches("-?[0-9.]+|true|false|\"[^\"\\\\]*\"|<[^>]*>")) return value;
        String var = p.fresh("t");
        p.target().binds.add("BIND(" + expr + " AS " + var + ")");
        return new Val.One(var, value.isList());
    }

    private static String limitAmount(Dql.Expr amount) {
        if (amount instanceof Dql.Literal lit && lit.value() instanceof DqlValue.Num n && n.value().signum() >= 0) {
            return n.value().toBigInteger().toString();
        }
        throw new DqlException("LIMIT needs a number, such as LIMIT 10");
    }

    private static String filterOf(Val.Elements e, String element) {
        String condition = e.filter().apply(element);
        return condition.isEmpty() ? "" : " FILTER(" + condition + ")";
    }

    private static boolean isConstant(String sparql) {
        return !sparql.contains("?");
    }

    private static String packItems(Val.Items items) {
        if (items.items().isEmpty()) return "\"\"";
        StringBuilder out = new StringBuilder("CONCAT(\"\"");
        for (Val.One item : items.items()) out.append(", COALESCE(").append(Sparql.encode(item.expr())).append(", \"\")");
        return out.append(")").toString();
    }

    // --- Sources -----------------------------------------------------------------------------------

    /** Adds the source's condition on ?row; at the top of an AND chain, as patterns that use the indexes. */
    private void source(Dql.Source source, Pipeline p, boolean topLevel) {
        if (topLevel && source instanceof Dql.BinarySource bin && bin.and()) {
            source(bin.left(), p, true);
            source(bin.right(), p, true);
            return;
        }
        if (topLevel && !(source instanceof Dql.BinarySource) && !(source instanceof Dql.NegatedSource)) {
            String pattern = sourcePattern(source, p);
            if (!pattern.isEmpty()) p.inner.patterns.add(pattern);
            return;
        }
        p.inner.filters.add("FILTER(" + sourceCondition(source, p) + ")");
    }

    private String sourceCondition(Dql.Source source, Pipeline p) {
        if (source instanceof Dql.BinarySource bin) {
            return "(" + sourceCondition(bin.left(), p) + (bin.and() ? " && " : " || ") + sourceCondition(bin.right(), p) + ")";
        }
        // A negated source is every note but those: NOT EXISTS over the same condition.
        if (source instanceof Dql.NegatedSource neg) return "!" + sourceCondition(neg.child(), p);
        String pattern = sourcePattern(source, p);
        return pattern.isEmpty() ? "true" : "EXISTS { " + pattern + " }";
    }

    private String sourcePattern(Dql.Source source, Pipeline p) {
        if (source instanceof Dql.TagSource tag) {
            // Dataview matches tags case-insensitively and includes subtags (#a finds #a/b); tag IRIs are minted in lower case.
            return "?row vg:tag/skos:broader* " + Sparql.iri(iris.tag(tag.tag())) + " .";
        }
        if (source instanceof Dql.FolderSource folder) {
            String f = folder.folder().replaceAll("^/+|/+$", "");
            if (f.isEmpty()) return "";
            String folderVar = p.fresh("folder");
            String lit = Sparql.string(f);
            // A folder source takes the folder and its subfolders, or else the file of that path.
            return "?row vg:folder " + folderVar + " . FILTER(" + folderVar + " = " + lit + " || STRSTARTS(" + folderVar + ", "
                    + Sparql.string(f + "/") + ") || ?path = " + lit + " || ?path = " + Sparql.string(f + ".md") + ")";
        }
        if (source instanceof Dql.LinkSource link) {
            String target = linkIri(link.target(), p);
            return link.incoming() ? "?row vg:linksTo " + target + " ." : target + " vg:linksTo ?row .";
        }
        if (source instanceof Dql.CsvSource csv) {
            throw unsupported("FROM csv(\"" + csv.path() + "\") (vaultgraph does not read CSV files)");
        }
        throw new IllegalStateException("unknown source " + source);
    }

    private String linkIri(String target, Pipeline p) {
        if (target.isEmpty()) return Sparql.iri(p.currentIri());
        String from = p.currentPath == null ? "" : p.currentPath;
        return Sparql.iri(links.resolve(target, from).orElse(iris.unresolved(target)));
    }

    // --- Expressions -------------------------------------------------------------------------------

    private Val expr(Dql.Expr e, Pipeline p) {
        if (e instanceof Dql.Literal lit) return literal(lit.value(), p);
        if (e instanceof Dql.Variable v) return variable(v.name(), p);
        if (e instanceof Dql.Index index) return index(index, p);
        if (e instanceof Dql.Negated neg) {
            Val.One value = materialize(one(expr(neg.value(), p), p), p);
            return Val.One.of("!(" + Sparql.truthy(value.expr(), value.isList()) + ")");
        }
        if (e instanceof Dql.Binary bin) return binary(bin, p);
        if (e instanceof Dql.Call call) return call(call, p);
        if (e instanceof Dql.ListExpr list) {
            List<Val.One> items = new ArrayList<>();
            for (Dql.Expr item : list.items()) items.add(one(expr(item, p), p));
            return new Val.Items(items);
        }
        if (e instanceof Dql.Lambda lambda) return new Val.Lambda(lambda.arguments(), lambda.body());
        throw unsupported("object literals ({a: 1})");
    }

    private Val variable(String name, Pipeline p) {
        Val named = p.names.get(name);
        if (named != null) return named;
        if (p.grouped) {
            // After GROUP BY only the group's key, its name and rows remain; a page field is null, as in Dataview.
            return name.equals("this") ? new Val.Page(Sparql.iri(p.currentIri())) : Val.One.nullValue();
        }
        return switch (name) {
            case "file" -> new Val.FileOf("?row");
            case "this" -> new Val.Page(Sparql.iri(p.currentIri()));
            case "row" -> new Val.Page("?row");
            default -> field("?row", name);
        };
    }

    /** A page's field, by Dataview's canonical name: a list when the note writes it as one. */
    private Val.Elements field(String subject, String name) {
        String predicate = Sparql.iri(iris.field(FieldNames.canonicalize(name)));
        return new Val.Elements(subject, predicate, x -> x, x -> "", Val.Elements.Kind.FIELD, predicate);
    }

    private Val index(Dql.Index index, Pipeline p) {
        if (index.object() instanceof Dql.Variable v && v.name().equals("rows") && p.grouped) {
            // rows.x: x of each page of the group, evaluated on the page.
            return new Val.RowValues(rowsAccess(index.key(), p));
        }
        if (index.object() instanceof Dql.Index inner && p.grouped && startsWithRows(inner)) {
            Val.RowValues rows = (Val.RowValues) index(inner, p);
            return new Val.RowValues(access(rows.perRow(), keyName(index.key(), index), p));
        }
        if (index.object() instanceof Dql.Variable v && v.name().equals("row")) {
            String key = keyName(index.key(), index);
            Val named = p.names.get(key);
            if (named != null) return named;
        }
        Val object = expr(index.object(), p);
        return access(object, keyName(index.key(), index), p);
    }

    private static boolean startsWithRows(Dql.Index index) {
        Dql.Expr object = index.object();
        while (object instanceof Dql.Index i) object = i.object();
        return object instanceof Dql.Variable v && v.name().equals("rows");
    }

    private Val rowsAccess(Dql.Expr key, Pipeline p) {
        String name = keyName(key, key);
        return switch (name) {
            case "file" -> new Val.FileOf("?row");
            default -> field("?row", name);
        };
    }

    private static String keyName(Dql.Expr key, Dql.Expr whole) {
        if (key instanceof Dql.Literal lit && lit.value() instanceof DqlValue.Str s) return s.value();
        throw unsupported("indexing by position or by a computed key (" + describe(whole) + "); RDF keeps no list order");
    }

    /** {@code object.key}: a page's field, a file field, or the field of the pages a link value names. */
    private static final Map<String, String> DATE_PARTS = Map.of("year", "YEAR", "month", "MONTH", "day", "DAY", "hour", "HOURS",
            "minute", "MINUTES", "second", "SECONDS");

    private Val access(Val object, String key, Pipeline p) {
        if (object instanceof Val.FileOf file) return fileField(file.subject(), key, p);
        String part = DATE_PARTS.get(key);
        if (part != null && !(object instanceof Val.Page)) {
            // A date's parts: date.year, date.month... (a field holding a date, or a date expression).
            Val.One date = materialize(one(object, p), p);
            return Val.One.of(part + "(" + date.expr() + ")");
        }
        if (object instanceof Val.Page page) {
            return key.equals("file") ? new Val.FileOf(page.subject()) : field(page.subject(), key);
        }
        if (object instanceof Val.Elements e) {
            // A link's fields are the fields of the page it links to; on a list of links, the field of each (Dataview's swizzle).
            if (key.equals("file")) return new Val.FileOf(e.subject() + "\u0000" + e.path());
            String predicate = Sparql.iri(iris.field(FieldNames.canonicalize(key)));
            return new Val.Elements(e.subject(), e.path() + "/" + predicate, x -> x, x -> "", Val.Elements.Kind.CHAIN, predicate);
        }
        if (object instanceof Val.One one && one.expr().equals("?__null")) return object;
        throw unsupported("a field of a value that is not a page or a link (." + key + ")");
    }

    private Val fileField(String subject, String name, Pipeline p) {
        // A file object reached through a link value: "subject\0path" stands for the pages at the end of the path.
        String path = null;
        String s = subject;
        if (subject.contains("\u0000")) {
            s = subject.substring(0, subject.indexOf('\u0000'));
            path = subject.substring(subject.indexOf('\u0000') + 1);
        }
        String prefix = path == null ? "" : path + "/";
        switch (name) {
            case "link":
                return path == null ? new Val.Page(s) : new Val.Elements(s, path, x -> x, x -> "", Val.Elements.Kind.CHAIN, null);
            case "name":
            case "path":
            case "folder":
            case "size":
                return scalarFile(s, prefix + "vg:" + name, path, p);
            case "ctime":
                return scalarFile(s, prefix + "dcterms:created", path, p);
            case "mtime":
                return scalarFile(s, prefix + "dcterms:modified", path, p);
            case "cday":
            case "mday": {
                Val time = scalarFile(s, prefix + (name.equals("cday") ? "dcterms:created" : "dcterms:modified"), path, p);
                return mapValue(time, x -> "xsd:date(SUBSTR(STR(" + x + "), 1, 10))", p);
            }
            case "ext":
                return mapValue(scalarFile(s, prefix + "vg:path", path, p),
                        x -> "IF(CONTAINS(" + x + ", \".\"), REPLACE(" + x + ", \"^.*\\\\.\", \"\"), \"\")", p);
            case "day":
                return scalarFile(s, prefix + "vg:day", path, p);
            case "tags":
                // file.tags holds each tag and its parents, with '#', as Dataview's does.
                return new Val.Elements(s, prefix + "vg:tag/skos:broader*/vg:tagName", x -> "CONCAT(\"#\", " + x + ")", x -> "",
                        Val.Elements.Kind.ALWAYS, null);
            case "etags":
                return new Val.Elements(s, prefix + "vg:tag/vg:tagName", x -> "CONCAT(\"#\", " + x + ")", x -> "", Val.Elements.Kind.ALWAYS, null);
            case "aliases":
                return new Val.Elements(s, prefix + "skos:altLabel", x -> x, x -> "", Val.Elements.Kind.ALWAYS, null);
            case "outlinks":
                return new Val.Elements(s, prefix + "vg:linksTo", x -> x, x -> "", Val.Elements.Kind.ALWAYS, null);
            case "inlinks":
                return new Val.Elements(s, prefix + "^vg:linksTo", x -> x, x -> "", Val.Elements.Kind.ALWAYS, null);
            default:
                throw unsupported("file." + name);
        }
    }

    /** A single-valued property of a page, or of the pages a path leads to. */
    private Val scalarFile(String subject, String property, String path, Pipeline p) {
        if (path != null) return new Val.Elements(subject, property, x -> x, x -> "", Val.Elements.Kind.CHAIN, null);
        String key = subject + " " + property;
        Val.One cached = p.fieldCache.get(key);
        if (cached != null) return cached;
        String var = p.fresh("fv");
        (p.grouped ? p.inner : p.inner).optionals.add("OPTIONAL { " + subject + " " + property + " " + var + " }");
        Val.One value = Val.One.of(var);
        p.fieldCache.put(key, value);
        return value;
    }

    private Val mapValue(Val value, UnaryOperator<String> f, Pipeline p) {
        if (value instanceof Val.Elements e) return e.map(f);
        Val.One one = materialize(one(value, p), p);
        return new Val.One(f.apply(one.expr()), one.isList());
    }

    /** A value as one SPARQL expression: a list of elements becomes a list marker, a field its one value. */
    private Val.One one(Val value, Pipeline p) {
        if (value instanceof Val.One one) return one;
        if (value instanceof Val.Page page) return Val.One.of(page.subject());
        if (value instanceof Val.Items || value instanceof Val.Rows || value instanceof Val.RowValues) {
            return new Val.One("?__null", "true");
        }
        if (value instanceof Val.Elements e) {
            String cacheKey = e.subject() + " " + e.path() + " " + e.kind();
            if (e.kind() == Val.Elements.Kind.ALWAYS) return new Val.One("?__null", "true");
            Val.One cached = p.fieldCache.get(cacheKey);
            if (cached != null && e.element().apply("?x").equals("?x")) return cached;
            String var = p.fresh("v");
            Val.One result;
            if (e.kind() == Val.Elements.Kind.FIELD) {
                // A field the note writes as a list is a Dataview list: compared as a list, never by its items.
                String list = p.fresh("l");
                p.inner.optionals.add("OPTIONAL { " + e.subject() + " " + e.path() + " " + var + " FILTER NOT EXISTS { " + e.subject()
                        + " vg:listField " + e.predicate() + " } }");
                p.inner.binds.add("BIND(EXISTS { " + e.subject() + " vg:listField " + e.predicate() + " } AS " + list + ")");
                result = new Val.One(e.element().apply(var), list);
            } else {
                // Through links, one value is taken (Dataview would give a list when a link field holds several).
                p.inner.optionals.add("OPTIONAL { SELECT ?row (SAMPLE(?chain" + p.counter + ") AS " + var + ") WHERE { "
                        + e.subject() + " " + e.path() + " ?chain" + p.counter + " ." + filterOf(e, "?chain" + p.counter)
                        + " } GROUP BY ?row }");
                p.counter++;
                result = Val.One.of(e.element().apply(var));
            }
            if (e.element().apply("?x").equals("?x")) p.fieldCache.put(cacheKey, result);
            return result;
        }
        if (value instanceof Val.FileOf) throw unsupported("'file' as a value (use file.link, file.name...)");
        throw unsupported("a lambda outside map() or filter()");
    }

    private Val literal(DqlValue value, Pipeline p) {
        if (value instanceof DqlValue.Str s) return Val.One.of(Sparql.string(s.value()));
        if (value instanceof DqlValue.Num n) return Val.One.of(n.value().toPlainString());
        if (value instanceof DqlValue.Bool b) return Val.One.of(Boolean.toString(b.value()));
        if (value instanceof DqlValue.DateValue d) return Val.One.of(Sparql.typed(d.lexical(), d.hasTime() ? XSDDatatype.XSDdateTime : XSDDatatype.XSDdate));
        if (value instanceof DqlValue.Duration d) return Val.One.of(NodeFmtLib.strNT(VaultMapper.duration(d.lexical())));
        if (value instanceof DqlValue.LinkValue link) {
            // Links compare by the file they name, as Dataview's do: a link literal is that file's IRI.
            return Val.One.of(linkIri(link.path(), p));
        }
        return Val.One.nullValue();
    }

    private Val binary(Dql.Binary bin, Pipeline p) {
        String op = bin.op();
        if (op.equals("&") || op.equals("|")) {
            Val.One left = materialize(one(expr(bin.left(), p), p), p);
            Val.One right = materialize(one(expr(bin.right(), p), p), p);
            return Val.One.of("(" + Sparql.truthy(left.expr(), left.isList()) + (op.equals("&") ? " && " : " || ")
                    + Sparql.truthy(right.expr(), right.isList()) + ")");
        }
        Val leftValue = expr(bin.left(), p);
        Val rightValue = expr(bin.right(), p);
        if ((op.equals("=") || op.equals("!=")) && leftValue instanceof Val.FileOf a && rightValue instanceof Val.FileOf b) {
            // file = this.file: the same page.
            return Val.One.of((op.equals("=") ? "" : "!") + "sameTerm(" + a.subject() + ", " + b.subject() + ")");
        }
        Val.One left = materialize(one(leftValue, p), p);
        Val.One right = materialize(one(rightValue, p), p);
        String a = left.expr();
        String b = right.expr();
        switch (op) {
            case "=", "!=", "<", ">", "<=", ">=":
                return Val.One.of(Sparql.compare(a, left.isList(), b, right.isList(), op, zone));
            case "+":
                // Dataview adds numbers, adds durations to dates, and joins anything else with text (null reads "\-").
                return Val.One.of("IF(isNumeric(" + a + ") && isNumeric(" + b + "), " + a + " + " + b + ", IF(" + isText(a) + " || "
                        + isText(b) + ", CONCAT(" + Sparql.text(a, zone) + ", " + Sparql.text(b, zone) + "), " + a + " + " + b + "))");
            case "-":
                // date - date is a duration, on one time line.
                return Val.One.of("IF(" + isDate(a) + " && " + isDate(b) + ", " + Sparql.instant(a, zone) + " - " + Sparql.instant(b, zone)
                        + ", " + a + " - " + b + ")");
            case "*":
            case "/":
                return Val.One.of("(" + a + " " + op + " " + b + ")");
            case "%":
                // Dataview's % keeps the sign of the dividend, as JavaScript's does.
                return Val.One.of("(" + a + " - " + b + " * IF(" + a + " / " + b + " < 0, CEIL(" + a + " / " + b + "), FLOOR(" + a + " / " + b + ")))");
            default:
                throw unsupported("the operator '" + op + "'");
        }
    }

    private static String isText(String x) {
        return "COALESCE(isLiteral(" + x + ") && DATATYPE(" + x + ") = xsd:string, false)";
    }

    private static String isDate(String x) {
        return "COALESCE(isLiteral(" + x + ") && (DATATYPE(" + x + ") = xsd:date || DATATYPE(" + x + ") = xsd:dateTime), false)";
    }

    // --- Functions ---------------------------------------------------------------------------------

    private Val call(Dql.Call call, Pipeline p) {
        if (!(call.function() instanceof Dql.Variable fn)) throw unsupported("calling " + describe(call.function()));
        String name = fn.name();
        List<Dql.Expr> args = call.arguments();
        switch (name) {
            case "length":
                return length(arg(args, 0, name, p), p);
            case "contains":
            case "icontains":
            case "econtains":
                return contains(name, arg(args, 0, name, p), materialize(one(arg(args, 1, name, p), p), p), p);
            case "lower":
                return vectorized(arg(args, 0, name, p), x -> "LCASE(STR(" + x + "))", p);
            case "upper":
                return vectorized(arg(args, 0, name, p), x -> "UCASE(STR(" + x + "))", p);
            case "startswith":
                return bool(scalar(args, 0, name, p), s -> "STRSTARTS(STR(" + s + "), STR(" + scalar(args, 1, name, p) + "))");
            case "endswith":
                return bool(scalar(args, 0, name, p), s -> "STRENDS(STR(" + s + "), STR(" + scalar(args, 1, name, p) + "))");
            case "replace":
                // Literal text, not a pattern: the search text and the replacement are escaped for REPLACE.
                return Val.One.of("REPLACE(STR(" + scalar(args, 0, name, p) + "), REPLACE(STR(" + scalar(args, 1, name, p)
                        + "), \"([.*+?^${}()|\\\\[\\\\]\\\\\\\\])\", \"\\\\\\\\$1\"), REPLACE(STR(" + scalar(args, 2, name, p)
                        + "), \"([$\\\\\\\\])\", \"\\\\\\\\$1\"))");
            case "regexreplace":
                return Val.One.of("REPLACE(STR(" + scalar(args, 0, name, p) + "), STR(" + scalar(args, 1, name, p) + "), STR("
                        + scalar(args, 2, name, p) + "))");
            case "regextest":
                return Val.One.of("COALESCE(REGEX(STR(" + scalar(args, 1, name, p) + "), STR(" + scalar(args, 0, name, p) + ")), false)");
            case "regexmatch": {
                String pattern = scalar(args, 0, name, p);
                return Val.One.of("COALESCE(REGEX(STR(" + scalar(args, 1, name, p) + "), IF(STRSTARTS(STR(" + pattern + "), \"^\") || STRENDS(STR("
                        + pattern + "), \"$\"), STR(" + pattern + "), CONCAT(\"^(?:\", STR(" + pattern + "), \")$\"))), false)");
            }
            case "containsword":
                return bool(scalar(args, 0, name, p), s -> "REGEX(STR(" + s + "), CONCAT(\"\\\\b\", STR(" + scalar(args, 1, name, p)
                        + "), \"\\\\b\"), \"i\")");
            case "substring": {
                String s = scalar(args, 0, name, p);
                String start = scalar(args, 1, name, p);
                if (args.size() < 3) return Val.One.of("SUBSTR(STR(" + s + "), " + start + " + 1)");
                return Val.One.of("SUBSTR(STR(" + s + "), " + start + " + 1, " + scalar(args, 2, name, p) + " - " + start + ")");
            }
            case "truncate": {
                String s = scalar(args, 0, name, p);
                String n = scalar(args, 1, name, p);
                String suffix = args.size() > 2 ? scalar(args, 2, name, p) : "\"...\"";
                return Val.One.of("IF(STRLEN(STR(" + s + ")) > " + n + ", CONCAT(SUBSTR(STR(" + s + "), 1, " + n + " - STRLEN(" + suffix
                        + ")), " + suffix + "), " + s + ")");
            }
            case "default":
            case "ldefault": {
                Val value = arg(args, 0, name, p);
                String fallback = scalar(args, 1, name, p);
                if (value instanceof Val.Elements e && name.equals("default")) return e;
                Val.One one = one(value, p);
                return new Val.One("COALESCE(" + one.expr() + ", " + fallback + ")", one.isList());
            }
            case "choice": {
                Val.One condition = materialize(one(arg(args, 0, name, p), p), p);
                return Val.One.of("IF(" + Sparql.truthy(condition.expr(), condition.isList()) + ", " + scalar(args, 1, name, p) + ", "
                        + scalar(args, 2, name, p) + ")");
            }
            case "number":
                return vectorized(arg(args, 0, name, p), x -> "IF(isNumeric(" + x + "), " + x + ", xsd:decimal(REPLACE(STR(" + x
                        + "), \"^.*?(-?[0-9]+(\\\\.[0-9]+)?).*$\", \"$1\")))", p);
            case "string":
                return Val.One.of("STR(" + scalar(args, 0, name, p) + ")");
            case "round": {
                String n = scalar(args, 0, name, p);
                if (args.size() < 2) return Val.One.of("ROUND(" + n + ")");
                String scale = "xsd:integer(CONCAT(\"1\", SUBSTR(\"0000000000000000\", 1, " + scalar(args, 1, name, p) + ")))";
                return Val.One.of("(ROUND(" + n + " * " + scale + ") / " + scale + ")");
            }
            case "floor":
                return vectorized(arg(args, 0, name, p), x -> "FLOOR(" + x + ")", p);
            case "ceil":
                return vectorized(arg(args, 0, name, p), x -> "CEIL(" + x + ")", p);
            case "trunc":
                return vectorized(arg(args, 0, name, p), x -> "IF(" + x + " < 0, CEIL(" + x + "), FLOOR(" + x + "))", p);
            case "typeof": {
                Val.One x = materialize(one(arg(args, 0, name, p), p), p);
                String rank = Sparql.rank(x.expr(), x.isList());
                return Val.One.of("IF(" + rank + " = 0, \"null\", IF(" + rank + " = 1, \"array\", IF(" + rank + " = 2, \"boolean\", IF(" + rank
                        + " = 3, \"date\", IF(" + rank + " = 4, \"duration\", IF(" + rank + " = 8, \"link\", IF(" + rank + " = 9, \"number\", IF("
                        + rank + " = 10, \"object\", \"string\"))))))))");
            }
            case "date":
                return date(args, p);
            case "dur": {
                if (args.size() == 1 && args.get(0) instanceof Dql.Literal lit && lit.value() instanceof DqlValue.Str s
                        && DataviewValues.parseInline(s.value()) instanceof FieldValue.Duration d) {
                    return Val.One.of(NodeFmtLib.strNT(VaultMapper.duration(d.lexical())));
                }
                return vectorized(arg(args, 0, name, p), x -> "IF(isLiteral(" + x + ") && DATATYPE(" + x + ") = xsd:duration, " + x
                        + ", xsd:duration(STR(" + x + ")))", p);
            }
            case "striptime":
                return vectorized(arg(args, 0, name, p), x -> "xsd:date(SUBSTR(STR(" + x + "), 1, 10))", p);
            case "dateformat":
                return vectorized(arg(args, 0, name, p), x -> DateFormats.sparql(x, formatArgument(args, name)), p);
            case "link": {
                if (args.get(0) instanceof Dql.Literal lit && lit.value() instanceof DqlValue.Str s) return Val.One.of(linkIri(s.value(), p));
                throw unsupported("link() of a computed path");
            }
            case "min":
            case "max":
                return minMax(name, args, p);
            case "sum":
            case "average":
                return aggregate(name, arg(args, 0, name, p), p);
            case "join":
                return join(arg(args, 0, name, p), args.size() > 1 ? scalar(args, 1, name, p) : "\", \"", p);
            case "map":
            case "filter":
                return mapOrFilter(name, arg(args, 0, name, p), arg(args, 1, name, p), p);
            case "list":
            case "array": {
                List<Val.One> items = new ArrayList<>();
                for (Dql.Expr item : args) items.add(one(expr(item, p), p));
                return new Val.Items(items);
            }
            case "flat": {
                Val value = arg(args, 0, name, p);
                if (value instanceof Val.RowValues) return value; // rows.x is flattened when it is read back
                return value;
            }
            default:
                throw unsupported("the function " + name + "()");
        }
    }

    private Val arg(List<Dql.Expr> args, int index, String function, Pipeline p) {
        if (index >= args.size()) throw new DqlException(function + "() needs " + (index + 1) + " argument" + (index == 0 ? "" : "s"));
        return expr(args.get(index), p);
    }

    private String scalar(List<Dql.Expr> args, int index, String function, Pipeline p) {
        return materialize(one(arg(args, index, function, p), p), p).expr();
    }

    private static Val bool(String subject, UnaryOperator<String> f) {
        return Val.One.of("COALESCE(" + f.apply(subject) + ", false)");
    }

    private static String formatArgument(List<Dql.Expr> args, String function) {
        if (args.size() > 1 && args.get(1) instanceof Dql.Literal lit && lit.value() instanceof DqlValue.Str s) return s.value();
        throw unsupported(function + "() with a format that is not a string literal");
    }

    /** Dataview applies many functions to each item of a list argument. */
    private Val vectorized(Val value, UnaryOperator<String> f, Pipeline p) {
        if (value instanceof Val.Elements e) return e.map(f);
        if (value instanceof Val.Items items) return new Val.Items(items.items().stream().map(i -> Val.One.of(f.apply(i.expr()))).toList());
        if (value instanceof Val.RowValues rows) return new Val.RowValues(vectorized(rows.perRow(), f, p));
        Val.One one = materialize(one(value, p), p);
        return new Val.One(f.apply(one.expr()), one.isList());
    }

    private Val length(Val value, Pipeline p) {
        if (value instanceof Val.Rows || value instanceof Val.RowValues) return Val.One.of("?rowCount");
        if (value instanceof Val.Items items) return Val.One.of(Integer.toString(items.items().size()));
        if (value instanceof Val.Elements e) {
            String count = countOf(e, p);
            if (e.kind() == Val.Elements.Kind.ALWAYS) return Val.One.of(count);
            Val.One single = one(e, p);
            // A field that is not a list has a length as text has: its characters; null has length 0.
            return Val.One.of("IF(" + single.isList() + ", " + count + ", COALESCE(STRLEN(STR(" + single.expr() + ")), 0))");
        }
        Val.One one = materialize(one(value, p), p);
        return Val.One.of("COALESCE(STRLEN(STR(" + one.expr() + ")), 0)");
    }

    /** The number of elements, counted per row by a sub-select. */
    private String countOf(Val.Elements e, Pipeline p) {
        return perRowAggregate(e, "COUNT", p, "0");
    }

    private String perRowAggregate(Val.Elements e, String aggregate, Pipeline p, String whenNone) {
        String var = p.fresh("agg");
        String element = p.fresh("ae");
        boolean onRow = e.subject().equals("?row");
        p.inner.optionals.add("OPTIONAL { SELECT " + (onRow ? "?row " : "") + "(" + aggregate + "(" + (aggregate.equals("COUNT") ? element
                : e.element().apply(element)) + ") AS " + var + ") WHERE { " + e.subject() + " " + e.path() + " " + element + " ."
                + filterOf(e, element) + " }" + (onRow ? " GROUP BY ?row" : "") + " }");
        return "COALESCE(" + var + ", " + whenNone + ")";
    }

    private Val contains(String function, Val container, Val.One needle, Pipeline p) {
        if (container instanceof Val.Elements e) {
            String element = p.fresh("ce");
            String test = elementContains(function, e.element().apply(element), needle.expr());
            // On a list, contains() holds when one item holds it: an EXISTS over the items, so that !contains() works.
            String exists = "EXISTS { " + e.subject() + " " + e.path() + " " + element + " ." + filterOf(e, element) + " FILTER(" + test + ") }";
            if (e.kind() == Val.Elements.Kind.ALWAYS) return Val.One.of(exists);
            Val.One single = one(e, p);
            return Val.One.of("IF(" + single.isList() + ", " + exists + ", COALESCE(" + elementContains(function, single.expr(), needle.expr())
                    + ", false))");
        }
        if (container instanceof Val.Items items) {
            if (items.items().isEmpty()) return Val.One.of("false");
            List<String> tests = new ArrayList<>();
            for (Val.One item : items.items()) tests.add("COALESCE(" + elementContains(function, item.expr(), needle.expr()) + ", false)");
            return Val.One.of("(" + String.join(" || ", tests) + ")");
        }
        if (container instanceof Val.RowValues) throw unsupported("contains() on rows.x; use a WHERE before GROUP BY");
        Val.One one = materialize(one(container, p), p);
        return Val.One.of("COALESCE(" + elementContains(function, one.expr(), needle.expr()) + ", false)");
    }

    /** One item against the needle: text contains text (ignoring case for icontains), anything else is equal. */
    private static String elementContains(String function, String item, String needle) {
        String isText = "isLiteral(" + item + ") && DATATYPE(" + item + ") = xsd:string && isLiteral(" + needle + ") && DATATYPE(" + needle
                + ") = xsd:string";
        String text = switch (function) {
            case "icontains" -> "CONTAINS(LCASE(" + item + "), LCASE(" + needle + "))";
            case "econtains" -> item + " = " + needle;
            default -> "CONTAINS(" + item + ", " + needle + ")";
        };
        return "IF(" + isText + ", " + text + ", sameTerm(" + item + ", " + needle + ") || " + item + " = " + needle + ")";
    }

    private Val date(List<Dql.Expr> args, Pipeline p) {
        if (args.size() == 1 && args.get(0) instanceof Dql.Literal lit && lit.value() instanceof DqlValue.Str s) {
            String shorthand = s.value();
            String constant = shorthandDate(shorthand);
            if (constant != null) return Val.One.of(constant);
            FieldValue.DateValue parsed = DataviewValues.parseDate(shorthand);
            return parsed == null ? Val.One.nullValue()
                    : Val.One.of(Sparql.typed(parsed.lexical(), parsed.hasTime() ? XSDDatatype.XSDdateTime : XSDDatatype.XSDdate));
        }
        if (args.size() != 1) throw unsupported("date() with a format");
        return vectorized(expr(args.get(0), p), x -> "IF(isLiteral(" + x + ") && (DATATYPE(" + x + ") = xsd:date || DATATYPE(" + x
                + ") = xsd:dateTime), " + x + ", COALESCE(xsd:dateTime(STR(" + x + ")), xsd:date(STR(" + x + "))))", p);
    }

    /** Dataview's date shorthands, taken when the query is compiled, in the local zone (weeks start on Monday). */
    private String shorthandDate(String shorthand) {
        ZonedDateTime now = ZonedDateTime.now(zone);
        LocalDate today = now.toLocalDate();
        ZonedDateTime start = switch (shorthand) {
            case "now" -> now;
            case "today" -> today.atStartOfDay(zone);
            case "yesterday" -> today.minusDays(1).atStartOfDay(zone);
            case "tomorrow" -> today.plusDays(1).atStartOfDay(zone);
            case "sow", "start-of-week" -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone);
            case "eow", "end-of-week" -> today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)).atTime(LocalTime.MAX).atZone(zone);
            case "som", "start-of-month" -> today.withDayOfMonth(1).atStartOfDay(zone);
            case "eom", "end-of-month" -> today.with(TemporalAdjusters.lastDayOfMonth()).atTime(LocalTime.MAX).atZone(zone);
            case "soy", "start-of-year" -> today.withDayOfYear(1).atStartOfDay(zone);
            case "eoy", "end-of-year" -> today.with(TemporalAdjusters.lastDayOfYear()).atTime(LocalTime.MAX).atZone(zone);
            default -> null;
        };
        if (start == null) return null;
        String lexical = start.truncatedTo(ChronoUnit.MILLIS).toOffsetDateTime()
                .format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx", Locale.ROOT));
        return Sparql.typed(lexical, XSDDatatype.XSDdateTime);
    }

    private Val minMax(String name, List<Dql.Expr> args, Pipeline p) {
        if (args.size() == 1) {
            Val only = expr(args.get(0), p);
            if (only instanceof Val.RowValues rows) return groupAggregate(name.toUpperCase(Locale.ROOT), rows, p);
            if (only instanceof Val.Elements e) return Val.One.of(perRowAggregate(e, name.toUpperCase(Locale.ROOT), p, "?__null"));
            if (only instanceof Val.Items items) return minMaxOf(name, items.items());
        }
        List<Val.One> values = new ArrayList<>();
        for (Dql.Expr arg : args) values.add(one(expr(arg, p), p));
        return minMaxOf(name, values);
    }

    /** min() and max() of values: nulls are skipped; the order is Dataview's. */
    private Val minMaxOf(String name, List<Val.One> values) {
        if (values.isEmpty()) return Val.One.nullValue();
        String best = values.get(0).expr();
        for (int i = 1; i < values.size(); i++) {
            String next = values.get(i).expr();
            String better = Sparql.compare(next, "false", best, "false", name.equals("min") ? "<" : ">", zone);
            best = "IF(!" + Sparql.bound(best) + " || " + Sparql.bound(next) + " && " + better + ", " + next + ", " + best + ")";
        }
        return Val.One.of(best);
    }

    private Val aggregate(String name, Val value, Pipeline p) {
        String function = name.equals("sum") ? "SUM" : "AVG";
        if (value instanceof Val.RowValues rows) return groupAggregate(function, rows, p);
        if (value instanceof Val.Elements e) return Val.One.of(perRowAggregate(e, function, p, "?__null"));
        if (value instanceof Val.Items items) {
            if (items.items().isEmpty()) return Val.One.nullValue();
            String sum = String.join(" + ", items.items().stream().map(Val.One::expr).toList());
            return Val.One.of(name.equals("sum") ? "(" + sum + ")" : "((" + sum + ") / " + items.items().size() + ")");
        }
        return one(value, p); // Dataview's sum() of a single value is that value
    }

    /** sum(rows.x) and friends after GROUP BY: an aggregate over the group's rows. */
    private Val groupAggregate(String function, Val.RowValues rows, Pipeline p) {
        if (!(rows.perRow() instanceof Val.One) && !(rows.perRow() instanceof Val.Elements e && e.kind() == Val.Elements.Kind.FIELD)) {
            throw unsupported(function.toLowerCase(Locale.ROOT) + "() of a list per row");
        }
        p.perRow = true;
        Val.One perRow = one(rows.perRow(), p);
        p.perRow = false;
        String var = p.fresh("rv");
        p.inner.binds.add("BIND(" + perRow.expr() + " AS " + var + ")");
        String result = p.fresh("ga");
        p.scalarAggregates.add("(" + function + "(" + var + ") AS " + result + ")");
        return Val.One.of(result);
    }

    private Val join(Val list, String separator, Pipeline p) {
        if (list instanceof Val.Items items) {
            StringBuilder out = new StringBuilder("CONCAT(\"\"");
            for (int i = 0; i < items.items().size(); i++) {
                if (i > 0) out.append(", ").append(separator);
                out.append(", STR(").append(items.items().get(i).expr()).append(")");
            }
            return Val.One.of(out.append(")").toString());
        }
        if (list instanceof Val.Elements e) {
            String var = p.fresh("j");
            String element = p.fresh("je");
            boolean onRow = e.subject().equals("?row");
            p.inner.optionals.add("OPTIONAL { SELECT " + (onRow ? "?row " : "") + "(GROUP_CONCAT(STR(" + e.element().apply(element)
                    + "); separator=" + separator + ") AS " + var + ") WHERE { " + e.subject() + " " + e.path() + " " + element + " ."
                    + filterOf(e, element) + " }" + (onRow ? " GROUP BY ?row" : "") + " }");
            return Val.One.of(var);
        }
        return Val.One.of("STR(" + one(list, p).expr() + ")");
    }

    private Val mapOrFilter(String name, Val list, Val function, Pipeline p) {
        if (!(function instanceof Val.Lambda lambda) || lambda.parameters().size() != 1) {
            throw unsupported(name + "() without a one-argument lambda");
        }
        String parameter = lambda.parameters().get(0);
        UnaryOperator<String> body = x -> {
            Val previous = p.names.put(parameter, Val.One.of(x));
            try {
                Val.One result = one(expr(lambda.body(), p), p);
                return name.equals("filter") ? Sparql.truthy(result.expr(), result.isList()) : result.expr();
            } finally {
                if (previous == null) p.names.remove(parameter);
                else p.names.put(parameter, previous);
            }
        };
        if (list instanceof Val.Elements e) {
            if (name.equals("map")) return e.map(body);
            UnaryOperator<String> oldFilter = e.filter();
            UnaryOperator<String> element = e.element();
            UnaryOperator<String> filter = x -> {
                String before = oldFilter.apply(x);
                String now = body.apply(element.apply(x));
                return before.isEmpty() ? now : "(" + before + ") && (" + now + ")";
            };
            return new Val.Elements(e.subject(), e.path(), element, filter, e.kind() == Val.Elements.Kind.FIELD ? Val.Elements.Kind.CHAIN : e.kind(),
                    e.predicate());
        }
        if (list instanceof Val.Items items && name.equals("map")) {
            return new Val.Items(items.items().stream().map(i -> Val.One.of(body.apply(i.expr()))).toList());
        }
        throw unsupported(name + "() of this kind of list");
    }

    private static DqlException unsupported(String what) {
        return new DqlException("not supported yet: " + what);
    }

    private static String describe(Dql.Expr e) {
        if (e instanceof Dql.Variable v) return v.name();
        if (e instanceof Dql.Index i && i.key() instanceof Dql.Literal l && l.value() instanceof DqlValue.Str s) {
            return describe(i.object()) + "." + s.value();
        }
        if (e instanceof Dql.Index i) return describe(i.object()) + "[...]";
        if (e instanceof Dql.Lambda) return "a lambda";
        if (e instanceof Dql.ListExpr) return "a list";
        if (e instanceof Dql.ObjectExpr) return "an object";
        if (e instanceof Dql.Call c) return describe(c.function()) + "(...)";
        return e.getClass().getSimpleName();
    }
}
