package org.vaultgraph;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetOps;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.vaultgraph.query.SparqlService;

/**
 * What a SPARQL query answered: rows (SELECT), true or false (ASK), or a graph (CONSTRUCT, DESCRIBE).
 *
 * <pre>{@code
 * SparqlAnswer answer = graph.query("SELECT ?name WHERE { ?note <https://w3id.org/vaultgraph/ns#name> ?name }");
 * answer.rows();                  // [{name=L4-L5}, ...]
 * answer.write(System.out, "csv");
 * }</pre>
 */
public final class SparqlAnswer {
    private final Query query;
    private final RowSetRewindable rows;
    private final boolean bool;
    private final Graph graph;

    private SparqlAnswer(Query query, RowSetRewindable rows, boolean bool, Graph graph) {
        this.query = query;
        this.rows = rows;
        this.bool = bool;
        this.graph = graph;
    }

    static SparqlAnswer run(SparqlService service, Query query) {
        if (query.isSelectType()) return new SparqlAnswer(query, service.select(query), false, null);
        if (query.isAskType()) return new SparqlAnswer(query, null, service.ask(query), null);
        return new SparqlAnswer(query, null, false, service.graph(query));
    }

    /**
     * Checks the name of a format {@link #write} takes: text, csv, tsv, json or xml.
     *
     * @throws IllegalArgumentException for any other
     */
    public static void checkFormat(String format) {
        lang(format);
    }

    /** True for the rows of a SELECT query. */
    public boolean hasRows() {
        return rows != null;
    }

    /** True for the graph of a CONSTRUCT or DESCRIBE query. */
    public boolean hasGraph() {
        return graph != null;
    }

    /** The answer of an ASK query. */
    public boolean bool() {
        if (!query.isAskType()) throw new IllegalStateException("not the answer of an ASK query");
        return bool;
    }

    /** The graph a CONSTRUCT or DESCRIBE query built. */
    public Graph graph() {
        if (graph == null) throw new IllegalStateException("not the answer of a CONSTRUCT or DESCRIBE query");
        return graph;
    }

    /** The variables of a SELECT query's rows, in order. */
    public List<String> variables() {
        if (rows == null) throw new IllegalStateException("not the answer of a SELECT query");
        return rows.getResultVars().stream().map(Var::getVarName).toList();
    }

    /**
     * The rows of a SELECT query, each a map from variable to value: an IRI as itself, a literal as its
     * lexical form, a blank node as its label; unbound variables are left out.
     */
    public List<Map<String, String>> rows() {
        if (rows == null) throw new IllegalStateException("not the answer of a SELECT query");
        List<Map<String, String>> out = new ArrayList<>();
        rows.reset();
        while (rows.hasNext()) {
            Binding binding = rows.next();
            Map<String, String> row = new LinkedHashMap<>();
            for (Var var : rows.getResultVars()) {
                Node value = binding.get(var);
                if (value != null) row.put(var.getVarName(), text(value));
            }
            out.add(row);
        }
        rows.reset();
        return out;
    }

    /** The answer as a terminal shows it: a table of rows, true or false, or a graph in Turtle. */
    public String text() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "text");
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Writes the answer: rows as text, csv, tsv, json or xml (SPARQL's result formats); ASK as json or
     * xml (json for text); a graph in Turtle whatever the format.
     */
    public void write(OutputStream out, String format) {
        Lang lang = lang(format);
        if (rows != null) {
            rows.reset();
            if (lang == ResultSetLang.RS_Text) RowSetOps.out(out, rows, query.getPrologue());
            else ResultSetMgr.write(out, ResultSet.adapt(rows), lang);
            rows.reset();
        } else if (query.isAskType()) {
            ResultSetMgr.write(out, bool, lang == ResultSetLang.RS_Text ? ResultSetLang.RS_JSON : lang);
        } else {
            RDFDataMgr.write(out, graph, RDFFormat.TURTLE_PRETTY);
        }
    }

    private static String text(Node node) {
        if (node.isURI()) return node.getURI();
        if (node.isLiteral()) return node.getLiteralLexicalForm();
        if (node.isBlank()) return node.getBlankNodeLabel();
        return node.toString();
    }

    private static Lang lang(String format) {
        switch (format.toLowerCase(Locale.ROOT)) {
            case "text": return ResultSetLang.RS_Text;
            case "csv": return ResultSetLang.RS_CSV;
            case "tsv": return ResultSetLang.RS_TSV;
            case "json": return ResultSetLang.RS_JSON;
            case "xml": return ResultSetLang.RS_XML;
            default: throw new IllegalArgumentException("unknown format '" + format + "'; expected text, csv, tsv, json or xml");
        }
    }
}
