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
import org.vaultgraph.render.GardenPublisher;

/**
 * Answers GET on {@code /} with the landing page, on a tag page's permalink with that page
 * (rendered from the graph on each request), and on {@code /static/...} with the editor's files;
 * every other request goes on. Requests to the dataset ({@code /vault/...}) go on at once.
 */
final class PagesFilter implements Filter {
    private final Supplier<GardenPublisher> publishers;
    private final Supplier<GardenSite> sites;
    private final LandingPage landing;
    private GardenPublisher publisher;
    private Map<String, String> permalinks = Map.of();
    private Map<String, String> basePermalinks = Map.of();
    private final StaticFiles staticFiles = new StaticFiles();
    private final String host;

    /**
     * @param publishers the publisher of the graph as it is now (a new one after the graph changed), or null
     * @param host       the address the server listens on, for the page's example (never the request's Host header)
     */
    PagesFilter(Supplier<GardenPublisher> publishers, Supplier<GardenSite> sites, LandingPage landing, String host) {
        this.publishers = publishers;
        this.sites = sites;
        this.landing = landing;
        this.host = host;
    }

    /** The permalinks of the current publisher, computed once per publisher. */
    private synchronized Map<String, String> permalinks() {
        GardenPublisher current = publishers == null ? null : publishers.get();
        if (current != null && current != publisher) {
            permalinks = current.permalinks();
            basePermalinks = current.basePermalinks();
            publisher = current;
        }
        return permalinks;
    }

    /** The pages of the vault's base files, by address, of the current publisher. */
    private synchronized Map<String, String> basePermalinks() {
        permalinks();
        return basePermalinks;
    }

    /** The index, a folder's or a class's page, a published page at its permalink, or a base file's page; empty when the path is none of those, null when it names a folder or class that is not there. */
    private Optional<String> gardenPage(GardenSite site, String path, HttpServletRequest request) {
        if (path.equals("/index") || path.equals("/index/")) return Optional.of(site.index());
        if (path.startsWith("/folder/")) {
            String folder = LinkedDataFilter.percentDecode(path.substring("/folder/".length()));
            if (folder == null) return null;
            folder = folder.replaceAll("/+$", "");
            Optional<String> page = site.folder(folder);
            return page.isPresent() ? page : null;
        }
        if (path.equals("/class")) {
            String iri = request.getParameter("iri");
            Optional<String> page = iri == null ? Optional.empty() : site.ofClass(iri);
            return page.isPresent() ? page : null;
        }
        String slashed = path.endsWith("/") ? path : path + "/";
        String notePath = permalinks().get(slashed);
        if (notePath != null) return site.publishedPage(notePath);
        String basePath = basePermalinks().get(slashed);
        return basePath == null ? Optional.empty() : site.basePage(basePath);
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
            Pages.send(response, landing.html(origin, permalinks(), basePermalinks()), LandingPage.EDITOR_SCRIPT);
            return;
        }
        if (path.startsWith(VaultServer.DATASET + "/")) {
            // The dataset's endpoints are never pages: a query need not wait for every page's permalink.
            chain.doFilter(req, res);
            return;
        }
        Optional<StaticFiles.File> file = staticFiles.get(path);
        if (file.isPresent()) {
            response.setHeader("Cache-Control", "public, max-age=86400");
            RdfResponse.send(response, 200, file.get().contentType(), file.get().bytes());
            return;
        }
        GardenSite site = sites.get();
        if (site != null) {
            Optional<String> page = gardenPage(site, path, request);
            if (page == null) {
                RdfResponse.sendText(response, 404, "Not found: no such folder or class in the vault\n");
                return;
            }
            if (page.isPresent()) {
                Pages.send(response, page.get());
                return;
            }
        }
        chain.doFilter(req, res);
    }
}
