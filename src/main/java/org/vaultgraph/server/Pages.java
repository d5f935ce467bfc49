package org.vaultgraph.server;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;
import org.vaultgraph.render.Html;

/** The pieces every page of the server shares, and published tag pages turned into pages for the browser. */
final class Pages {
    private Pages() {}

    static final String STYLE = "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
            + "table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top}"
            + ".small-text::before{content:'('}.small-text::after{content:')'}.small-text{color:#777;margin-left:3px}"
            + ".fileclass-icon svg{width:1em;height:1em;vertical-align:middle}pre{background:#f6f6f6;padding:.5rem;overflow:auto}"
            + ".obsidian-bases-views{margin:1rem 0}.obsidian-bases-toolbar{color:#555;margin:.3rem 0}.obsidian-bases-view-icon{vertical-align:middle}"
            + ".obsidian-bases-result-count{margin-left:.5rem;color:#777}.obsidian-base-group-row td,.obsidian-base-group-header-block{font-weight:600;background:#f3f3f3}"
            + ".obsidian-base-group-count{color:#777;font-weight:400;margin-left:.3rem}.obsidian-base-summary-bar{display:flex;gap:1rem;color:#555;margin:.3rem 0}"
            + ".obsidian-base-summary-label{color:#777}.obsidian-base-cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:.8rem}"
            + ".obsidian-base-card{border:1px solid #ddd;border-radius:6px;overflow:hidden}.obsidian-base-card-image img,.obsidian-base-card-image svg"
            + "{width:100%;aspect-ratio:1.5;object-fit:cover;display:block}.obsidian-base-card-content{padding:.5rem}.obsidian-base-card-label{color:#777}"
            + ".obsidian-base-error{color:#b00;border:1px solid #e99;padding:.3rem .5rem}.is-unresolved{opacity:.6}</style>";

    private static final Pattern FRONT_MATTER = Pattern.compile("^---\\n.*?\\n---\\n", Pattern.DOTALL);
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().build();
    private static final String ICON_ATTRIBUTES = "xmlns,width,height,viewBox,fill,stroke,stroke-width,stroke-linecap,stroke-linejoin,"
            + "d,cx,cy,r,rx,ry,x,y,x1,y1,x2,y2,points,transform,class";
    /**
     * What a tag page may hold: the markup Dataview tables, base views (their checkboxes always disabled
     * ones), Obsidian links and fileClass icons use, and
     * common text formatting; no script, no event handler, no style, no link but http(s), mailto and
     * relative ones. A note may hold any HTML, and its text is shown to whoever opens the page.
     */
    private static final Safelist TAG_PAGE = Safelist.relaxed()
            .addTags("hr", "del", "s", "mark", "details", "summary", "svg", "path", "circle", "rect", "line", "polyline", "polygon", "g", "input")
            .addAttributes("input", "checked")
            .addEnforcedAttribute("input", "type", "checkbox")
            .addEnforcedAttribute("input", "disabled", "disabled")
            .addAttributes("img", "loading")
            .addAttributes(":all", "class")
            .addAttributes("a", "data-href", "aria-label", "data-tooltip-position", "target", "rel")
            .addAttributes("svg", ICON_ATTRIBUTES.split(","))
            .addAttributes("path", ICON_ATTRIBUTES.split(","))
            .addAttributes("circle", ICON_ATTRIBUTES.split(","))
            .addAttributes("rect", ICON_ATTRIBUTES.split(","))
            .addAttributes("line", ICON_ATTRIBUTES.split(","))
            .addAttributes("polyline", ICON_ATTRIBUTES.split(","))
            .addAttributes("polygon", ICON_ATTRIBUTES.split(","))
            .addAttributes("g", ICON_ATTRIBUTES.split(","))
            .preserveRelativeLinks(true);

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
        return "<p><a href=\"/\">vaultgraph</a> · as <a href=\"?format=ttl\">Turtle</a> · <a href=\"?format=jsonld\">JSON-LD</a>"
                + " · <a href=\"?format=nt\">N-Triples</a> · <a href=\"?format=rdf\">RDF/XML</a> · <a href=\"?format=nq\">N-Quads</a>"
                + " · <a href=\"?format=trig\">TriG</a></p>\n";
    }

    static String page(String title, String publishedMarkdown) {
        String body = FRONT_MATTER.matcher(publishedMarkdown).replaceFirst("");
        String html = RENDERER.render(PARSER.parse(body));
        String clean = Jsoup.clean(html, "http://vault.invalid/", TAG_PAGE, new Document.OutputSettings().prettyPrint(false));
        return head(title) + "<p><a href=\"/\">vaultgraph</a></p>\n" + clean + "\n</body></html>\n";
    }
}
