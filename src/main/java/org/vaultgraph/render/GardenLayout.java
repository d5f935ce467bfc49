package org.vaultgraph.render;

import java.util.Map;

/**
 * The HTML document around a published page: its title, a link home, the text; and the index page
 * of a garden without a {@code dg-home} note. One stylesheet, inline, no script.
 *
 * <pre>{@code GardenLayout.page("L4-L5", "Home", bodyHtml)}</pre>
 */
public final class GardenLayout {
    private GardenLayout() {}

    /** Styles for what notes hold: tables, code, callouts, Dataview's result counts, embeds, icons. */
    public static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}"
            + "table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top}"
            + ".small-text::before{content:'('}.small-text::after{content:')'}.small-text{color:#777;margin-left:3px}"
            + ".fileclass-icon svg,.markdown-embed-link svg{width:1em;height:1em;vertical-align:middle}"
            + "pre{background:#f6f6f6;padding:.5rem;overflow:auto}code{background:#f6f6f6;padding:0 .2rem}"
            + "img{max-width:100%}.is-unresolved{color:#777}a.internal-link{color:#5a3fc0}"
            + ".callout{border-left:4px solid #5a8fd8;background:#f2f6fc;padding:.4rem .8rem;margin:1rem 0}"
            + ".callout-title{font-weight:600}.callout[data-callout=warning],.callout[data-callout=caution]{border-color:#d99a26;background:#fdf6e9}"
            + ".callout[data-callout=success],.callout[data-callout=check],.callout[data-callout=done]{border-color:#3b9b5a;background:#eef8f1}"
            + ".callout[data-callout=danger],.callout[data-callout=error],.callout[data-callout=failure]{border-color:#cf3a3a;background:#fcefef}"
            + ".transclusion{border-left:2px solid #ccc;padding-left:.8rem;margin:1rem 0}.markdown-embed-link{float:right}"
            + "nav.garden{border-bottom:1px solid #ddd;margin-bottom:1rem;padding-bottom:.5rem}.tags a{margin-right:.5rem}";

    /** A published note's page; its title is shown unless the note begins with a heading of its own. */
    public static String page(String title, String homeTitle, String body) {
        String heading = body.stripLeading().startsWith("<h1") ? "" : "<h1>" + Html.text(title) + "</h1>\n";
        return head(title) + "<nav class=\"garden\"><a href=\"/\">" + Html.text(homeTitle) + "</a></nav>\n<main class=\"note\">"
                + heading + body + "\n</main>\n</body></html>\n";
    }

    /** The index of a garden that has no home note: every page, by its title. */
    public static String index(String siteTitle, Map<String, String> titlesByAddress) {
        StringBuilder out = new StringBuilder(head(siteTitle)).append("<main><h1>").append(Html.text(siteTitle)).append("</h1>\n<ul>\n");
        titlesByAddress.forEach((address, title) -> out.append("<li><a href=\"").append(Html.attribute(address)).append("\">")
                .append(Html.text(title)).append("</a></li>\n"));
        return out.append("</ul>\n</main>\n</body></html>\n").toString();
    }

    private static String head(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Html.text(title) + "</title><style>" + STYLE + "</style></head><body>\n";
    }
}
