package org.vaultgraph.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.system.PrefixMap;
import org.vaultgraph.export.JsonLdWriter;

/**
 * Chooses a representation of a resource by the request's {@code Accept} header (q-values honoured),
 * or by {@code ?format=} where a header cannot be set, and writes it.
 */
final class RdfResponse {
    static final String TURTLE = "text/turtle";
    static final String JSONLD = "application/ld+json";
    static final String NTRIPLES = "application/n-triples";
    static final String RDFXML = "application/rdf+xml";
    static final String HTML = "text/html";

    /** What we offer, in our order of preference when the client has none. */
    private static final AcceptList OFFERED = AcceptList.create(TURTLE, JSONLD, NTRIPLES, RDFXML, HTML);
    private static final Map<String, String> FORMAT_NAMES = Map.ofEntries(
            Map.entry("ttl", TURTLE), Map.entry("turtle", TURTLE),
            Map.entry("jsonld", JSONLD), Map.entry("json-ld", JSONLD), Map.entry("json", JSONLD),
            Map.entry("nt", NTRIPLES), Map.entry("ntriples", NTRIPLES),
            Map.entry("rdf", RDFXML), Map.entry("xml", RDFXML), Map.entry("rdfxml", RDFXML),
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
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank()) return TURTLE;
        MediaType chosen = AcceptList.match(new AcceptList(accept), OFFERED);
        return chosen == null ? null : chosen.getContentTypeStr();
    }

    /** Whether a path extension ({@code .ttl}...) names a format. */
    static boolean isFormatExtension(String extension) {
        return FORMAT_NAMES.containsKey(extension.toLowerCase(Locale.ROOT));
    }

    /** The media types we write, for error messages. */
    static String offered() {
        return String.join(", ", TURTLE, JSONLD, NTRIPLES, RDFXML, HTML);
    }

    /** The names {@code ?format=} accepts, for error messages. */
    static String formatNames() {
        return String.join(", ", new java.util.TreeSet<>(FORMAT_NAMES.keySet()));
    }

    static void write(HttpServletResponse response, String mediaType, Graph graph, PrefixMap prefixes, JsonLdWriter jsonLd)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (mediaType) {
            case JSONLD -> jsonLd.write(graph, out);
            case NTRIPLES -> RDFWriter.source(graph).format(RDFFormat.NTRIPLES).output(out);
            case RDFXML -> RDFWriter.source(withPrefixes(graph, prefixes)).format(RDFFormat.RDFXML_PLAIN).output(out);
            default -> RDFWriter.source(withPrefixes(graph, prefixes)).format(RDFFormat.TURTLE_PRETTY).output(out);
        }
        send(response, 200, mediaType + (mediaType.equals(NTRIPLES) ? "" : "; charset=utf-8"), out.toByteArray());
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
