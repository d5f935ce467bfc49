package org.vaultgraph.dql;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.vaultgraph.query.SparqlService;
import org.vaultgraph.rdf.IriMinter;
import org.vaultgraph.rdf.VG;

/**
 * Runs Dataview queries against the graph: parse, compile to one SPARQL query, run, read the rows back.
 *
 * <pre>{@code
 * DqlEngine engine = new DqlEngine(sparql, iris, GraphLinks.load(sparql, iris));
 * DqlResult result = engine.run("TABLE file.name FROM #book", null);
 * }</pre>
 */
public final class DqlEngine {
    /** Stands for the current note in a compiled query kept for reuse. */
    private static final String CURRENT_NOTE = "vgCurrentNote";
    private static final int PARSED_KEPT = 256;

    private final SparqlService sparql;
    private final SparqlCompiler compiler;
    private final IriMinter iris;
    /**
     * Compiled queries already parsed, with the current note as a variable: a note's tag table and the
     * next note's differ only there, and parsing costs as much as answering.
     */
    private final Map<String, Query> parsed = java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Query> eldest) {
            return size() > PARSED_KEPT;
        }
    });

    public DqlEngine(SparqlService sparql, IriMinter iris, SparqlCompiler.LinkLookup links) {
        this(sparql, iris, links, ZoneId.systemDefault());
    }

    /** @param zone the zone in which dates without one are read, and date(today) is taken */
    public DqlEngine(SparqlService sparql, IriMinter iris, SparqlCompiler.LinkLookup links, ZoneId zone) {
        this.sparql = sparql;
        this.iris = iris;
        this.compiler = new SparqlCompiler(iris, links, zone);
    }

    /** The SPARQL a query compiles to, for a query written in the note at {@code currentPath} (or null). */
    public String compile(String queryText, String currentPath) {
        return compiler.compile(DqlParser.parse(queryText), currentPath).sparql();
    }

    private Query parse(String text, String currentPath) {
        try {
            if (currentPath == null) return QueryFactory.create(text);
            String note = iris.note(currentPath);
            String template = text.replace("<" + note + ">", "?" + CURRENT_NOTE);
            Query query = parsed.get(template);
            if (query == null) {
                query = QueryFactory.create(template);
                parsed.put(template, query);
            }
            return QueryTransformOps.replaceVars(query, Map.of(Var.alloc(CURRENT_NOTE), NodeFactory.createURI(note)));
        } catch (org.apache.jena.query.QueryParseException e) {
            throw new IllegalStateException("the compiled SPARQL does not parse: " + e.getMessage() + "\n" + text, e);
        }
    }

    public DqlResult run(String queryText, String currentPath) {
        SparqlCompiler.CompiledQuery compiled = compiler.compile(DqlParser.parse(queryText), currentPath);
        Query query = parse(compiled.sparql(), currentPath);
        RowSetRewindable solutions = sparql.select(query);
        List<Binding> bindings = new ArrayList<>();
        Set<Node> iris = new LinkedHashSet<>();
        solutions.forEachRemaining(binding -> {
            bindings.add(binding);
            if (compiled.grouped()) addIri(binding.get("key"), iris);
            for (int c = 0; c < compiled.columns().size(); c++) {
                Node packed = binding.get("c" + c);
                if (packed == null) continue;
                SparqlCompiler.Shape shape = compiled.columns().get(c).shape();
                if (shape == SparqlCompiler.Shape.ROWS || shape == SparqlCompiler.Shape.ROWS_FLAT) {
                    ResultDecoder.decodeRows(packed.getLiteralLexicalForm()).forEach(v -> addIri(v.value(), iris));
                } else {
                    ResultDecoder.decode(packed.getLiteralLexicalForm()).forEach(n -> addIri(n, iris));
                }
            }
        });
        Map<Node, DqlValue> links = describe(iris, 0);
        List<DqlResult.Row> rows = new ArrayList<>();
        for (Binding binding : bindings) {
            DqlValue id = compiled.grouped()
                    ? key(binding.get("key"), links)
                    : new DqlValue.LinkValue(binding.get("rowPath").getLiteralLexicalForm(), "", null, false, true);
            List<DqlValue> values = new ArrayList<>();
            for (int c = 0; c < compiled.columns().size(); c++) {
                values.add(column(binding, c, compiled.columns().get(c).shape(), links));
            }
            rows.add(new DqlResult.Row(id, values));
        }
        List<String> headers = compiled.columns().stream().map(SparqlCompiler.Column::name).toList();
        return new DqlResult(compiled.type(), compiled.showId(), compiled.idHeader(), headers, List.copyOf(rows), compiled.sparql());
    }

    private static void addIri(Node node, Set<Node> iris) {
        if (node != null && node.isURI() && !node.getURI().equals(Sparql.NULL_KEY)) iris.add(node);
    }

    private static DqlValue key(Node key, Map<Node, DqlValue> links) {
        return key == null || key.isURI() && key.getURI().equals(Sparql.NULL_KEY) ? new DqlValue.Null() : value(key, links);
    }

    private static DqlValue column(Binding binding, int c, SparqlCompiler.Shape shape, Map<Node, DqlValue> links) {
        Node packed = binding.get("c" + c);
        String text = packed == null ? "" : packed.getLiteralLexicalForm();
        switch (shape) {
            case ROWS:
            case ROWS_FLAT: {
                // One entry per row of the group, in row order; a row with several values gives a list.
                Map<String, List<DqlValue>> perRow = new LinkedHashMap<>();
                ResultDecoder.decodeRows(text).stream().sorted(java.util.Comparator.comparing(ResultDecoder.RowValue::rowId)
                        .thenComparing(v -> v.value() == null ? "" : NodeFmtLib.strNT(v.value()))).forEach(v -> {
                    List<DqlValue> list = perRow.computeIfAbsent(v.rowId(), k -> new ArrayList<>());
                    if (v.value() != null) list.add(value(v.value(), links));
                });
                List<DqlValue> items = new ArrayList<>();
                for (List<DqlValue> values : perRow.values()) {
                    if (shape == SparqlCompiler.Shape.ROWS_FLAT) items.addAll(values);
                    else items.add(values.isEmpty() ? new DqlValue.Null() : values.size() == 1 ? values.get(0) : new DqlValue.ListValue(values));
                }
                return new DqlValue.ListValue(items);
            }
            default: {
                // RDF keeps a field's values as a set: they come back in one fixed order, not the note's.
                List<DqlValue> values = ResultDecoder.decode(text).stream().sorted(java.util.Comparator.comparing(NodeFmtLib::strNT))
                        .map(n -> value(n, links)).toList();
                boolean list = shape == SparqlCompiler.Shape.LIST;
                if (shape == SparqlCompiler.Shape.MAYBE_LIST) {
                    Node flag = binding.get("cl" + c);
                    list = flag != null && Boolean.parseBoolean(flag.getLiteralLexicalForm());
                }
                if (list) return new DqlValue.ListValue(values);
                if (values.isEmpty()) return new DqlValue.Null();
                return values.size() == 1 ? values.get(0) : new DqlValue.ListValue(values);
            }
        }
    }

    static DqlValue value(Node node, Map<Node, DqlValue> links) {
        if (node.isURI()) return links.getOrDefault(node, new DqlValue.LinkValue(node.getURI(), "", null, false, false));
        String lexical = node.getLiteralLexicalForm();
        String datatype = node.getLiteralDatatypeURI();
        if (XSDDatatype.XSDboolean.getURI().equals(datatype)) return new DqlValue.Bool(Boolean.parseBoolean(lexical));
        if (XSDDatatype.XSDdate.getURI().equals(datatype)) return new DqlValue.DateValue(lexical, false);
        if (XSDDatatype.XSDdateTime.getURI().equals(datatype)) return new DqlValue.DateValue(lexical, true);
        if (XSDDatatype.XSDduration.getURI().equals(datatype) || XSDDatatype.XSDdayTimeDuration.getURI().equals(datatype)
                || XSDDatatype.XSDyearMonthDuration.getURI().equals(datatype)) {
            return new DqlValue.Duration(lexical);
        }
        if (node.getLiteralDatatype() instanceof XSDDatatype && node.getLiteralValue() instanceof Number) {
            try {
                return new DqlValue.Num(new BigDecimal(lexical));
            } catch (NumberFormatException e) {
                return new DqlValue.Str(lexical); // INF and NaN have no decimal form
            }
        }
        return new DqlValue.Str(lexical);
    }

    /**
     * What the graph says of the IRIs in a result: a file's path, the text of an unresolved link, or
     * the fields of a nested object (to a depth of 4, as Dataview renders them).
     */
    private Map<Node, DqlValue> describe(Set<Node> iris, int depth) {
        Map<Node, DqlValue> out = new HashMap<>();
        if (iris.isEmpty()) return out;
        String values = iris.stream().map(NodeFmtLib::strNT).collect(Collectors.joining(" "));
        Query query = QueryFactory.create("PREFIX vg: <" + VG.NS + ">\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                + "SELECT ?t ?path ?label ?key ?value WHERE { VALUES ?t { " + values + " } "
                + "OPTIONAL { ?t vg:path ?path } OPTIONAL { ?t rdfs:label ?label } "
                + "OPTIONAL { ?t a vg:FieldObject ; ?p ?value . ?p vg:fieldName ?key } } ORDER BY ?t ?key");
        Map<Node, Map<String, List<Node>>> objects = new LinkedHashMap<>();
        sparql.select(query).forEachRemaining((Binding row) -> {
            Node t = row.get("t");
            Node path = row.get("path");
            Node label = row.get("label");
            if (path != null) {
                out.put(t, new DqlValue.LinkValue(path.getLiteralLexicalForm(), "", null, false, true));
            } else if (row.get("key") != null) {
                objects.computeIfAbsent(t, k -> new LinkedHashMap<>())
                        .computeIfAbsent(row.get("key").getLiteralLexicalForm(), k -> new ArrayList<>()).add(row.get("value"));
            } else if (label != null) {
                out.putIfAbsent(t, new DqlValue.LinkValue(label.getLiteralLexicalForm(), "", null, false, false));
            }
        });
        if (objects.isEmpty()) return out;
        Set<Node> nested = new LinkedHashSet<>();
        objects.values().forEach(o -> o.values().forEach(vs -> vs.stream().filter(Node::isURI).forEach(nested::add)));
        Map<Node, DqlValue> inner = depth < 4 ? describe(nested, depth + 1) : Map.of();
        objects.forEach((node, entries) -> {
            Map<String, DqlValue> object = new LinkedHashMap<>();
            entries.forEach((key, nodes) -> {
                List<DqlValue> decoded = nodes.stream().map(n -> value(n, inner)).toList();
                object.put(key, decoded.size() == 1 ? decoded.get(0) : new DqlValue.ListValue(decoded));
            });
            out.put(node, new DqlValue.ObjectValue(object));
        });
        return out;
    }
}
