package org.vaultgraph.dql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.rdf.IriMinter;
import org.vaultgraph.rdf.VG;

/**
 * Runs Dataview queries against the graph: parse, compile to SPARQL, run, read the rows back.
 *
 * <pre>{@code
 * DqlEngine engine = new DqlEngine(sparql, iris, GraphLinks.load(sparql, iris));
 * DqlResult result = engine.run("TABLE file.name FROM #book", null);
 * }</pre>
 */
public final class DqlEngine {
    private final SparqlService sparql;
    private final SparqlCompiler compiler;

    public DqlEngine(SparqlService sparql, IriMinter iris, SparqlCompiler.LinkLookup links) {
        this.sparql = sparql;
        this.compiler = new SparqlCompiler(iris, links);
    }

    /** The SPARQL a query compiles to, for a query written in the note at {@code currentPath} (or null). */
    public String compile(String queryText, String currentPath) {
        return compiler.compile(DqlParser.parse(queryText), currentPath).sparql();
    }

    public DqlResult run(String queryText, String currentPath) {
        SparqlCompiler.CompiledQuery compiled = compiler.compile(DqlParser.parse(queryText), currentPath);
        Query query = QueryFactory.create(compiled.sparql());
        RowSetRewindable rows = sparql.select(query);
        List<List<List<Node>>> columns = new ArrayList<>();
        List<Node> ids = new ArrayList<>();
        List<String> idPaths = new ArrayList<>();
        Set<Node> links = new LinkedHashSet<>();
        rows.forEachRemaining(binding -> {
            ids.add(binding.get("row"));
            idPaths.add(binding.get("rowPath").getLiteralLexicalForm());
            List<List<Node>> values = new ArrayList<>();
            for (int c = 0; c < compiled.headers().size(); c++) {
                Node packed = binding.get("c" + c);
                List<Node> nodes = packed == null ? List.of() : ResultDecoder.decode(packed.getLiteralLexicalForm());
                nodes.stream().filter(Node::isURI).forEach(links::add);
                values.add(nodes);
            }
            columns.add(values);
        });
        Map<Node, DqlValue.LinkValue> linkValues = describeLinks(links);
        List<DqlResult.Row> result = new ArrayList<>();
        for (int r = 0; r < ids.size(); r++) {
            List<DqlValue> values = new ArrayList<>();
            for (List<Node> nodes : columns.get(r)) values.add(value(nodes, linkValues));
            result.add(new DqlResult.Row(new DqlValue.LinkValue(idPaths.get(r), "", null, false, true), values));
        }
        return new DqlResult(compiled.type(), compiled.showId(), compiled.idHeader(), compiled.headers(), List.copyOf(result),
                compiled.sparql());
    }

    private static DqlValue value(List<Node> nodes, Map<Node, DqlValue.LinkValue> links) {
        if (nodes.isEmpty()) return new DqlValue.Null();
        if (nodes.size() == 1) return value(nodes.get(0), links);
        return new DqlValue.ListValue(nodes.stream().map(n -> value(n, links)).toList());
    }

    static DqlValue value(Node node, Map<Node, DqlValue.LinkValue> links) {
        if (node.isURI()) return links.getOrDefault(node, new DqlValue.LinkValue(node.getURI(), "", null, false, false));
        String lexical = node.getLiteralLexicalForm();
        String datatype = node.getLiteralDatatypeURI();
        if (XSDDatatype.XSDboolean.getURI().equals(datatype)) return new DqlValue.Bool(Boolean.parseBoolean(lexical));
        if (XSDDatatype.XSDdate.getURI().equals(datatype)) return new DqlValue.DateValue(lexical, false);
        if (XSDDatatype.XSDdateTime.getURI().equals(datatype)) return new DqlValue.DateValue(lexical, true);
        if (XSDDatatype.XSDduration.getURI().equals(datatype)) return new DqlValue.Duration(lexical);
        if (node.getLiteralDatatype() instanceof XSDDatatype && node.getLiteralValue() instanceof Number) {
            try {
                return new DqlValue.Num(new BigDecimal(lexical));
            } catch (NumberFormatException e) {
                return new DqlValue.Str(lexical); // INF and NaN have no decimal form
            }
        }
        return new DqlValue.Str(lexical);
    }

    /** What the graph says of the IRIs in a result: a file's path, or the text of an unresolved link. */
    private Map<Node, DqlValue.LinkValue> describeLinks(Set<Node> iris) {
        Map<Node, DqlValue.LinkValue> out = new HashMap<>();
        if (iris.isEmpty()) return out;
        String values = iris.stream().map(NodeFmtLib::strNT).collect(Collectors.joining(" "));
        Query query = QueryFactory.create("PREFIX vg: <" + VG.NS + ">\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                + "SELECT ?t ?path ?label WHERE { VALUES ?t { " + values + " } OPTIONAL { ?t vg:path ?path } OPTIONAL { ?t rdfs:label ?label } }");
        RowSetRewindable rows = sparql.select(query);
        rows.forEachRemaining((Binding row) -> {
            Node t = row.get("t");
            Node path = row.get("path");
            Node label = row.get("label");
            if (path != null) out.put(t, new DqlValue.LinkValue(path.getLiteralLexicalForm(), "", null, false, true));
            else if (label != null) out.putIfAbsent(t, new DqlValue.LinkValue(label.getLiteralLexicalForm(), "", null, false, false));
        });
        return out;
    }
}
