package org.vaultgraph.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.sparql.core.DatasetGraph;
import org.vaultgraph.export.JsonLdWriter;

/**
 * Chooses a representation of a resource by the request's {@code Accept} header (read as RFC 9110
 * says, see {@link MediaRanges}), or by {@code ?format=} where a header cannot be set, and writes it:
 * triples (Turtle, JSON-LD, N-Triples, RDF/XML), quads with each triple in its graph (N-Quads, TriG),
 * or a page.
 */
final class RdfResponse {
    static final String TURTLE = "text/turtle";
    static final String JSONLD = "application/ld+json";
    static final String NTRIPLES = "application/n-triples";
    static final String RDFXML = "application/rdf+xml";
    static final String HTML = "text/html";
    static final String NQUADS = "application/n-quads";
    static final String TRIG = "application/trig";
    /** Plain JSON clients get the JSON-LD document (compacted, so it reads as plain JSON), labelled as they asked. */
    static final String JSON = "application/json";

    /** What we offer, in our order of preference when the client weighs several alike. */
    private static final List<String> OFFERED = List.of(TURTLE, JSONLD, NTRIPLES, RDFXML, HTML, NQUADS, TRIG, JSON);
    private static final Map<String, String> FORMAT_NAMES = Map.ofEntries(
            Map.entry("ttl", TURTLE), Map.entry("turtle", TURTLE),
            Map.entry("jsonld", JSONLD), Map.entry("json-ld", JSONLD), Map.entry("json", JSONLD),
            Map.entry("nt", NTRIPLES), Map.entry("ntriples", NTRIPLES),
            Map.entry("rdf", RDFXML), Map.entry("xml", RDFXML), Map.entry("rdfxml", RDFXML),
            Map.entry("nq", NQUADS), Map.entry("nquads", NQUADS), Map.entry("trig", TRIG),
            Map.entry("html", HTML));

    private RdfResponse() {}

    /**
     * The media type to answer with: {@code ?format=} or the extension first, else the best match
     * for {@code Accept} (Turtle when there is none); null when nothing we write is acceptable.
     */
    static String choose(HttpServletRequest request, String extension) {
        String format = request.getParameter("format");
        if (format == null) format = extension;
        if (format != null) return FORMAT_NAMES.get(format.toLowerCase(Locale.ROOT));
        return MediaRanges.parse(acceptHeader(request)).choose(OFFERED);
    }

    /** Every Accept header of the request joined, as RFC 9110 reads repeated fields. */
    static String acceptHeader(HttpServletRequest request) {
        List<String> values = java.util.Collections.list(request.getHeaders("Accept"));
        return values.isEmpty() ? null : String.join(",", values);
    }

    /**
     * For a file of the vault: its own media type when the client takes it at least as gladly as any
     * description we write (a browser's image request, {@code curl} with no Accept); else null.
     */
    static boolean prefersFile(HttpServletRequest request, String fileMediaType) {
        List<String> offered = new java.util.ArrayList<>(List.of(fileMediaType));
        for (String type : OFFERED) if (!type.equals(HTML)) offered.add(type);
        return fileMediaType.equals(MediaRanges.parse(acceptHeader(request)).choose(offered));
    }

    /** Whether a path extension ({@code .ttl}...) names a format. */
    static boolean isFormatExtension(String extension) {
        return FORMAT_NAMES.containsKey(extension.toLowerCase(Locale.ROOT));
    }

    /** The media types we write, for error messages. */
    static String offered() {
        return String.join(", ", OFFERED);
    }

    /** The names {@code ?format=} accepts, for error messages. */
    static String formatNames() {
        return String.join(", ", new java.util.TreeSet<>(FORMAT_NAMES.keySet()));
    }

    /**
     * @param graph the triples, for the triple formats
     * @param quads the same statements each in its graph, for N-Quads and TriG
     */
    static void write(HttpServletResponse response, String mediaType, Graph graph, Supplier<DatasetGraph> quads, PrefixMap prefixes,
                      JsonLdWriter jsonLd) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (mediaType) {
            case JSONLD, JSON -> jsonLd.write(graph, out);
            case NQUADS -> RDFWriter.source(quads.get()).format(RDFFormat.NQUADS).output(out);
            case TRIG -> {
                DatasetGraph dataset = quads.get();
                prefixes.forEach((prefix, uri) -> dataset.prefixes().add(prefix, uri));
                RDFWriter.source(dataset).format(RDFFormat.TRIG_PRETTY).output(out);
            }
            case NTRIPLES -> RDFWriter.source(graph).format(RDFFormat.NTRIPLES).output(out);
            case RDFXML -> RDFWriter.source(withPrefixes(graph, prefixes)).format(RDFFormat.RDFXML_PLAIN).output(out);
            default -> RDFWriter.source(withPrefixes(graph, prefixes)).format(RDFFormat.TURTLE_PRETTY).output(out);
        }
        boolean asciiOnly = mediaType.equals(NTRIPLES) || mediaType.equals(NQUADS);
        send(response, 200, mediaType + (asciiOnly ? "" : "; charset=utf-8"), out.toByteArray());
    }

    private static Graph withPrefixes(Graph graph, PrefixMap prefixes) {
        prefixes.forEach((prefix, uri) -> graph.getPrefixMapping().setNsPrefix(prefix, uri));
        return graph;
    }

    static void send(HttpServletResponse response, int status, String contentType, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static void sendText(HttpServletResponse response, int status, String text) throws IOException {
        send(response, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }
}
