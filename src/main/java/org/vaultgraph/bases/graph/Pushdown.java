package org.vaultgraph.bases.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.vaultgraph.bases.eval.EvalException;
import org.vaultgraph.bases.eval.Evaluator;
import org.vaultgraph.bases.eval.Scope;
import org.vaultgraph.bases.syntax.BaseSpec;
import org.vaultgraph.bases.syntax.Expr;
import org.vaultgraph.bases.value.BaseValue;
import org.vaultgraph.bases.value.BaseValues;
import org.vaultgraph.rdf.VG;
import org.vaultgraph.vault.DataviewValues;
import org.vaultgraph.vault.FieldNames;
import org.vaultgraph.vault.FieldValue;

/**
 * Turns the parts of a view's filters the graph can answer by index into one SPARQL query that
 * selects the view's candidate files: {@code file.inFolder}, {@code file.hasTag}, {@code file.hasLink}
 * of a file, link or text known before the view runs ({@code this.file} included), comparisons of
 * {@code file.path}, {@code file.folder}, {@code file.name}, {@code file.basename} and {@code file.ext}
 * with a constant, and a note property equal to a text, number or boolean.
 *
 * <p>The candidates are always a superset of the files the filters keep: the evaluator then runs
 * every filter again on each of them. A part the graph cannot answer lets every file through; a
 * {@code not} is pushed down only over a part the graph answers exactly, since a superset negated
 * would drop files the filter keeps.
 */
final class Pushdown {
    private final GraphFiles files;
    private final Evaluator ev;
    private int variables;

    Pushdown(GraphFiles files, Evaluator ev) {
        this.files = files;
        this.ev = ev;
    }

    /**
     * What a filter asks of the graph: a group pattern over {@code ?file}, or every file, or no file;
     * exact when it selects the filter's files and no others.
     */
    record Pattern(String sparql, boolean exact, boolean all, boolean none, int cost) {
        static final Pattern EVERY_FILE = new Pattern("", true, true, false, 0);
        static final Pattern UNKNOWN = new Pattern("", false, true, false, 0);
        static final Pattern NO_FILE = new Pattern("", true, false, true, 0);

        static Pattern of(String sparql, boolean exact) {
            return of(sparql, exact, SCAN);
        }

        static Pattern of(String sparql, boolean exact, int cost) {
            return new Pattern(sparql, exact, false, false, cost);
        }
    }

    // How many files a pattern tends to match, so that the fewest are looked up first: the query
    // joins its parts in the order written, and a folder can hold most of a vault.
    static final int ONE_FILE = 0;
    static final int LINKED = 1;
    static final int PROPERTY = 2;
    static final int TAGGED = 3;
    static final int FOLDER = 4;
    static final int SCAN = 5;

    /** The query for the base's filters and the view's together; {@code ?path} is each candidate's vault path. */
    String query(List<BaseSpec.Filter> filters) {
        List<Pattern> parts = new ArrayList<>();
        for (BaseSpec.Filter f : filters) if (f != null) parts.add(filter(f));
        Pattern all = and(parts);
        StringBuilder q = new StringBuilder("PREFIX vg: <").append(VG.NS).append(">\nPREFIX skos: <").append(VG.SKOS)
                .append(">\nSELECT DISTINCT ?path WHERE {\n");
        if (all.none()) q.append("  FILTER(false)\n");
        else if (!all.all()) q.append("  ").append(all.sparql()).append('\n');
        return q.append("  ?file vg:path ?path .\n}").toString();
    }

    Pattern filter(BaseSpec.Filter filter) {
        if (filter instanceof BaseSpec.Statement s) return expression(s.expr());
        BaseSpec.Group g = (BaseSpec.Group) filter;
        List<Pattern> items = new ArrayList<>();
        for (BaseSpec.Filter f : g.items()) items.add(filter(f));
        switch (g.conjunction()) {
            case AND: return and(items);
            case OR: return or(items);
            default: {
                List<Pattern> negated = new ArrayList<>();
                for (Pattern p : items) negated.add(not(p));
                return and(negated);
            }
        }
    }

    private Pattern expression(Expr e) {
        if (e instanceof Expr.Literal l && l.value() instanceof Boolean b) return b ? Pattern.EVERY_FILE : Pattern.NO_FILE;
        if (e instanceof Expr.Unary u && u.operator().equals("!")) return not(expression(u.operand()));
        if (e instanceof Expr.Binary b) {
            switch (b.operator()) {
                case "&&": return and(List.of(expression(b.left()), expression(b.right())));
                case "||": return or(List.of(expression(b.left()), expression(b.right())));
                case "==": return equality(b.left(), b.right());
                default: return Pattern.UNKNOWN;
            }
        }
        if (e instanceof Expr.MethodCall c && isName(c.target(), "file")) return fileFunction(c);
        return Pattern.UNKNOWN;
    }

    private Pattern fileFunction(Expr.MethodCall c) {
        List<BaseValue> args = new ArrayList<>();
        for (Expr a : c.args()) {
            BaseValue v = constant(a);
            if (v == null) return Pattern.UNKNOWN;
            args.add(v);
        }
        switch (c.name()) {
            case "inFolder": {
                if (!(args.get(0) instanceof BaseValue.StringValue s)) return Pattern.UNKNOWN;
                String folder = s.value().strip().replaceAll("^/+|/+$", "");
                if (folder.isEmpty()) return Pattern.EVERY_FILE;
                List<String> values = new ArrayList<>();
                for (String f : files.folders()) if (f.equals(folder) || f.startsWith(folder + "/")) values.add(literal(f));
                if (values.isEmpty()) return Pattern.NO_FILE;
                if (values.size() == 1) return Pattern.of("{ ?file vg:folder " + values.get(0) + " . }", true, FOLDER);
                String v = var();
                return Pattern.of("{ VALUES " + v + " { " + String.join(" ", values) + " } ?file vg:folder " + v + " . }", true, FOLDER);
            }
            case "hasTag": {
                List<Pattern> tags = new ArrayList<>();
                for (BaseValue a : args) {
                    if (!(a instanceof BaseValue.StringValue s)) return Pattern.UNKNOWN;
                    String tag = s.value().startsWith("#") ? s.value().substring(1) : s.value();
                    tags.add(Pattern.of("{ ?file vg:tag/skos:broader* " + iri(files.iris().tag(tag)) + " . }", true, TAGGED));
                }
                return or(tags);
            }
            case "hasLink": {
                BaseValue target = args.get(0);
                String iri;
                if (target instanceof BaseValue.FileValue f) iri = files.iriOf(f.path());
                else if (target instanceof BaseValue.LinkValue l) iri = l.resolved() ? files.iriOf(l.target()) : files.iris().unresolved(l.target());
                else if (target instanceof BaseValue.StringValue s) {
                    String text = linkText(s.value());
                    String path = ev.resolve(text);
                    iri = path != null ? files.iriOf(path) : files.iris().unresolved(text);
                } else {
                    return Pattern.UNKNOWN;
                }
                return Pattern.of("{ ?file vg:linksTo " + iri(iri) + " . }", true, LINKED);
            }
            default:
                return Pattern.UNKNOWN;
        }
    }

    private Pattern equality(Expr left, Expr right) {
        BaseValue constant = constant(right);
        Expr property = left;
        if (constant == null) {
            constant = constant(left);
            property = right;
        }
        if (constant == null) return Pattern.UNKNOWN;
        if (property instanceof Expr.Member m && isName(m.target(), "file")) return fileField(m.name(), constant);
        String key = propertyKey(property);
        return key == null ? Pattern.UNKNOWN : noteProperty(key, constant);
    }

    /** {@code file.x == constant} for the fields the graph holds. */
    private Pattern fileField(String field, BaseValue constant) {
        if (!(constant instanceof BaseValue.StringValue s)) return Pattern.UNKNOWN;
        String value = s.value();
        String v = var();
        switch (field) {
            case "path": return Pattern.of("{ ?file vg:path " + literal(value) + " . }", true, ONE_FILE);
            case "folder": return Pattern.of("{ ?file vg:folder " + literal(value) + " . }", true, FOLDER);
            case "ext":
                return value.isEmpty() || value.contains("/") ? Pattern.UNKNOWN
                        : Pattern.of("{ ?file vg:path " + v + " . FILTER(STRENDS(" + v + ", " + literal("." + value) + ")) }", !value.contains("."));
            case "name":
                return Pattern.of("{ ?file vg:path " + v + " . FILTER(" + v + " = " + literal(value) + " || STRENDS(" + v + ", "
                        + literal("/" + value) + ")) }", !value.contains("/"));
            case "basename": {
                // Notes are found by their name's index; other files by their name without its extension.
                String n = var();
                return Pattern.of("{ { ?file vg:linkKey " + literal(org.vaultgraph.rdf.VaultMapper.linkKey(value)) + " ; vg:name " + literal(value)
                        + " ; a vg:Note . } UNION { ?file a vg:Attachment ; vg:name " + n + " . FILTER(REPLACE(" + n
                        + ", \"^(.+)\\\\.[^.]*$\", \"$1\") = " + literal(value) + ") } }", false, LINKED);
            }
            default: return Pattern.UNKNOWN;
        }
    }

    /**
     * A note property equal to a constant: the front matter entry of that key (in any case) holding
     * that value. A superset only: the property's own lookup prefers the key's exact case.
     */
    private Pattern noteProperty(String key, BaseValue constant) {
        String canonical = FieldNames.canonicalize(key);
        if (canonical.isEmpty()) return Pattern.UNKNOWN;
        String field = iri(files.iris().field(canonical));
        String v = var();
        String e = var();
        String k = var();
        String match;
        if (constant instanceof BaseValue.StringValue s) {
            // Text the reader would type as a date, duration or link is not stored as that text.
            FieldValue typed = DataviewValues.parseFrontMatterString(s.value());
            if (!(typed instanceof FieldValue.Text t) || !t.text().equals(s.value())) return Pattern.UNKNOWN;
            match = "BIND(" + literal(s.value()) + " AS " + v + ") ?file " + field + " " + v + " .";
        } else if (constant instanceof BaseValue.NumberValue n && !Double.isNaN(n.value()) && !Double.isInfinite(n.value())) {
            match = "?file " + field + " " + v + " . FILTER(isNumeric(" + v + ") && " + v + " = " + number(n.value()) + ")";
        } else if (constant instanceof BaseValue.BoolValue b) {
            match = "BIND(" + b.value() + " AS " + v + ") ?file " + field + " " + v + " .";
        } else {
            return Pattern.UNKNOWN;
        }
        return Pattern.of("{ " + match + " ?file vg:fieldEntry " + e + " . " + e + " vg:inFrontMatter true ; vg:value " + v + " ; vg:key " + k
                + " . FILTER(LCASE(" + k + ") = " + literal(key.toLowerCase(Locale.ROOT)) + ") }", false, PROPERTY);
    }

    private static String propertyKey(Expr e) {
        if (e instanceof Expr.Name n && !List.of("file", "note", "formula", "this").contains(n.name())) return n.name();
        if (e instanceof Expr.Member m && isName(m.target(), "note")) return m.name();
        if (e instanceof Expr.Index i && isName(i.target(), "note") && i.index() instanceof Expr.Literal l && l.value() instanceof String s) return s;
        return null;
    }

    /** The value of an expression that does not depend on the file being filtered (literals, {@code this}, functions of them); else null. */
    private BaseValue constant(Expr e) {
        if (!independent(e)) return null;
        try {
            BaseValue v = ev.value(e, Scope.of(null));
            return v instanceof BaseValue.ErrorValue ? null : v;
        } catch (EvalException | StackOverflowError failed) {
            return null;
        }
    }

    private static boolean independent(Expr e) {
        if (e instanceof Expr.Literal || e instanceof Expr.RegexLiteral) return true;
        if (e instanceof Expr.Name n) return n.name().equals("this");
        if (e instanceof Expr.Member m) return independent(m.target());
        if (e instanceof Expr.Index i) return independent(i.target()) && independent(i.index());
        if (e instanceof Expr.Call c) return !c.name().equals("random") && c.args().stream().allMatch(Pushdown::independent);
        if (e instanceof Expr.MethodCall c) return independent(c.target()) && c.args().stream().allMatch(Pushdown::independent);
        if (e instanceof Expr.Unary u) return independent(u.operand());
        if (e instanceof Expr.Binary b) return independent(b.left()) && independent(b.right());
        if (e instanceof Expr.ListLiteral l) return l.items().stream().allMatch(Pushdown::independent);
        if (e instanceof Expr.ObjectLiteral o) return o.values().stream().allMatch(Pushdown::independent);
        return false;
    }

    static Pattern and(List<Pattern> parts) {
        List<Pattern> kept = new ArrayList<>();
        boolean exact = true;
        for (Pattern p : parts) {
            if (p.none()) return p.exact() ? Pattern.NO_FILE : Pattern.UNKNOWN;
            exact &= p.exact();
            if (!p.all()) kept.add(p);
        }
        if (kept.isEmpty()) return exact ? Pattern.EVERY_FILE : Pattern.UNKNOWN;
        kept.sort(java.util.Comparator.comparingInt(Pattern::cost));
        List<String> sparql = kept.stream().map(Pattern::sparql).toList();
        return Pattern.of(sparql.size() == 1 ? sparql.get(0) : "{ " + String.join("\n    ", sparql) + " }", exact, kept.get(0).cost());
    }

    static Pattern or(List<Pattern> parts) {
        List<String> sparql = new ArrayList<>();
        boolean exact = true;
        for (Pattern p : parts) {
            if (p.all()) return p.exact() ? Pattern.EVERY_FILE : Pattern.UNKNOWN;
            exact &= p.exact();
            if (!p.none()) sparql.add(p.sparql());
        }
        if (sparql.isEmpty()) return exact ? Pattern.NO_FILE : Pattern.UNKNOWN;
        int cost = parts.stream().filter(p -> !p.none()).mapToInt(Pattern::cost).max().orElse(SCAN);
        return Pattern.of(sparql.size() == 1 ? sparql.get(0) : "{ " + String.join("\n    UNION ", sparql) + " }", exact, cost);
    }

    static Pattern not(Pattern p) {
        if (!p.exact()) return Pattern.UNKNOWN;
        if (p.all()) return Pattern.NO_FILE;
        if (p.none()) return Pattern.EVERY_FILE;
        return Pattern.of("{ ?file vg:path [] . FILTER NOT EXISTS " + p.sparql() + " }", true);
    }

    private static boolean isName(Expr e, String name) {
        return e instanceof Expr.Name n && n.name().equals(name);
    }

    private static String linkText(String text) {
        String t = text.strip();
        if (t.startsWith("[[") && t.endsWith("]]")) t = t.substring(2, t.length() - 2);
        int bar = t.indexOf('|');
        if (bar >= 0) t = t.substring(0, bar);
        int hash = t.indexOf('#');
        return hash >= 0 ? t.substring(0, hash) : t;
    }

    private String var() {
        return "?v" + (++variables);
    }

    private static String iri(String iri) {
        return NodeFmtLib.strNT(NodeFactory.createURI(iri));
    }

    private static String literal(String text) {
        return NodeFmtLib.strNT(NodeFactory.createLiteralString(text));
    }

    private static String number(double n) {
        return n == Math.rint(n) && Math.abs(n) < 1e15 ? Long.toString((long) n) : BaseValues.text(BaseValue.of(n)).replace("e+", "e");
    }
}
