package org.vaultgraph.server;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jena.fuseki.main.sys.FusekiErrorHandler;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Error answers that Jetty and Fuseki write themselves (a path Jetty refuses before any filter, a
 * {@code sendError}): always plain text that browsers may not sniff as HTML, since they can echo what
 * the request said.
 */
final class PlainErrors extends FusekiErrorHandler {
    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
                                                 List<Charset> charsets, int code, String message, Throwable cause) throws IOException {
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        return super.generateAcceptableResponse(request, response, callback, MimeTypes.Type.TEXT_PLAIN.asString(),
                List.of(StandardCharsets.UTF_8), code, message, cause);
    }
}
