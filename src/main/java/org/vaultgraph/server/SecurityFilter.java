package org.vaultgraph.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * What a browser may do with the server: read from anywhere (CORS allows every origin to query and
 * fetch resources, so browser tools work), write from nowhere but the server's own pages (a write
 * that comes from another origin is refused, whatever credentials the browser holds), get no answer
 * that loads or runs code ({@code stylesheet=} and JSONP {@code callback=} are refused), and the usual
 * headers on every answer (no MIME sniffing, no framing, no referrer).
 */
final class SecurityFilter implements Filter {
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    // Fuseki would put an XSLT stylesheet URL into XML results and wrap JSON results in a JSONP callback.
    private static final java.util.List<String> CODE_PARAMETERS = java.util.List.of("stylesheet", "callback");

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        for (String parameter : CODE_PARAMETERS) {
            if (request.getParameter(parameter) != null) {
                RdfResponse.sendText(response, 400, "Bad request: '" + parameter + "=' is not accepted: it would make an answer load or run code\n");
                return;
            }
        }
        String origin = request.getHeader("Origin");
        boolean crossOrigin = origin != null && !sameOrigin(origin, request);
        if (crossOrigin && isWrite(request)) {
            RdfResponse.sendText(response, 403, "Forbidden: writes are not accepted from another origin (" + origin + ")\n");
            return;
        }
        if (origin != null) {
            response.setHeader("Access-Control-Allow-Origin", "*");
            response.setHeader("Vary", "Origin");
            if (request.getMethod().equals("OPTIONS") && request.getHeader("Access-Control-Request-Method") != null) {
                // A preflight: reads only.
                response.setHeader("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS");
                response.setHeader("Access-Control-Allow-Headers", "Accept, Content-Type");
                response.setHeader("Access-Control-Max-Age", "3600");
                response.setStatus(204);
                return;
            }
        }
        chain.doFilter(req, res);
    }

    /**
     * Whether the request changes the graph: any method but GET, HEAD and OPTIONS, except a POST
     * that only asks a query (to the query endpoints, or with a {@code query} parameter).
     */
    static boolean isWrite(HttpServletRequest request) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if (READ_METHODS.contains(method)) return false;
        if (!method.equals("POST")) return true;
        String path = request.getRequestURI();
        boolean queryEndpoint = path.equals(VaultServer.DATASET + "/sparql") || path.equals(VaultServer.DATASET + "/query");
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        return !(queryEndpoint && !contentType.startsWith("application/sparql-update") && !hasUpdateParameter(request));
    }

    private static boolean hasUpdateParameter(HttpServletRequest request) {
        String contentType = request.getContentType();
        // Reading form parameters consumes the body; only form posts carry them.
        return contentType != null && contentType.startsWith("application/x-www-form-urlencoded") && request.getParameter("update") != null;
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI o = URI.create(origin);
            String host = request.getServerName();
            int port = request.getServerPort();
            int originPort = o.getPort() != -1 ? o.getPort() : ("https".equals(o.getScheme()) ? 443 : 80);
            return host.equalsIgnoreCase(o.getHost()) && port == originPort;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
