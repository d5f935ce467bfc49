package org.vaultgraph.server;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import java.util.regex.Pattern;
import org.vaultgraph.render.Html;

/** Turns a published page (markdown with HTML tables) into a page for the browser. */
final class Pages {
    private Pages() {}

    static final String STYLE = "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
            + "table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top}"
            + ".small-text::before{content:'('}.small-text::after{content:')'}.small-text{color:#777;margin-left:3px}"
            + ".fileclass-icon svg{width:1em;height:1em;vertical-align:middle}pre{background:#f6f6f6;padding:.5rem;overflow:auto}</style>";

    private static final Pattern FRONT_MATTER = Pattern.compile("^---\\n.*?\\n---\\n", Pattern.DOTALL);
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().build();

    static String page(String title, String publishedMarkdown) {
        String body = FRONT_MATTER.matcher(publishedMarkdown).replaceFirst("");
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.text(title) + "</title>" + STYLE
                + "</head><body>\n<p><a href=\"/\">vaultgraph</a></p>\n" + RENDERER.render(PARSER.parse(body)) + "</body></html>\n";
    }
}
