package org.vaultgraph.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.query.QueryCancelledException;
import org.vaultgraph.export.VaultNetwork;
import org.vaultgraph.rdf.IriMinter;
import org.vaultgraph.render.Html;
import org.vaultgraph.render.Json;

/**
 * The graph pages: {@code /graph} draws the whole vault, {@code /graph/note/…} the neighbourhood of one
 * note, both in the browser with Cytoscape.js from {@code /graph.json} (see {@link GraphView} for what
 * a view holds and its parameters). Every other request goes on.
 */
final class GraphPages implements Filter {
    static final String PAGE = "/graph";
    static final String DATA = "/graph.json";

    private final GraphView view;

    GraphPages(GraphView view) {
        this.view = view;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = request.getRequestURI();
        boolean read = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
        if (!read || !(path.equals(PAGE) || path.equals(PAGE + "/") || path.startsWith(PAGE + "/") || path.equals(DATA))) {
            chain.doFilter(req, res);
            return;
        }
        try {
            if (path.equals(DATA)) data(request, response);
            else if (path.equals(PAGE) || path.equals(PAGE + "/")) Pages.send(response, page(null, null));
            else notePage(path.substring(PAGE.length() + 1), response);
        } catch (QueryCancelledException e) {
            RdfResponse.sendText(response, 503, "Service unavailable: the vault's network could not be read within the query time limit\n");
        }
    }

    private void notePage(String rawPath, HttpServletResponse response) throws IOException {
        String path = normalise(rawPath);
        VaultNetwork.Vertex vertex = path == null ? null : view.snapshot().vertex(view.iri(path));
        if (vertex == null) {
            RdfResponse.sendText(response, 404, "Not found: the vault's graph has no node " + rawPath + "\n");
            return;
        }
        Pages.send(response, page(path, vertex.label()));
    }

    private void data(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String focus = request.getParameter("focus");
        if (focus != null) {
            focus = normalise(focus);
            if (focus == null || !view.snapshot().has(view.iri(focus))) {
                RdfResponse.sendText(response, 404, "Not found: the vault's graph has no node " + request.getParameter("focus") + "\n");
                return;
            }
        }
        int depth = number(request.getParameter("depth"), 1);
        int limit = number(request.getParameter("limit"), GraphView.DEFAULT_LIMIT);
        if (depth < 1 || depth > 2 || limit < 1 || limit > GraphView.MAX_LIMIT) {
            RdfResponse.sendText(response, 400, "Bad request: depth is 1 or 2, limit 1 to " + GraphView.MAX_LIMIT + "\n");
            return;
        }
        String tag = request.getParameter("tag");
        tag = tag == null || tag.isBlank() ? null : tag.strip().replaceFirst("^#", "").toLowerCase(Locale.ROOT);
        GraphView.Request wanted = new GraphView.Request(focus, depth, values(request, "class"), tag, values(request, "kind"), limit);
        byte[] json = Json.write(view.snapshot().view(wanted)).getBytes(StandardCharsets.UTF_8);
        RdfResponse.send(response, 200, "application/json", json);
    }

    /** The page: its heading, the controls and the drawing that the page's script fills in. */
    private static String page(String focus, String label) {
        String title = focus == null ? "Graph of the vault" : "Graph around " + label;
        StringBuilder out = new StringBuilder(Pages.head("vaultgraph: " + title));
        out.append("<link rel=\"stylesheet\" href=\"").append(StaticFiles.GRAPH_CSS).append("\">\n");
        out.append("<p><a href=\"/\">vaultgraph</a> · <a href=\"").append(PAGE).append("\">the whole vault</a>");
        if (focus != null) out.append(" · <a href=\"/").append(Html.attribute(focus)).append("\">its page</a>");
        out.append("</p>\n<h1>").append(Html.text(title)).append("</h1>\n");
        out.append("<form id=\"graph-controls\"></form>\n<p id=\"graph-status\" role=\"status\">Loading the graph…</p>\n");
        out.append("<div id=\"graph\"");
        if (focus != null) out.append(" data-focus=\"").append(Html.attribute(focus)).append('"');
        out.append("></div>\n");
        out.append("<noscript><p>The drawing needs JavaScript; its data is at <a href=\"").append(DATA).append("\">")
                .append(DATA).append("</a>.</p></noscript>\n");
        out.append("<script src=\"").append(StaticFiles.CYTOSCAPE_JS).append("\"></script>\n");
        out.append("<script src=\"").append(StaticFiles.GRAPH_JS).append("\"></script>\n");
        return out.append("</body></html>\n").toString();
    }

    /** A path after the base IRI as the minter writes it, whether it came percent-encoded or not; null when malformed. */
    private static String normalise(String path) {
        String decoded = LinkedDataFilter.percentDecode(path);
        return decoded == null || decoded.isEmpty() ? null : IriMinter.encodePath(decoded);
    }

    private static Set<String> values(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        if (values == null) return Set.of();
        return Arrays.stream(values).filter(v -> !v.isBlank()).collect(Collectors.toUnmodifiableSet());
    }

    private static int number(String text, int fallback) {
        if (text == null || text.isBlank()) return fallback;
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
