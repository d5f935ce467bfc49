package org.vaultgraph.export;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.vaultgraph.rdf.IriMinter;

/**
 * Writes the graph as JSON-LD 1.1, compacted with vaultgraph's context ({@code ontology/context.jsonld})
 * so that it reads like plain JSON, one named graph per note, each compacted on its own: memory
 * holds one note at a time.
 *
 * <pre>{@code new JsonLdWriter(iris).write(dataset, out);}</pre>
 */
public final class JsonLdWriter {
    private final JsonObject context;

    public JsonLdWriter(IriMinter iris) {
        this.context = context(iris);
    }

    /** Our context, with the vault's own namespaces added: field properties, notes, tags. */
    public static JsonObject context(IriMinter iris) {
        try (InputStream in = JsonLdWriter.class.getResourceAsStream("/org/vaultgraph/ontology/context.jsonld")) {
            if (in == null) throw new IllegalStateException("context.jsonld is missing from the build");
            JsonObject document = Json.createReader(in).readObject();
            JsonObjectBuilder context = Json.createObjectBuilder(document.getJsonObject("@context"));
            context.add("field", iris.fieldNamespace());
            context.add("note", iris.base() + "note/");
            context.add("tag", iris.base() + "tag/");
            return context.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes every named graph of the dataset; call inside a read transaction. */
    public void write(DatasetGraph dataset, OutputStream out) {
        StreamRDF stream = stream(out);
        stream.start();
        Iterator<Node> graphs = dataset.listGraphNodes();
        while (graphs.hasNext()) {
            Iterator<Quad> quads = dataset.find(graphs.next(), Node.ANY, Node.ANY, Node.ANY);
            while (quads.hasNext()) stream.quad(quads.next());
        }
        stream.finish();
    }

    /**
     * A sink that writes the JSON-LD document as quads arrive, one compacted object per named graph;
     * the quads of a graph must arrive together (as the mapper emits a note's).
     */
    public StreamRDF stream(OutputStream out) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        JsonWriterFactory pretty = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
        return new StreamRDFBase() {
            private DatasetGraph current = DatasetGraphFactory.create();
            private Node currentGraph;
            private boolean first = true;

            @Override
            public void start() {
                write("{\n  \"@context\": " + indent(json(pretty, context), "  ") + ",\n  \"@graph\": [");
            }

            @Override
            public void quad(Quad quad) {
                if (currentGraph != null && !quad.getGraph().equals(currentGraph)) flush();
                currentGraph = quad.getGraph();
                current.add(quad);
            }

            @Override
            public void triple(Triple triple) {
                quad(Quad.create(Quad.defaultGraphIRI, triple));
            }

            @Override
            public void finish() {
                flush();
                write("\n  ]\n}\n");
                try {
                    writer.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            private void flush() {
                if (currentGraph == null) return;
                JsonObjectBuilder withoutContext = Json.createObjectBuilder();
                compacted(current).forEach((key, value) -> {
                    if (!key.equals("@context")) withoutContext.add(key, value);
                });
                write((first ? "\n    " : ",\n    ") + indent(json(pretty, withoutContext.build()), "    "));
                first = false;
                current = DatasetGraphFactory.create();
                currentGraph = null;
            }

            private void write(String text) {
                try {
                    writer.write(text);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** A graph as one JSON-LD document compacted with our context, the context included. */
    public void write(Graph graph, OutputStream out) {
        JsonWriterFactory pretty = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(json(pretty, compacted(DatasetGraphFactory.wrap(graph))));
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonObject compacted(DatasetGraph dataset) {
        String expanded = RDFWriter.source(dataset).format(RDFFormat.JSONLD11_PLAIN).asString();
        JsonObject plain = Json.createReader(new StringReader(expanded)).readObject();
        JsonArray nodes = plain.getJsonArray("@graph");
        try {
            return JsonLd.compact(JsonDocument.of(nodes), JsonDocument.of(Json.createObjectBuilder()
                    .add("@context", context).build())).get();
        } catch (JsonLdError e) {
            throw new IllegalStateException("JSON-LD compaction failed: " + e.getMessage(), e);
        }
    }

    private static String json(JsonWriterFactory factory, JsonStructure value) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = factory.createWriter(out)) {
            writer.write(value);
        }
        return out.toString().strip();
    }

    private static String indent(String text, String prefix) {
        return text.replace("\n", "\n" + prefix);
    }

}
