package org.vaultgraph.render;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.vaultgraph.bases.value.BaseValue;
import org.vaultgraph.bases.value.BaseValues;
import org.vaultgraph.bases.view.ViewResult;

/**
 * Draws base views as the Digital Garden site draws a {@code ```base} block (its markup and class
 * names): a toolbar with the view's name and result count, then a table (groups as rows across the
 * table, summaries in a bar below), a grid of cards (with the view's image property on top), or a list.
 * Several views share one toolbar with a menu to switch between them, as on the site; for a page that
 * runs no script ({@code interactive} false) each view is drawn after the other with its own toolbar.
 *
 * <pre>{@code new BaseHtml(links, true).views(results)}</pre>
 *
 * Everything that comes from notes is escaped; HTML a formula makes ({@code html()}) is cleaned of
 * anything but basic formatting.
 */
public final class BaseHtml {
    private static final Pattern HEX_COLOR = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})");

    private final BaseLinks links;
    private final boolean interactive;

    public BaseHtml(BaseLinks links, boolean interactive) {
        this.links = links;
        this.interactive = interactive;
    }

    /** What the site shows in place of a base that cannot run. */
    public static String error(String message) {
        return "<div class=\"obsidian-base-error\">" + escape(message) + "</div>";
    }

    public String views(List<ViewResult> views) {
        if (views.isEmpty()) return "<p class=\"obsidian-base-empty\">No views defined</p>";
        if (views.size() == 1 || !interactive) {
            StringBuilder out = new StringBuilder();
            for (ViewResult v : views) {
                out.append("<div class=\"obsidian-bases-views\"><div class=\"obsidian-bases-toolbar\"><span class=\"obsidian-bases-single-view-name\">")
                        .append(icon(v.view().type())).append(' ').append(escape(v.view().name())).append("</span> <span class=\"obsidian-bases-result-count\">")
                        .append(v.rows().size()).append(" results</span></div>").append(panel(v)).append("</div>");
            }
            return out.toString();
        }
        ViewResult first = views.get(0);
        StringBuilder out = new StringBuilder("<div class=\"obsidian-bases-views\"><div class=\"obsidian-bases-toolbar\"><div class=\"obsidian-bases-view-selector\">");
        out.append("<button class=\"obsidian-bases-active-view\" aria-expanded=\"false\">").append(icon(first.view().type()))
                .append(" <span class=\"obsidian-bases-active-view-name\">").append(escape(first.view().name())).append("</span> ")
                .append("<svg class=\"obsidian-bases-chevron\" xmlns=\"http://www.w3.org/2000/svg\" width=\"12\" height=\"12\" viewBox=\"0 0 24 24\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\"><polyline points=\"6 9 12 15 18 9\"></polyline></svg></button>");
        out.append("<div class=\"obsidian-bases-dropdown\" style=\"display:none\">");
        for (int i = 0; i < views.size(); i++) {
            out.append("<button class=\"obsidian-bases-dropdown-item").append(i == 0 ? " active" : "").append("\" data-view-index=\"").append(i).append("\">")
                    .append(icon(views.get(i).view().type())).append(' ').append(escape(views.get(i).view().name())).append("</button>");
        }
        out.append("</div></div> <span class=\"obsidian-bases-result-count\"><span class=\"obsidian-bases-count-value\">").append(first.rows().size())
                .append("</span> results</span></div>");
        for (int i = 0; i < views.size(); i++) {
            out.append("<div class=\"obsidian-bases-view-panel\" data-view-index=\"").append(i).append('"').append(i > 0 ? " style=\"display:none\"" : "")
                    .append('>').append(panel(views.get(i))).append("</div>");
        }
        return out.append("</div>").toString();
    }

    private String panel(ViewResult v) {
        switch (v.view().type()) {
            case "cards": return cards(v);
            case "list": return list(v);
            default: return table(v); // tables, and maps, which need the Maps plugin's tiles
        }
    }

    private String table(ViewResult v) {
        if (v.rows().isEmpty()) return "<div class=\"obsidian-base-table-wrapper\"><p class=\"obsidian-base-empty\">No results</p></div>";
        StringBuilder out = new StringBuilder("<div class=\"obsidian-base-table-wrapper\"><table class=\"obsidian-base-table\"><thead><tr>");
        for (ViewResult.Column c : v.columns()) out.append("<th>").append(escape(c.name())).append("</th>");
        out.append("</tr></thead><tbody>");
        if (v.grouped()) {
            for (ViewResult.Group g : v.groups()) {
                out.append("<tr class=\"obsidian-base-group-row\"><td colspan=\"").append(v.columns().size()).append("\"><span class=\"obsidian-base-group-label\">")
                        .append(escape(groupLabel(g.key()))).append("</span> <span class=\"obsidian-base-group-count\">").append(g.rows().size()).append("</span></td></tr>");
                if (!g.summaries().isEmpty()) out.append(groupSummaries(v, g));
                for (ViewResult.Row row : g.rows()) out.append(row(v, row));
            }
        } else {
            for (ViewResult.Row row : v.rows()) out.append(row(v, row));
        }
        out.append("</tbody></table>").append(summaryBar(v)).append("</div>");
        return out.toString();
    }

    /** A group's summaries, each under its column, at the top of the group (as the Table view page says). */
    private String groupSummaries(ViewResult v, ViewResult.Group g) {
        StringBuilder out = new StringBuilder("<tr class=\"obsidian-base-group-summary\">");
        for (ViewResult.Column c : v.columns()) {
            out.append("<td>");
            for (ViewResult.Summary s : g.summaries()) {
                if (s.property().equals(c.property())) {
                    out.append("<span class=\"obsidian-base-summary-label\">").append(escape(s.name())).append("</span> <span class=\"obsidian-base-summary-value\">")
                            .append(escape(BaseValues.text(s.value()))).append("</span>");
                }
            }
            out.append("</td>");
        }
        return out.append("</tr>").toString();
    }

    private String row(ViewResult v, ViewResult.Row row) {
        StringBuilder out = new StringBuilder("<tr>");
        for (int i = 0; i < v.columns().size(); i++) out.append("<td>").append(cell(v, row, i)).append("</td>");
        return out.append("</tr>").toString();
    }

    private String summaryBar(ViewResult v) {
        if (v.summaries().isEmpty()) return "";
        StringBuilder out = new StringBuilder("<div class=\"obsidian-base-summary-bar\">");
        for (ViewResult.Summary s : v.summaries()) {
            out.append("<div class=\"obsidian-base-summary-item\"><span class=\"obsidian-base-summary-col\">").append(escape(v.base().displayName(s.property())))
                    .append("</span> <span class=\"obsidian-base-summary-label\">").append(escape(s.name())).append("</span> <span class=\"obsidian-base-summary-value\">")
                    .append(escape(BaseValues.text(s.value()))).append("</span></div>");
        }
        return out.append("</div>").toString();
    }

    private String cards(ViewResult v) {
        if (v.rows().isEmpty()) return "<p class=\"obsidian-base-empty\">No results</p>";
        if (!v.grouped()) return cardGrid(v, v.rows());
        StringBuilder out = new StringBuilder();
        for (ViewResult.Group g : v.groups()) out.append(groupHeader(g)).append(cardGrid(v, g.rows()));
        return out.toString();
    }

    private String cardGrid(ViewResult v, List<ViewResult.Row> rows) {
        String size = v.view().options().getOrDefault("cardSize", "200");
        String fit = v.view().options().getOrDefault("imageFit", "cover");
        String ratio = v.view().options().getOrDefault("imageAspectRatio", "1.5");
        StringBuilder out = new StringBuilder("<div class=\"obsidian-base-cards\"");
        if (interactive) out.append(" style=\"grid-template-columns: repeat(auto-fill, minmax(").append(escape(number(size, "200"))).append("px, 1fr));\"");
        out.append('>');
        for (ViewResult.Row row : rows) {
            out.append("<div class=\"obsidian-base-card\">");
            if (row.image() != null && !BaseValues.empty(row.image())) out.append(cardImage(row.image(), fit, ratio));
            out.append("<div class=\"obsidian-base-card-content\"><div class=\"obsidian-base-card-title\">").append(fileLink(row)).append("</div>");
            for (int i = 0; i < v.columns().size(); i++) {
                String property = v.columns().get(i).property();
                if (property.equals("file.name") || property.equals(v.view().image()) || BaseValues.empty(row.cells().get(i))) continue;
                out.append("<div class=\"obsidian-base-card-field\"><span class=\"obsidian-base-card-label\">").append(escape(v.columns().get(i).name()))
                        .append("</span>: <span class=\"obsidian-base-card-value\">").append(cell(v, row, i)).append("</span></div>");
            }
            out.append("</div></div>");
        }
        return out.append("</div>").toString();
    }

    /** The cover: an image of the vault or of the web, or a colour when the property holds a hex colour (Cards view page). */
    private String cardImage(BaseValue value, String fit, String ratio) {
        String text = value instanceof BaseValue.ImageValue i ? i.source() : BaseValues.text(value);
        if (HEX_COLOR.matcher(text.strip()).matches()) {
            return "<div class=\"obsidian-base-card-image\"><svg class=\"obsidian-base-card-color\" viewBox=\"0 0 3 2\"><rect width=\"3\" height=\"2\" fill=\""
                    + escape(text.strip()) + "\"></rect></svg></div>";
        }
        String src = imageSource(value);
        if (src == null) return "";
        StringBuilder out = new StringBuilder("<div class=\"obsidian-base-card-image\"><img src=\"").append(escape(src)).append('"');
        if (interactive) out.append(" style=\"object-fit: ").append(escape(fit)).append("; aspect-ratio: ").append(escape(ratio)).append(";\"");
        return out.append(" loading=\"lazy\" /></div>").toString();
    }

    /** Where an image value points: an address as written, else the vault file it names (a path, or a link by its shortest name). */
    private String imageSource(BaseValue value) {
        if (value instanceof BaseValue.LinkValue l) return l.resolved() ? links.image(l.target()) : l.external() ? l.target() : null;
        if (value instanceof BaseValue.FileValue f) return links.image(f.path());
        String text = (value instanceof BaseValue.ImageValue i ? i.source() : BaseValues.text(value)).strip();
        if (text.startsWith("http://") || text.startsWith("https://")) return text;
        String inner = text.startsWith("![[") ? text.substring(1) : text;
        if (inner.startsWith("[[") && inner.endsWith("]]")) inner = inner.substring(2, inner.length() - 2);
        int bar = inner.indexOf('|');
        if (bar >= 0) inner = inner.substring(0, bar);
        if (links.exists(inner)) return links.image(inner);
        String resolved = links.resolve(inner);
        return resolved == null ? null : links.image(resolved);
    }

    private String list(ViewResult v) {
        if (v.rows().isEmpty()) return "<p class=\"obsidian-base-empty\">No results</p>";
        if (!v.grouped()) return listItems(v, v.rows());
        StringBuilder out = new StringBuilder();
        for (ViewResult.Group g : v.groups()) out.append(groupHeader(g)).append(listItems(v, g.rows()));
        return out.toString();
    }

    private String listItems(ViewResult v, List<ViewResult.Row> rows) {
        StringBuilder out = new StringBuilder("<ul class=\"obsidian-base-list\">");
        for (ViewResult.Row row : rows) {
            out.append("<li>");
            for (int i = 0; i < v.columns().size(); i++) out.append(i > 0 ? " — " : "").append(cell(v, row, i));
            out.append("</li>");
        }
        return out.append("</ul>").toString();
    }

    private String groupHeader(ViewResult.Group g) {
        return "<div class=\"obsidian-base-group-header-block\"><span class=\"obsidian-base-group-label\">" + escape(groupLabel(g.key()))
                + "</span> <span class=\"obsidian-base-group-count\">" + g.rows().size() + "</span></div>";
    }

    /** A group's name: a link's title, else its key's text; "(empty)" for the rows without one. */
    private String groupLabel(BaseValue key) {
        if (key instanceof BaseValue.LinkValue l) return linkLabel(l);
        return BaseText.groupLabel(key);
    }

    private String cell(ViewResult v, ViewResult.Row row, int column) {
        if (v.columns().get(column).property().equals("file.name")) return fileLink(row);
        return value(row.cells().get(column));
    }

    private String fileLink(ViewResult.Row row) {
        String name = row.file().note() ? row.file().basename() : row.file().name();
        Optional<BaseLinks.Target> page = links.page(row.file().path());
        if (page.isEmpty()) return deadLink(name);
        return "<a href=\"" + escape(page.get().href()) + "\" class=\"internal-link\">" + escape(name) + "</a>";
    }

    /** A link to a file the site has no page for: the garden's link to its 404 page, or plain text where links lead only to pages. */
    private String deadLink(String label) {
        return links.deadLinksAsText() ? "<span class=\"internal-link is-unresolved\">" + escape(label) + "</span>"
                : "<a href=\"/404\" class=\"internal-link is-unresolved\">" + escape(label) + "</a>";
    }

    /** A value in a cell, as the site draws each kind. */
    String value(BaseValue v) {
        if (v instanceof BaseValue.NullValue) return "";
        if (v instanceof BaseValue.BoolValue b) return b.value() ? "<input type=\"checkbox\" checked disabled />" : "<input type=\"checkbox\" disabled />";
        if (v instanceof BaseValue.ListValue l) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < l.items().size(); i++) out.append(i > 0 ? ", " : "").append(value(l.items().get(i)));
            return out.toString();
        }
        if (v instanceof BaseValue.LinkValue l) return link(l);
        if (v instanceof BaseValue.FileValue f) return link(new BaseValue.LinkValue(f.path(), true, "", null));
        if (v instanceof BaseValue.DateValue d) {
            String data = d.hasTime() ? d.date().toIso() : BaseValues.text(d);
            return "<span class=\"human-date\" data-date=\"" + escape(data) + "\">" + escape(BaseValues.text(d)) + "</span>";
        }
        if (v instanceof BaseValue.ImageValue) {
            String src = imageSource(v);
            return src == null ? "" : "<img src=\"" + escape(src) + "\" loading=\"lazy\" />";
        }
        if (v instanceof BaseValue.IconValue i) return LucideIcons.svg(i.name()).orElse("");
        if (v instanceof BaseValue.HtmlValue h) return Jsoup.clean(h.html(), Safelist.basic());
        if (v instanceof BaseValue.ErrorValue e) return "<span class=\"obsidian-base-error\">" + escape(BaseValues.text(e)) + "</span>";
        return escape(BaseValues.text(v));
    }

    private String link(BaseValue.LinkValue l) {
        if (l.external()) {
            return "<a href=\"" + escape(l.target()) + "\" class=\"external-link\" rel=\"noopener nofollow\">" + escape(l.display() == null ? l.target() : BaseValues.text(l.display())) + "</a>";
        }
        Optional<BaseLinks.Target> page = l.resolved() ? links.page(l.target()) : Optional.empty();
        if (page.isEmpty()) return deadLink(linkLabel(l));
        String href = page.get().href() + (l.subpath().isEmpty() ? "" : "#" + Slugify.slug(l.subpath().substring(1)));
        return "<a href=\"" + escape(href) + "\" class=\"internal-link\">" + escape(linkLabel(l)) + "</a>";
    }

    /** A link's text: its alias, else the title of the note it names, else the last part of its target. */
    private String linkLabel(BaseValue.LinkValue l) {
        if (l.display() != null) return BaseValues.text(l.display());
        if (l.resolved()) {
            Optional<BaseLinks.Target> page = links.page(l.target());
            if (page.isPresent()) return page.get().title();
            String name = l.target().substring(l.target().lastIndexOf('/') + 1);
            return name.toLowerCase(Locale.ROOT).endsWith(".md") ? name.substring(0, name.length() - 3) : name;
        }
        return l.target().substring(l.target().lastIndexOf('/') + 1);
    }

    private static String number(String text, String fallback) {
        return text.matches("\\d+(\\.\\d+)?") ? text : fallback;
    }

    /** The Lucide icon the site shows before a view's name. */
    private static String icon(String type) {
        String shapes = switch (type) {
            case "table" -> "<rect x=\"3\" y=\"3\" width=\"18\" height=\"18\" rx=\"2\"></rect><line x1=\"3\" y1=\"9\" x2=\"21\" y2=\"9\"></line>"
                    + "<line x1=\"3\" y1=\"15\" x2=\"21\" y2=\"15\"></line><line x1=\"9\" y1=\"3\" x2=\"9\" y2=\"21\"></line>";
            case "cards" -> "<rect x=\"3\" y=\"3\" width=\"7\" height=\"7\" rx=\"1\"></rect><rect x=\"14\" y=\"3\" width=\"7\" height=\"7\" rx=\"1\"></rect>"
                    + "<rect x=\"3\" y=\"14\" width=\"7\" height=\"7\" rx=\"1\"></rect><rect x=\"14\" y=\"14\" width=\"7\" height=\"7\" rx=\"1\"></rect>";
            case "list" -> "<line x1=\"8\" y1=\"6\" x2=\"21\" y2=\"6\"></line><line x1=\"8\" y1=\"12\" x2=\"21\" y2=\"12\"></line>"
                    + "<line x1=\"8\" y1=\"18\" x2=\"21\" y2=\"18\"></line><line x1=\"3\" y1=\"6\" x2=\"3.01\" y2=\"6\"></line>"
                    + "<line x1=\"3\" y1=\"12\" x2=\"3.01\" y2=\"12\"></line><line x1=\"3\" y1=\"18\" x2=\"3.01\" y2=\"18\"></line>";
            default -> null;
        };
        if (shapes == null) return "";
        return "<svg class=\"obsidian-bases-view-icon\" xmlns=\"http://www.w3.org/2000/svg\" width=\"16\" height=\"16\" viewBox=\"0 0 24 24\" fill=\"none\" "
                + "stroke=\"currentColor\" stroke-width=\"2\" stroke-linecap=\"round\" stroke-linejoin=\"round\">" + shapes + "</svg>";
    }

    /** Escapes as the site does: {@code & < > " '}. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#x27;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
