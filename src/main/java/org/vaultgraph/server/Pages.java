package org.vaultgraph.server;

import org.vaultgraph.render.Html;

/** The pieces every page of the server shares. */
final class Pages {
    private Pages() {}

    static final String STYLE = "<style>" + org.vaultgraph.render.GardenLayout.STYLE
            + ".meta a{margin-right:.3rem}.properties th{text-align:left;background:#fafafa}small{color:#777}"
            + ".obsidian-bases-views{margin:1rem 0}.obsidian-bases-toolbar{color:#555;margin:.3rem 0}.obsidian-bases-view-icon{vertical-align:middle}"
            + ".obsidian-bases-result-count{margin-left:.5rem;color:#777}.obsidian-base-group-row td,.obsidian-base-group-header-block{font-weight:600;background:#f3f3f3}"
            + ".obsidian-base-group-count{color:#777;font-weight:400;margin-left:.3rem}.obsidian-base-summary-bar{display:flex;gap:1rem;color:#555;margin:.3rem 0}"
            + ".obsidian-base-summary-label{color:#777}.obsidian-base-cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:.8rem}"
            + ".obsidian-base-card{border:1px solid #ddd;border-radius:6px;overflow:hidden}.obsidian-base-card-image img,.obsidian-base-card-image svg"
            + "{width:100%;aspect-ratio:1.5;object-fit:cover;display:block}.obsidian-base-card-content{padding:.5rem}.obsidian-base-card-label{color:#777}"
            + ".obsidian-base-error{color:#b00;border:1px solid #e99;padding:.3rem .5rem}.is-unresolved{opacity:.6}</style>";

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
