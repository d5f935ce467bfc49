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
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.vaultgraph.render.Cells;
import org.vaultgraph.render.GardenPublisher;

/**
 * Answers GET on {@code /} with the landing page, on a tag page's permalink with that page
 * (rendered from the graph on each request), and on {@code /static/...} with the editor's files;
 * every other request goes on.
 */
final class PagesFilter implements Filter {
    private final Supplier<GardenPublisher> publishers;
    private final LandingPage landing;
    private GardenPublisher publisher;
    private Map<String, String> permalinks = Map.of();
    private final StaticFiles staticFiles = new StaticFiles();
    private final String host;

    /**
     * @param publishers the publisher of the graph as it is now (a new one after the graph changed), or null
     * @param host       the address the server listens on, for the page's example (never the request's Host header)
     */
    PagesFilter(Supplier<GardenPublisher> publishers, LandingPage landing, String host) {
        this.publishers = publishers;
        this.landing = landing;
        this.host = host;
    }

    /** The permalinks of the current publisher, computed once per publisher. */
    private synchronized Map<String, String> permalinks() {
        GardenPublisher current = publishers == null ? null : publishers.get();
        if (current != null && current != publisher) {
            permalinks = current.permalinks();
            publisher = current;
        }
        return permalinks;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            chain.doFilter(req, res);
            return;
        }
        String path = request.getRequestURI();
        if (path.equals("/")) {
            String shown = "0.0.0.0".equals(host) || "::".equals(host) ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
            String origin = "http://" + shown + ":" + request.getLocalPort();
            Pages.send(response, landing.html(origin, permalinks()), LandingPage.EDITOR_SCRIPT);
            return;
        }
        if (path.startsWith(VaultServer.DATASET + "/")) {
            // The dataset's endpoints are never pages: a query does not wait for the pages' permalinks.
            chain.doFilter(req, res);
            return;
        }
        Optional<StaticFiles.File> file = staticFiles.get(path);
        if (file.isPresent()) {
            response.setHeader("Cache-Control", "public, max-age=86400");
            RdfResponse.send(response, 200, file.get().contentType(), file.get().bytes());
            return;
        }
        Map<String, String> links = permalinks();
        String notePath = links.get(path.endsWith("/") ? path : path + "/");
        if (notePath != null) {
            Optional<GardenPublisher.Page> page = publishers.get().page(notePath);
            if (page.isPresent()) {
                Pages.send(response, Pages.page(Cells.title(notePath), page.get().markdown()));
                return;
            }
        }
        chain.doFilter(req, res);
    }
}
