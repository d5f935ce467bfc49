package org.vaultgraph.server;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.WebContent;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;

/**
 * Checks what is written with {@code --update} before Fuseki sees it. SPARQL Update: no {@code LOAD},
 * no {@code SERVICE} the {@link OutboundPolicy} does not allow (403). Graph Store uploads: parsed here
 * with nothing fetched and nothing read (JSON-LD contexts must be inline, RDF/XML may not have a DTD,
 * multipart uploads are refused), relative IRIs resolved against the vault's base IRI rather than the
 * address the client used, and passed on as N-Triples or N-Quads.
 */
final class WriteFilter implements Filter {
    private static final String UPDATE_PATH = VaultServer.DATASET + "/update";
    private static final String DATA_PATH = VaultServer.DATASET + "/data";

    private final OutboundPolicy outbound;
    private final String base;
    private final long maxBodyBytes;

    WriteFilter(OutboundPolicy outbound, String base, long maxBodyBytes) {
        this.outbound = outbound;
        this.base = base;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = request.getRequestURI();
        String method = request.getMethod();
        if (path.equals(UPDATE_PATH) && method.equals("POST")) {
            checkUpdate(request, response, chain);
        } else if (path.equals(DATA_PATH) && (method.equals("PUT") || method.equals("POST"))) {
            checkUpload(request, response, chain);
        } else {
            chain.doFilter(req, res);
        }
    }

    private void checkUpdate(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        String contentType = mediaType(request);
        byte[] body = null;
        String text;
        if (contentType.equals(WebContent.contentTypeSPARQLUpdate)) {
            body = readBounded(request);
            if (body == null) {
                RdfResponse.sendText(response, 413, "Request too large: the limit is " + maxBodyBytes + " bytes\n");
                return;
            }
            text = new String(body, StandardCharsets.UTF_8);
        } else {
            text = request.getParameter("update");
        }
        if (text != null) {
            try {
                UpdateRequest update = UpdateFactory.create(text, Syntax.syntaxARQ);
                String refusal = outbound.refusal(update);
                if (refusal != null) {
                    RdfResponse.sendText(response, 403, "Forbidden: " + refusal + "\n");
                    return;
                }
            } catch (QueryParseException e) {
                // Fuseki answers a syntax error itself, with its position.
            }
        }
        chain.doFilter(body == null ? request : new Body(request, body, request.getContentType()), response);
    }

    private void checkUpload(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        String contentType = mediaType(request);
        if (contentType.startsWith("multipart/")) {
            RdfResponse.sendText(response, 415, "Multipart uploads are not accepted: send the graph as the request body, with its media type\n");
            return;
        }
        Lang lang = contentType.isEmpty() ? null : RDFLanguages.contentTypeToLang(contentType);
        if (lang == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = readBounded(request);
        if (body == null) {
            RdfResponse.sendText(response, 413, "Request too large: the limit is " + maxBodyBytes + " bytes\n");
            return;
        }
        if (lang.equals(Lang.RDFXML) || lang.equals(Lang.TRIX)) {
            String problem = xmlProblem(body);
            if (problem != null) {
                RdfResponse.sendText(response, 400, problem + "\n");
                return;
            }
        }
        boolean triples = RDFLanguages.isTriples(lang);
        ByteArrayOutputStream rewritten = new ByteArrayOutputStream(body.length);
        StreamRDF out = StreamRDFWriter.getWriterStream(rewritten, triples ? RDFFormat.NTRIPLES : RDFFormat.NQUADS);
        Context context = new Context();
        context.set(LangJSONLD11.JSONLD_OPTIONS, new JsonLdOptions((url, options) -> {
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                    "remote JSON-LD contexts are not fetched (" + url + "); put the context in the document");
        }));
        try {
            out.start();
            RDFParser.source(new ByteArrayInputStream(body)).lang(lang).base(base).context(context)
                    .errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging).parse(out);
            out.finish();
        } catch (RiotException e) {
            RdfResponse.sendText(response, 400, "Bad " + lang.getName() + ": " + oneLine(e) + "\n");
            return;
        }
        String newType = triples ? WebContent.contentTypeNTriples : WebContent.contentTypeNQuads;
        chain.doFilter(new Body(request, rewritten.toByteArray(), newType), response);
    }

    /** Why an XML body is refused (a DTD, whose entities could read files or URLs), or null. */
    private static String xmlProblem(byte[] body) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // Reports the DOCTYPE as an event without processing it.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(body));
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    return "XML with a DTD (<!DOCTYPE ...>) is not accepted: its entities could name files or URLs";
                }
                if (event == XMLStreamConstants.START_ELEMENT) return null;
            }
            return null;
        } catch (XMLStreamException e) {
            return "Bad XML: " + e.getMessage().replaceAll("\\s+", " ");
        }
    }

    private static String oneLine(RiotException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) cause = cause.getCause();
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (cause.getCause() instanceof JsonLdError json && json.getMessage() != null) message = json.getMessage();
        return message.replaceAll("\\s+", " ");
    }

    private static String mediaType(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) return "";
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** The body, or null when it is longer than the limit. */
    private byte[] readBounded(HttpServletRequest request) throws IOException {
        byte[] bytes = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        return bytes.length > maxBodyBytes ? null : bytes;
    }

    /** A request whose body (and media type) is given. */
    private static final class Body extends HttpServletRequestWrapper {
        private final byte[] body;
        private final String contentType;

        Body(HttpServletRequest request, byte[] body, String contentType) {
            super(request);
            this.body = body;
            this.contentType = contentType;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public String getHeader(String name) {
            if (name.equalsIgnoreCase("Content-Type")) return contentType;
            if (name.equalsIgnoreCase("Content-Length")) return Integer.toString(body.length);
            return super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            String value = getHeader(name);
            if (name.equalsIgnoreCase("Content-Type") || name.equalsIgnoreCase("Content-Length")) {
                return Collections.enumeration(java.util.List.of(value));
            }
            return super.getHeaders(name);
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new BodyStream(new ByteArrayInputStream(body), body.length);
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
