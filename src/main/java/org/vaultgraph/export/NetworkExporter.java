package org.vaultgraph.export;

import java.io.OutputStream;
import javax.xml.stream.XMLStreamException;
import org.vaultgraph.query.QueryFile;
import org.vaultgraph.query.SparqlService;

/**
 * Writes the vault as a graph for graph explorers: GraphML (Cytoscape, yEd, Gephi) and GEXF (Gephi).
 * Which nodes, edges and attributes it holds is said by three SPARQL queries (by default
 * {@code graph-nodes.rq}, {@code graph-edges.rq} and {@code graph-attributes.rq} of {@code queries/}),
 * as sparna-git/rdf2gephi does, so a user can change the picture.
 *
 * <pre>{@code new NetworkExporter(sparql, queries, base).write(ExportFormat.GRAPHML, out);}</pre>
 *
 * The network is built in memory (nodes, edges and attributes only), unlike the RDF exports.
 */
public final class NetworkExporter {

    /** The three queries that shape the graph. */
    public record Queries(QueryFile nodes, QueryFile edges, QueryFile attributes) {}

    private final SparqlService sparql;
    private final Queries queries;
    private final String base;

    public NetworkExporter(SparqlService sparql, Queries queries, String base) {
        this.sparql = sparql;
        this.queries = queries;
        this.base = base;
    }

    public void write(ExportFormat format, OutputStream out) {
        if (format != ExportFormat.GRAPHML && format != ExportFormat.GEXF) {
            throw new IllegalArgumentException(format.id() + " is not a graph-drawing format");
        }
        VaultNetwork network = VaultNetwork.build(sparql,
                new VaultNetwork.Queries(queries.nodes(), queries.edges(), queries.attributes()), base);
        try {
            if (format == ExportFormat.GRAPHML) new GraphMlWriter().write(network, out);
            else new GexfWriter().write(network, out);
        } catch (XMLStreamException e) {
            throw new java.io.UncheckedIOException(new java.io.IOException("cannot write " + format.id() + ": " + e.getMessage(), e));
        }
    }
}
