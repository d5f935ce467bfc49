package org.vaultgraph.export;

import java.io.OutputStream;
import java.util.Iterator;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.vaultgraph.rdf.IriMinter;
import org.vaultgraph.rdf.VG;

/**
 * Writes a vault's graph from the store, streaming: memory does not grow with the vault.
 *
 * <pre>{@code new GraphExporter(iris).write(store.dataset(), ExportFormat.TRIG, System.out);}</pre>
 *
 * Triple formats get the union of every note's graph, each triple once; quad formats (TriG, N-Quads,
 * JSON-LD) keep the named graph of each note.
 */
public final class GraphExporter {
    private final PrefixMap prefixes;
    private final PrefixMapping prefixMapping;
    private final JsonLdWriter jsonLd;

    public GraphExporter(IriMinter iris) {
        this.prefixes = prefixes(iris);
        this.prefixMapping = PrefixMapping.Factory.create().setNsPrefixes(prefixes.getMapping());
        this.jsonLd = new JsonLdWriter(iris);
    }

    /** The prefixes our outputs use: the standard vocabularies, the ontology, and the vault's own namespaces. */
    public static PrefixMap prefixes(IriMinter iris) {
        PrefixMap map = PrefixMapFactory.create();
        map.add("vg", VG.NS);
        map.add("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        map.add("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        map.add("xsd", "http://www.w3.org/2001/XMLSchema#");
        map.add("dcterms", VG.DCTERMS);
        map.add("skos", VG.SKOS);
        map.add("schema", "https://schema.org/");
        map.add("field", iris.fieldNamespace());
        map.add("tag", iris.base() + "tag/");
        map.add("note", iris.base() + "note/");
        return map;
    }

    public void write(DatasetGraph dataset, ExportFormat format, OutputStream out) {
        if (!format.isRdf()) throw new IllegalArgumentException(format.id() + " is not an RDF format");
        if (format == ExportFormat.JSONLD) {
            Txn.executeRead(dataset, () -> jsonLd.write(dataset, out));
            return;
        }
        if (format == ExportFormat.RDFXML) {
            // RDF/XML writes each statement on its own, so the union graph streams through.
            Txn.executeRead(dataset, () -> {
                Graph union = new GraphWrapper(dataset.getUnionGraph()) {
                    @Override
                    public PrefixMapping getPrefixMapping() {
                        return prefixMapping;
                    }
                };
                RDFWriter.source(union).format(RDFFormat.RDFXML_PLAIN).output(out);
            });
            return;
        }
        Txn.executeRead(dataset, () -> {
            StreamRDF writer = StreamRDFWriter.getWriterStream(out, format.rdfFormat(), dataset.getContext());
            writer.start();
            prefixes.forEach(writer::prefix);
            if (format.quads()) {
                // Graph by graph, so that each note's graph is written as one block.
                Iterator<Node> graphs = dataset.listGraphNodes();
                while (graphs.hasNext()) {
                    Iterator<Quad> quads = dataset.find(graphs.next(), Node.ANY, Node.ANY, Node.ANY);
                    while (quads.hasNext()) writer.quad(quads.next());
                }
            } else {
                Iterator<Triple> triples = dataset.getUnionGraph().find();
                while (triples.hasNext()) writer.triple(triples.next());
            }
            writer.finish();
        });
    }
}
