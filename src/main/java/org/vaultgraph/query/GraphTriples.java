package org.vaultgraph.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/**
 * The triples of one named graph (a note's or a file's), indexed by subject, as the readers that turn
 * a graph back into a Dataview page or a base's file facts walk it.
 *
 * <pre>{@code
 * Map<String, GraphTriples> graphs = GraphTriples.read(sparql, List.of(noteIri));
 * graphs.get(noteIri).objects(note, VG.tag);
 * }</pre>
 */
public final class GraphTriples {
    private static final String MEMBER = RDF.getURI() + "_";

    private final Map<Node, List<Triple>> bySubject = new HashMap<>();

    public void add(Triple t) {
        bySubject.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(t);
    }

    /** Every object of {@code s p ?o}, in the order the graph gave them. */
    public List<Node> objects(Node s, Node p) {
        List<Node> out = new ArrayList<>();
        for (Triple t : about(s)) if (t.getPredicate().equals(p)) out.add(t.getObject());
        return out;
    }

    /** One object of {@code s p ?o}, or null. */
    public Node object(Node s, Node p) {
        for (Triple t : about(s)) if (t.getPredicate().equals(p)) return t.getObject();
        return null;
    }

    public boolean isA(Node s, Node type) {
        return objects(s, RDF.type.asNode()).contains(type);
    }

    public List<Triple> about(Node s) {
        return bySubject.getOrDefault(s, List.of());
    }

    /** The members of an {@code rdf:Seq}, in their order ({@code rdf:_1}, {@code rdf:_2}...). */
    public List<Node> members(Node seq) {
        TreeMap<Integer, Node> members = new TreeMap<>();
        for (Triple m : about(seq)) {
            String p = m.getPredicate().getURI();
            if (p.startsWith(MEMBER)) members.put(Integer.parseInt(p.substring(MEMBER.length())), m.getObject());
        }
        return new ArrayList<>(members.values());
    }

    /** The named graphs with these IRIs, in one request; a graph the store does not have is absent from the map. */
    public static Map<String, GraphTriples> read(SparqlService sparql, Collection<String> graphIris) {
        Map<String, GraphTriples> graphs = new HashMap<>();
        sparql.namedGraphs(graphIris).forEach((iri, triples) -> {
            GraphTriples g = new GraphTriples();
            triples.forEach(g::add);
            graphs.put(iri, g);
        });
        return graphs;
    }
}
