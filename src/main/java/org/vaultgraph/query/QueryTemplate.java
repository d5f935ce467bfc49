package org.vaultgraph.query;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * A query parsed once and run many times with other values for some of its variables: parsing
 * costs more than answering the small lookups that pages make by the thousand.
 *
 * <pre>{@code
 * QueryTemplate content = new QueryTemplate("SELECT ?c WHERE { ?note <https://w3id.org/vaultgraph/ns#content> ?c }");
 * sparql.select(content.with("note", noteIri));
 * }</pre>
 */
public final class QueryTemplate {
    private final Query query;

    public QueryTemplate(String sparql) {
        this.query = QueryFactory.create(sparql);
    }

    /** The query with {@code variable} replaced by {@code value}. */
    public Query with(String variable, Node value) {
        return QueryTransformOps.replaceVars(query, Map.of(Var.alloc(variable), value));
    }

    /** A {@code VALUES ?variable { ... }} block of these values, for a lookup of many things in one query. */
    public static String values(String variable, Collection<Node> values) {
        StringBuilder out = new StringBuilder("VALUES ?").append(variable).append(" { ");
        for (Node value : values) out.append(NodeFmtLib.strNT(value)).append(' ');
        return out.append("} ").toString();
    }

    /** The query with each variable named in {@code values} replaced by its value. */
    public Query with(Map<String, Node> values) {
        Map<Var, Node> vars = new HashMap<>();
        values.forEach((k, v) -> vars.put(Var.alloc(k), v));
        return QueryTransformOps.replaceVars(query, vars);
    }
}
