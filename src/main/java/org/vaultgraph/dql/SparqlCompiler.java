package org.vaultgraph.dql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.riot.out.NodeFmtLib;
import org.vaultgraph.rdf.IriMinter;
import org.vaultgraph.rdf.VG;
import org.vaultgraph.vault.FieldNames;

/**
 * Compiles a Dataview query into one SPARQL query over the vaultgraph ontology.
 *
 * <pre>{@code
 * SparqlCompiler compiler = new SparqlCompiler(iris, links);
 * CompiledQuery compiled = compiler.compile(DqlParser.parse(text), "Research/Tags/L4-L5.md");
 * compiled.sparql(); // SELECT ?row ?c0 ?c1 ... GROUP BY ?row ORDER BY ...
 * }</pre>
 *
 * Each result row is one page ({@code ?row}); each column is every value of its expression for that
 * page, packed by {@code GROUP_CONCAT} in a self-delimiting form that {@link ResultDecoder} reads back,
 * so that a field with several values stays a list. Where Dataview's semantics differ from SPARQL's,
 * the comment at that spot says which one we follow.
 */
public final class SparqlCompiler {

    /** Resolves a link target written in a query, relative to the note the query is in, to an IRI. */
    public interface LinkLookup {
        Optional<String> resolve(String target, String fromPath);
    }

    /** A compiled query: its SPARQL, and what the result columns are. */
    public record CompiledQuery(String sparql, Dql.QueryType type, boolean showId, List<String> headers, String idHeader) {}

    private static final String PREFIXES = "PREFIX vg: <" + VG.NS + ">\n"
            + "PREFIX dcterms: <" + VG.DCTERMS + ">\n"
            + "PREFIX skos: <" + VG.SKOS + ">\n"
            + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            + "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n";

    private final IriMinter iris;
    private final LinkLookup links;

    public SparqlCompiler(IriMinter iris, LinkLookup links) {
        this.iris = iris;
        this.links = links;
    }

    /**
     * @param currentPath vault path of the note the query is written in ({@code [[]]} and {@code this}),
     *                    or null when it runs on its own
     */
    public CompiledQuery compile(Dql.Query query, String currentPath) {
        Build b = new Build(currentPath);
        b.where.add("?row a vg:Note .");
        source(query.source(), b, true);

        List<String> sortKeys = new ArrayList<>();
        String limit = null;
        for (Dql.Operation op : query.operations()) {
            if (op instanceof Dql.Where where) {
                if (limit != null) throw unsupported("WHERE after LIMIT");
                Term condition = expr(where.condition(), b);
                b.filters.add("FILTER(" + truthy(condition) + ")");
            } else if (op instanceof Dql.Sort sort) {
                if (limit != null) throw unsupported("SORT after LIMIT");
                List<String> keys = new ArrayList<>();
                for (Dql.SortKey key : sort.keys()) {
                    Term term = expr(key.expr(), b);
                    String var = "?k" + b.aggregates.size();
                    // A page with several values sorts by its smallest (ascending) or largest (descending) one.
                    b.aggregates.add("(" + (key.ascending() ? "MIN" : "MAX") + "(" + term.expr + ") AS " + var + ")");
                    keys.add((key.ascending() ? "ASC(" : "DESC(") + var + ")");
                }
                // A later SORT is applied last, so it decides first, as in Dataview's pipeline.
                keys.addAll(sortKeys);
                sortKeys = keys;
            } else if (op instanceof Dql.Limit l) {
                limit = limitAmount(l.amount());
            } else if (op instanceof Dql.GroupBy) {
                throw unsupported("GROUP BY");
            } else if (op instanceof Dql.Flatten) {
                throw unsupported("FLATTEN");
            }
        }

        Dql.Header header = query.header();
        if (header.type() == Dql.QueryType.TASK) throw unsupported("TASK queries (vaultgraph does not read tasks yet)");
        if (header.type() == Dql.QueryType.CALENDAR) throw unsupported("CALENDAR queries");
        List<String> headers = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (Dql.NamedExpr field : header.fields()) {
            Term term = expr(field.expr(), b);
            String column = "?c" + columns.size();
            String encoded = b.fresh("e");
            b.binds.add("BIND(" + encode(term.expr) + " AS " + encoded + ")");
            columns.add("(GROUP_CONCAT(DISTINCT " + encoded + "; separator=\"\") AS " + column + ")");
            headers.add(field.name());
        }
        String pathVar = b.fresh("path");
        b.where.add("?row vg:path " + pathVar + " .");
        b.aggregates.add("(SAMPLE(" + pathVar + ") AS ?rowPath)");

        StringBuilder sparql = new StringBuilder(PREFIXES);
        sparql.append("SELECT ?row");
        columns.forEach(c -> sparql.append(' ').append(c));
        b.aggregates.forEach(a -> sparql.append(' ').append(a));
        sparql.append("\nWHERE {\n");
        // BIND sees only what is written before it: patterns and OPTIONALs first, then BINDs; FILTERs apply to the whole group.
        for (List<String> part : List.of(b.where, b.optionals, b.binds, b.filters)) {
            part.forEach(line -> sparql.append("  ").append(line).append('\n'));
        }
        sparql.append("}\nGROUP BY ?row\n");
        // Pages that sort alike keep path order, so results do not depend on the store.
        List<String> order = new ArrayList<>(sortKeys);
        order.add("?rowPath");
        sparql.append("ORDER BY ").append(String.join(" ", order)).append('\n');
        if (limit != null) sparql.append("LIMIT ").append(limit).append('\n');
        return new CompiledQuery(sparql.toString(), header.type(), header.showId(), List.copyOf(headers), "File");
    }

    private static String limitAmount(Dql.Expr amount) {
        if (amount instanceof Dql.Literal lit && lit.value() instanceof DqlValue.Num n && n.value().signum() >= 0) {
            return n.value().toBigInteger().toString();
        }
        throw new DqlException("LIMIT needs a number, such as LIMIT 10");
    }

    // --- Sources ---------------------------------------------------------------------------------

    /** Adds the source's condition on ?row; at the top of an AND chain, as patterns that use the indexes. */
    private void source(Dql.Source source, Build b, boolean topLevel) {
        if (topLevel && source instanceof Dql.BinarySource bin && bin.and()) {
            source(bin.left(), b, true);
            source(bin.right(), b, true);
            return;
        }
        if (topLevel && !(source instanceof Dql.BinarySource) && !(source instanceof Dql.NegatedSource)) {
            String pattern = sourcePattern(source, b);
            if (!pattern.isEmpty()) b.where.add(pattern);
            return;
        }
        b.filters.add("FILTER(" + sourceCondition(source, b) + ")");
    }

    private String sourceCondition(Dql.Source source, Build b) {
        if (source instanceof Dql.BinarySource bin) {
            return "(" + sourceCondition(bin.left(), b) + (bin.and() ? " && " : " || ") + sourceCondition(bin.right(), b) + ")";
        }
        if (source instanceof Dql.NegatedSource neg) return "!" + sourceCondition(neg.child(), b);
        String pattern = sourcePattern(source, b);
        return pattern.isEmpty() ? "true" : "EXISTS { " + pattern + " }";
    }

    private String sourcePattern(Dql.Source source, Build b) {
        if (source instanceof Dql.TagSource tag) {
            // Dataview matches tags case-insensitively and includes subtags (#a finds #a/b).
            return "?row vg:tag/skos:broader* " + iri(iris.tag(tag.tag())) + " .";
        }
        if (source instanceof Dql.FolderSource folder) {
            String f = folder.folder().replaceAll("^/+|/+$", "");
            if (f.isEmpty()) return "";
            String folderVar = b.fresh("folder");
            String pathVar = b.fresh("p");
            String lit = string(f);
            // A folder source takes the folder and its subfolders, or else the file of that path.
            return "?row vg:folder " + folderVar + " ; vg:path " + pathVar + " . FILTER(" + folderVar + " = " + lit
                    + " || STRSTARTS(" + folderVar + ", " + string(f + "/") + ") || " + pathVar + " = " + lit
                    + " || " + pathVar + " = " + string(f + ".md") + ")";
        }
        if (source instanceof Dql.LinkSource link) {
            String target = linkIri(link.target(), b);
            return link.incoming() ? "?row vg:linksTo " + target + " ." : target + " vg:linksTo ?row .";
        }
        if (source instanceof Dql.CsvSource csv) {
            throw unsupported("FROM csv(\"" + csv.path() + "\") (vaultgraph does not read CSV files)");
        }
        throw new IllegalStateException("unknown source " + source);
    }

    private String linkIri(String target, Build b) {
        if (target.isEmpty()) return iri(b.currentIri());
        String from = b.currentPath == null ? "" : b.currentPath;
        return iri(links.resolve(target, from).orElse(iris.unresolved(target)));
    }

    // --- Expressions -----------------------------------------------------------------------------

    /** A compiled expression: SPARQL expression text, and whether it is already a boolean. */
    private record Term(String expr, boolean bool) {
        static Term of(String expr) {
            return new Term(expr, false);
        }
    }

    /** What a name denotes while compiling field access: a page, the file object of a page, or a value. */
    private sealed interface Access permits PageAccess, FileAccess, ValueAccess {}

    private record PageAccess(String subject) implements Access {}

    private record FileAccess(String subject) implements Access {}

    private record ValueAccess(Term term) implements Access {}

    private Term expr(Dql.Expr e, Build b) {
        if (e instanceof Dql.Literal lit) return literal(lit.value(), b);
        if (e instanceof Dql.Variable || e instanceof Dql.Index) return value(access(e, b), e);
        if (e instanceof Dql.Negated neg) return new Term("!(" + truthy(expr(neg.value(), b)) + ")", true);
        if (e instanceof Dql.Binary bin) return binary(bin, b);
        if (e instanceof Dql.Call call) return call(call, b);
        throw unsupported(describe(e));
    }

    private Term value(Access access, Dql.Expr e) {
        if (access instanceof ValueAccess v) return v.term();
        if (access instanceof PageAccess p) return Term.of(p.subject());
        throw unsupported("'" + text(e) + "' as a value (use file.link, file.name...)");
    }

    private Access access(Dql.Expr e, Build b) {
        if (e instanceof Dql.Variable v) {
            switch (v.name()) {
                case "file":
                    return new FileAccess("?row");
                case "this":
                    return new PageAccess(iri(b.currentIri()));
                case "row":
                    return new PageAccess("?row");
                default:
                    return new ValueAccess(field("?row", v.name(), b));
            }
        }
        if (e instanceof Dql.Index index) {
            Access object = access(index.object(), b);
            if (!(index.key() instanceof Dql.Literal key && key.value() instanceof DqlValue.Str name)) {
                throw unsupported("indexing with a computed key, as in " + text(e));
            }
            String k = name.value();
            if (object instanceof PageAccess page) {
                return k.equals("file") ? new FileAccess(page.subject()) : new ValueAccess(field(page.subject(), k, b));
            }
            if (object instanceof FileAccess file) return fileField(file.subject(), k, b);
            Term value = ((ValueAccess) object).term();
            // A link's fields are the fields of the page it links to, as in Dataview.
            if (!value.expr().startsWith("?")) throw unsupported("a field of " + text(index.object()));
            return k.equals("file") ? new FileAccess(value.expr()) : new ValueAccess(field(value.expr(), k, b));
        }
        return new ValueAccess(expr(e, b));
    }

    /** A field of a page: every value of its field property; looked up by Dataview's canonical name. */
    private Term field(String subject, String name, Build b) {
        String var = b.fresh("v");
        b.optionals.add("OPTIONAL { " + subject + " " + iri(iris.field(FieldNames.canonicalize(name))) + " " + var + " }");
        return Term.of(var);
    }

    private Access fileField(String subject, String name, Build b) {
        String var = b.fresh("f");
        String pattern;
        switch (name) {
            case "link":
                return new ValueAccess(Term.of(subject));
            case "name":
                pattern = subject + " vg:name " + var;
                break;
            case "path":
                pattern = subject + " vg:path " + var;
                break;
            case "folder":
                pattern = subject + " vg:folder " + var;
                break;
            case "size":
                pattern = subject + " vg:size " + var;
                break;
            case "ctime":
                pattern = subject + " dcterms:created " + var;
                break;
            case "mtime":
                pattern = subject + " dcterms:modified " + var;
                break;
            case "cday":
            case "mday": {
                String time = b.fresh("t");
                b.optionals.add("OPTIONAL { " + subject + (name.equals("cday") ? " dcterms:created " : " dcterms:modified ") + time + " }");
                return new ValueAccess(Term.of("xsd:date(SUBSTR(STR(" + time + "), 1, 10))"));
            }
            case "ext": {
                String path = b.fresh("p");
                b.optionals.add("OPTIONAL { " + subject + " vg:path " + path + " }");
                return new ValueAccess(Term.of("IF(CONTAINS(" + path + ", \".\"), REPLACE(" + path + ", \"^.*\\\\.\", \"\"), \"\")"));
            }
            case "tags": {
                // file.tags holds each tag and its parents, with '#', as Dataview's does.
                String tag = b.fresh("tag");
                b.optionals.add("OPTIONAL { " + subject + " vg:tag/skos:broader* " + tag + " . " + tag + " vg:tagName " + var + "0 }");
                return new ValueAccess(Term.of("CONCAT(\"#\", " + var + "0)"));
            }
            case "etags": {
                String tag = b.fresh("tag");
                b.optionals.add("OPTIONAL { " + subject + " vg:tag " + tag + " . " + tag + " vg:tagName " + var + "0 }");
                return new ValueAccess(Term.of("CONCAT(\"#\", " + var + "0)"));
            }
            case "aliases":
                pattern = subject + " skos:altLabel " + var;
                break;
            case "outlinks":
                pattern = subject + " vg:linksTo " + var;
                break;
            case "inlinks":
                pattern = var + " vg:linksTo " + subject;
                break;
            default:
                throw unsupported("file." + name);
        }
        b.optionals.add("OPTIONAL { " + pattern + " }");
        return new ValueAccess(Term.of(var));
    }

    private Term literal(DqlValue value, Build b) {
        if (value instanceof DqlValue.Str s) return Term.of(string(s.value()));
        if (value instanceof DqlValue.Num n) return Term.of(n.value().toPlainString());
        if (value instanceof DqlValue.Bool bool) return new Term(Boolean.toString(bool.value()), true);
        if (value instanceof DqlValue.DateValue d) {
            return Term.of(NodeFmtLib.strNT(NodeFactory.createLiteralDT(d.lexical(), d.hasTime() ? XSDDatatype.XSDdateTime : XSDDatatype.XSDdate)));
        }
        if (value instanceof DqlValue.Duration d) {
            return Term.of(NodeFmtLib.strNT(NodeFactory.createLiteralDT(d.lexical(), XSDDatatype.XSDduration)));
        }
        if (value instanceof DqlValue.LinkValue link) return Term.of(linkIri(link.path(), b));
        if (value instanceof DqlValue.Null) return Term.of(b.fresh("null"));
        throw unsupported("this literal: " + value);
    }

    private Term binary(Dql.Binary bin, Build b) {
        String op = bin.op();
        if (op.equals("&") || op.equals("|")) {
            return new Term("(" + truthy(expr(bin.left(), b)) + (op.equals("&") ? " && " : " || ")
                    + truthy(expr(bin.right(), b)) + ")", true);
        }
        // Comparing with null asks whether the value is missing, as Dataview's null equality does.
        if ((op.equals("=") || op.equals("!=")) && (isNull(bin.left()) || isNull(bin.right()))) {
            Term other = expr(isNull(bin.left()) ? bin.right() : bin.left(), b);
            return new Term((op.equals("=") ? "!BOUND(" : "BOUND(") + other.expr() + ")", true);
        }
        Term left = expr(bin.left(), b);
        Term right = expr(bin.right(), b);
        switch (op) {
            case "=", "!=", "<", ">", "<=", ">=":
                // Dates and date-times compare on one time line, as Dataview's DateTime values do.
                return new Term("(" + comparable(left) + " " + op + " " + comparable(right) + ")", true);
            case "+":
                // Dataview adds numbers and joins anything else as text.
                return Term.of("IF(isNumeric(" + left.expr() + ") && isNumeric(" + right.expr() + "), "
                        + left.expr() + " + " + right.expr() + ", CONCAT(STR(" + left.expr() + "), STR(" + right.expr() + ")))");
            case "-", "*", "/":
                return Term.of("(" + left.expr() + " " + op + " " + right.expr() + ")");
            default:
                throw unsupported("the operator '" + op + "'");
        }
    }

    private static String comparable(Term t) {
        return "IF(isLiteral(" + t.expr() + ") && DATATYPE(" + t.expr() + ") = xsd:date, xsd:dateTime(CONCAT(STR(" + t.expr()
                + "), \"T00:00:00\")), " + t.expr() + ")";
    }

    private static boolean isNull(Dql.Expr e) {
        return e instanceof Dql.Literal lit && lit.value() instanceof DqlValue.Null;
    }

    private Term call(Dql.Call call, Build b) {
        if (!(call.function() instanceof Dql.Variable fn)) throw unsupported("calling " + text(call.function()));
        String name = fn.name().toLowerCase(Locale.ROOT);
        BiFunction<List<Term>, Build, Term> function = FUNCTIONS.get(name);
        if (function == null) throw unsupported("the function " + fn.name() + "()");
        List<Term> args = new ArrayList<>();
        for (Dql.Expr arg : call.arguments()) args.add(expr(arg, b));
        return function.apply(args, b);
    }

    private static final Map<String, BiFunction<List<Term>, Build, Term>> FUNCTIONS = Map.of(
            "lower", (args, b) -> Term.of("LCASE(STR(" + arg(args, 0, "lower") + "))"),
            "upper", (args, b) -> Term.of("UCASE(STR(" + arg(args, 0, "upper") + "))"),
            // On a field with several values, contains() holds when one value is (or contains) the other.
            "contains", (args, b) -> new Term("(" + arg(args, 0, "contains") + " = " + arg(args, 1, "contains")
                    + " || (isLiteral(" + args.get(0).expr() + ") && CONTAINS(STR(" + args.get(0).expr() + "), STR(" + args.get(1).expr() + "))))", true),
            "default", (args, b) -> Term.of("COALESCE(" + arg(args, 0, "default") + ", " + arg(args, 1, "default") + ")"),
            "string", (args, b) -> Term.of("STR(" + arg(args, 0, "string") + ")"));

    private static String arg(List<Term> args, int index, String function) {
        if (index >= args.size()) throw new DqlException(function + "() needs " + (index + 1) + " argument" + (index == 0 ? "" : "s"));
        return args.get(index).expr();
    }

    /** Dataview's truthiness: null, false, 0 and "" are false; anything else is true. */
    private static String truthy(Term t) {
        if (t.bool()) return t.expr();
        String x = t.expr();
        return "COALESCE(IF(!isLiteral(" + x + "), true, IF(DATATYPE(" + x + ") = xsd:boolean, " + x + ", IF(isNumeric(" + x + "), "
                + x + " != 0, STRLEN(STR(" + x + ")) > 0))), false)";
    }

    /** Packs one value so that GROUP_CONCAT of several stays readable: kind, length, text (see {@link ResultDecoder}). */
    private static String encode(String x) {
        return "IF(isIRI(" + x + "), CONCAT(\"I\", STR(STRLEN(STR(" + x + "))), \":\", STR(" + x + ")), "
                + "CONCAT(\"L\", STR(STRLEN(STR(DATATYPE(" + x + ")))), \":\", STR(DATATYPE(" + x + ")), "
                + "STR(STRLEN(STR(" + x + "))), \":\", STR(" + x + ")))";
    }

    private static String iri(String iri) {
        return NodeFmtLib.strNT(NodeFactory.createURI(iri));
    }

    private static String string(String text) {
        return NodeFmtLib.strNT(NodeFactory.createLiteralString(text));
    }

    private static DqlException unsupported(String what) {
        return new DqlException("not supported yet: " + what);
    }

    private static String describe(Dql.Expr e) {
        if (e instanceof Dql.Lambda) return "lambdas ((x) => ...)";
        if (e instanceof Dql.ListExpr) return "list literals ([a, b])";
        if (e instanceof Dql.ObjectExpr) return "object literals ({a: 1})";
        return e.getClass().getSimpleName();
    }

    private static String text(Dql.Expr e) {
        if (e instanceof Dql.Variable v) return v.name();
        if (e instanceof Dql.Index i && i.key() instanceof Dql.Literal l && l.value() instanceof DqlValue.Str s) {
            return text(i.object()) + "." + s.value();
        }
        return describe(e);
    }

    /** Collects the parts of the query as the compiler walks the syntax tree. */
    private final class Build {
        final String currentPath;
        final List<String> where = new ArrayList<>();
        final List<String> optionals = new ArrayList<>();
        final List<String> binds = new ArrayList<>();
        final List<String> filters = new ArrayList<>();
        final List<String> aggregates = new ArrayList<>();
        private int counter;

        Build(String currentPath) {
            this.currentPath = currentPath;
        }

        String fresh(String prefix) {
            return "?" + prefix + "_" + (counter++);
        }

        String currentIri() {
            if (currentPath == null) throw new DqlException("[[]] and 'this' need the note the query is in (give --from NOTE)");
            return iris.note(currentPath);
        }
    }
}
