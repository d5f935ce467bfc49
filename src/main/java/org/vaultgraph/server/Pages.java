package org.vaultgraph.server;

import org.vaultgraph.render.Html;

/** The pieces every page of the server shares. */
final class Pages {
    private Pages() {}

    static final String STYLE = "<style>" + org.vaultgraph.render.GardenLayout.STYLE
            + ".meta a{margin-right:.3rem}.properties th{text-align:left;background:#fafafa}small{color:#777}</style>";

    /**
     * Sends a page with a Content-Security-Policy that lets it run only the server's own scripts
     * and the inline scripts given (by their digest): text from notes can never run as script.
     */
    static void send(jakarta.servlet.http.HttpServletResponse response, String html, String... inlineScripts) throws java.io.IOException {
        StringBuilder scripts = new StringBuilder("'self'");
        for (String script : inlineScripts) {
            try {
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(script.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                scripts.append(" 'sha256-").append(java.util.Base64.getEncoder().encodeToString(digest)).append('\'');
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src " + scripts
                + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
        RdfResponse.send(response, 200, "text/html; charset=utf-8", html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The start of a page, up to and including {@code <body>}. */
    static String head(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.text(title) + "</title>" + STYLE
                + "</head><body>\n";
    }

    /** A line that links home and to the resource's other representations. */
    static String formatLinks() {
        return "<p><a href=\"/\">vaultgraph</a> · " + formats();
    }

    /** The resource's other representations, one link each, ending the line. */
    static String formats() {
        return "as <a href=\"?format=ttl\">Turtle</a> · <a href=\"?format=jsonld\">JSON-LD</a>"
                + " · <a href=\"?format=nt\">N-Triples</a> · <a href=\"?format=rdf\">RDF/XML</a> · <a href=\"?format=nq\">N-Quads</a>"
                + " · <a href=\"?format=trig\">TriG</a></p>\n";
    }
}
