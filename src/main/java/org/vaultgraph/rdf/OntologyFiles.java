package org.vaultgraph.rdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The files of {@code ontology/} as the build bundles them: the ontology and its SHACL shapes.
 *
 * <pre>{@code Graph shapes = OntologyFiles.shapes();}</pre>
 */
public final class OntologyFiles {
    private OntologyFiles() {}

    /** The vaultgraph ontology, {@code ontology/vaultgraph.ttl}. */
    public static Graph ontology() {
        return load("vaultgraph.ttl");
    }

    /** The shapes of well-formed vaultgraph data, {@code ontology/shapes.ttl}. */
    public static Graph shapes() {
        return load("shapes.ttl");
    }

    private static Graph load(String name) {
        String resource = "/org/vaultgraph/ontology/" + name;
        Graph graph = GraphFactory.createDefaultGraph();
        try (InputStream in = OntologyFiles.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is missing from the build");
            RDFParser.source(in).lang(Lang.TURTLE).parse(graph);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }
}
