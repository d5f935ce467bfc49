package org.vaultgraph.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files the browser pages need, bundled in the jar at build time (YASGUI, the SPARQL editor;
 * Cytoscape.js and our script for the graph pages): a fixed list, so no request path can reach any
 * other resource.
 */
final class StaticFiles {
    static final String YASGUI_JS = "/static/yasgui/yasgui.min.js";
    static final String YASGUI_CSS = "/static/yasgui/yasgui.min.css";
    static final String CYTOSCAPE_JS = "/static/cytoscape/cytoscape.min.js";
    static final String GRAPH_JS = "/static/graph/graph.js";
    static final String GRAPH_CSS = "/static/graph/graph.css";

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            YASGUI_JS, "text/javascript; charset=utf-8",
            YASGUI_CSS, "text/css; charset=utf-8",
            CYTOSCAPE_JS, "text/javascript; charset=utf-8",
            GRAPH_JS, "text/javascript; charset=utf-8",
            GRAPH_CSS, "text/css; charset=utf-8");

    /** A file's bytes and media type. */
    record File(byte[] bytes, String contentType) {}

    private final Map<String, File> loaded = new ConcurrentHashMap<>();

    /** The file served at {@code path}, or empty when there is none. */
    Optional<File> get(String path) {
        String contentType = CONTENT_TYPES.get(path);
        if (contentType == null) return Optional.empty();
        return Optional.of(loaded.computeIfAbsent(path, p -> new File(read("/org/vaultgraph/server" + p), contentType)));
    }

    private static byte[] read(String resource) {
        try (InputStream in = StaticFiles.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is missing from the build (the build fetches libraries from npm)");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
