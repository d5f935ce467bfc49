package org.vaultgraph.render;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ext.attributes.AttributesExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.wikilink.WikiImage;
import com.vladsch.flexmark.ext.wikilink.WikiLink;
import com.vladsch.flexmark.ext.wikilink.WikiLinkExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.data.NullableDataKey;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;
import org.vaultgraph.dql.graph.GraphLinks;
import org.vaultgraph.vault.WikiLinks;

/**
 * Renders a compiled garden page to HTML with flexmark, as the garden shows it: wikilinks and
 * relative markdown links resolved against the vault and pointed where {@link LinkAddresses} says
 * (text when the target has no address), Obsidian's callouts, tables, task lists, block ids, images
 * with their sizes; then only known-safe markup is kept (no script, no handler, no frame).
 *
 * <pre>{@code new GardenHtml(files).render(markdownBody, "Research/Overview.md", addresses)}</pre>
 */
public final class GardenHtml {
    private static final NullableDataKey<Page> PAGE = new NullableDataKey<>("VAULTGRAPH_PAGE");
    private static final Pattern CALLOUT = Pattern.compile("^\\[!([^\\]\\s]+)\\]([+-]?)[ \\t]*(.*)$", Pattern.DOTALL);
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private static final MutableDataSet OPTIONS = new MutableDataSet()
            .set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(), TaskListExtension.create(),
                    WikiLinkExtension.create(), AttributesExtension.create(), FootnoteExtension.create()))
            .set(WikiLinkExtension.LINK_FIRST_SYNTAX, true)
            .set(WikiLinkExtension.ALLOW_ANCHORS, true)
            .set(WikiLinkExtension.ALLOW_PIPE_ESCAPE, true)
            .set(WikiLinkExtension.IMAGE_LINKS, true)
            .set(HtmlRenderer.SOFT_BREAK, "\n")
            .toImmutable().toMutable();
    private static final Parser PARSER = Parser.builder(OPTIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder(OPTIONS).nodeRendererFactory(options -> new VaultNodes()).build();

    private static final String ICON_ATTRIBUTES = "xmlns,width,height,viewBox,fill,stroke,stroke-width,stroke-linecap,stroke-linejoin,"
            + "d,cx,cy,r,rx,ry,x,y,x1,y1,x2,y2,points,transform,class";
    /** What a page may hold: text formatting, tables, lists, links and images, Dataview's and Obsidian's markup, and icons. */
    private static final Safelist SAFE = Safelist.relaxed()
            .addTags("hr", "del", "s", "mark", "details", "summary", "input", "svg", "path", "circle", "rect", "line", "polyline", "polygon", "g")
            .addAttributes(":all", "class", "id")
            .addAttributes("a", "data-href", "aria-label", "data-tooltip-position", "target", "rel", "fileclass-name")
            .addAttributes("div", "data-callout", "data-callout-fold")
            .addAttributes("li", "data-task")
            .addAttributes("img", "loading")
            .addAttributes("input", "type", "checked", "disabled")
            .addAttributes("svg", ICON_ATTRIBUTES.split(","))
            .addAttributes("path", ICON_ATTRIBUTES.split(","))
            .addAttributes("circle", ICON_ATTRIBUTES.split(","))
            .addAttributes("rect", ICON_ATTRIBUTES.split(","))
            .addAttributes("line", ICON_ATTRIBUTES.split(","))
            .addAttributes("polyline", ICON_ATTRIBUTES.split(","))
            .addAttributes("polygon", ICON_ATTRIBUTES.split(","))
            .addAttributes("g", ICON_ATTRIBUTES.split(","))
            .preserveRelativeLinks(true);

    private final GraphLinks files;

    public GardenHtml(GraphLinks files) {
        this.files = files;
    }

    /** The page being rendered: its note, for resolving links, and where links point. */
    private record Page(String sourcePath, LinkAddresses addresses, GraphLinks files) {}

    /**
     * The HTML of a page's markdown (without its front matter).
     *
     * @param sourcePath the vault path of the note the text is from, for resolving links
     */
    public String render(String markdown, String sourcePath, LinkAddresses addresses) {
        Document document = PARSER.parse(markdown);
        document.set(PAGE, new Page(sourcePath, addresses, files));
        return clean(RENDERER.render(document), addresses);
    }

    /**
     * Keeps only known-safe markup; frames become links to what they showed, headings get the garden's
     * ids, and the plugin's attachment addresses ({@code /img/user/<vault path>}) point where
     * {@code addresses} says (an element whose file has no address is left as its text).
     */
    static String clean(String html, LinkAddresses addresses) {
        org.jsoup.nodes.Document parsed = Jsoup.parseBodyFragment(html, "http://vault.invalid/");
        parsed.outputSettings().prettyPrint(false);
        for (Element element : parsed.select("[href^=" + GardenMarkdown.ATTACHMENTS + "], [src^=" + GardenMarkdown.ATTACHMENTS + "]")) {
            String attribute = element.hasAttr("href") ? "href" : "src";
            String path = decode(element.attr(attribute).substring(GardenMarkdown.ATTACHMENTS.length()));
            Optional<String> address = addresses.href(path, "");
            if (address.isPresent()) element.attr(attribute, address.get());
            else element.replaceWith(new org.jsoup.nodes.TextNode(element.text()));
        }
        for (Element frame : parsed.select("iframe")) {
            String src = frame.attr("src");
            String title = frame.attr("title").isBlank() ? src : frame.attr("title");
            Element link = new Element("a").attr("href", src).text(title);
            frame.replaceWith(link);
        }
        for (Element heading : parsed.select("h1, h2, h3, h4, h5, h6")) {
            if (!heading.hasAttr("id")) {
                String slug = Slugify.slug(heading.text());
                if (!slug.isEmpty()) heading.attr("id", slug);
            }
        }
        org.jsoup.nodes.Document clean = new org.jsoup.safety.Cleaner(SAFE).clean(parsed);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    /** Renders the nodes that name the vault: wikilinks, embeds left in the text, relative links and images, callouts. */
    private static final class VaultNodes implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(
                    new NodeRenderingHandler<>(WikiLink.class, this::wikiLink),
                    new NodeRenderingHandler<>(WikiImage.class, this::wikiImage),
                    new NodeRenderingHandler<>(Link.class, this::link),
                    new NodeRenderingHandler<>(Image.class, this::image),
                    new NodeRenderingHandler<>(BlockQuote.class, this::blockQuote));
        }

        private static Page page(NodeRendererContext context) {
            return PAGE.get(context.getDocument());
        }

        private void wikiLink(WikiLink node, NodeRendererContext context, HtmlWriter html) {
            String raw = node.getChars().toString();
            org.vaultgraph.vault.Link link = WikiLinks.parseInner(raw.substring(2, raw.length() - 2), false, 0, 0);
            internalLink(page(context), link.target(), link.subpath(), shown(link), html);
        }

        private void wikiImage(WikiImage node, NodeRendererContext context, HtmlWriter html) {
            String raw = node.getChars().toString();
            org.vaultgraph.vault.Link link = WikiLinks.parseInner(raw.substring(3, raw.length() - 2), true, 0, 0);
            Page page = page(context);
            Optional<String> path = page.files().resolvePath(link.target(), page.sourcePath());
            if (path.isPresent() && page.files().isAttachment(path.get()) && isImage(path.get())) {
                Optional<String> src = page.addresses().href(path.get(), "");
                if (src.isPresent()) {
                    html.raw("<img src=\"" + Html.attribute(src.get()) + "\" alt=\"" + Html.attribute(link.target()) + "\">");
                    return;
                }
            }
            internalLink(page, link.target(), link.subpath(), shown(link), html);
        }

        private static String shown(org.vaultgraph.vault.Link link) {
            if (link.display() != null && !link.display().isEmpty()) return link.display();
            return link.target() + (link.subpath().isEmpty() ? "" : link.subpath().replace("#", " > "));
        }

        private static void internalLink(Page page, String target, String subpath, String text, HtmlWriter html) {
            Optional<String> path = page.files().resolvePath(target, page.sourcePath());
            Optional<String> href = path.flatMap(p -> page.addresses().href(p, subpath));
            if (path.isEmpty() && target.isEmpty() && !subpath.isEmpty()) href = Optional.of(LinkAddresses.fragment(subpath));
            if (href.isPresent()) {
                html.raw("<a class=\"internal-link\" href=\"" + Html.attribute(href.get()) + "\">" + Html.text(text) + "</a>");
            } else {
                html.raw("<span class=\"internal-link is-unresolved\">" + Html.text(text) + "</span>");
            }
        }

        private void link(Link node, NodeRendererContext context, HtmlWriter html) {
            String url = node.getUrl().unescape();
            if (SCHEME.matcher(url).find()) {
                html.raw("<a class=\"external-link\" href=\"" + Html.attribute(url) + "\" rel=\"noopener\" target=\"_blank\">");
                context.renderChildren(node);
                html.raw("</a>");
                return;
            }
            if (url.startsWith("#") || url.isEmpty() || url.startsWith(GardenMarkdown.ATTACHMENTS)) {
                html.raw("<a href=\"" + Html.attribute(url) + "\">");
                context.renderChildren(node);
                html.raw("</a>");
                return;
            }
            // A relative link names a file of the vault, as in Obsidian.
            Page page = page(context);
            int hash = url.indexOf('#');
            String target = decode(hash < 0 ? url : url.substring(0, hash)).replaceFirst("^/+", "");
            String subpath = hash < 0 ? "" : decode(url.substring(hash));
            Optional<String> href = page.files().resolvePath(target, page.sourcePath()).flatMap(p -> page.addresses().href(p, subpath));
            html.raw(href.isPresent() ? "<a class=\"internal-link\" href=\"" + Html.attribute(href.get()) + "\">" : "<span class=\"internal-link is-unresolved\">");
            context.renderChildren(node);
            html.raw(href.isPresent() ? "</a>" : "</span>");
        }

        private void image(Image node, NodeRendererContext context, HtmlWriter html) {
            String url = node.getUrl().unescape();
            String[] alt = node.getText().unescape().split("\\\\?\\|");
            String width = alt.length > 1 && alt[alt.length - 1].strip().matches("\\d+") ? alt[alt.length - 1].strip() : null;
            String src = url;
            if (!SCHEME.matcher(url).find() && !url.startsWith("/")) {
                Page page = page(context);
                Optional<String> href = page.files().resolvePath(decode(url), page.sourcePath()).flatMap(p -> page.addresses().href(p, ""));
                if (href.isEmpty()) {
                    html.raw("<span class=\"internal-embed is-unresolved\">" + Html.text(alt[0]) + "</span>");
                    return;
                }
                src = href.get();
            }
            html.raw("<img src=\"" + Html.attribute(src) + "\" alt=\"" + Html.attribute(alt[0]) + "\""
                    + (width != null ? " width=\"" + width + "\"" : "") + ">");
        }

        /** Obsidian's callout, {@code > [!type]± title}: a titled box, folded when written with {@code -}. */
        private void blockQuote(BlockQuote node, NodeRendererContext context, HtmlWriter html) {
            Node first = node.getFirstChild();
            String source = first instanceof Paragraph ? first.getChars().toString() : "";
            int lineEnd = source.indexOf('\n');
            Matcher callout = CALLOUT.matcher(lineEnd < 0 ? source.strip() : source.substring(0, lineEnd).strip());
            if (!callout.matches()) {
                context.delegateRender();
                return;
            }
            String type = callout.group(1).toLowerCase(Locale.ROOT);
            String fold = callout.group(2);
            String title = callout.group(3).isBlank() ? type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1) : callout.group(3).strip();
            html.raw("<div class=\"callout\" data-callout=\"" + Html.attribute(type) + "\""
                    + (fold.isEmpty() ? "" : " data-callout-fold=\"" + fold + "\"") + ">");
            html.raw("<div class=\"callout-title\"><div class=\"callout-title-inner\">" + Html.text(title) + "</div></div><div class=\"callout-content\">");
            // The first line is the title; the paragraph's other lines are the callout's first paragraph.
            int firstLineEnd = first.getStartOffset() + (lineEnd < 0 ? source.length() : lineEnd);
            Node rest = first.getFirstChild();
            while (rest != null && rest.getStartOffset() < firstLineEnd) rest = rest.getNext();
            if (rest instanceof SoftLineBreak) rest = rest.getNext();
            if (rest != null) {
                html.raw("<p>");
                for (; rest != null; rest = rest.getNext()) context.render(rest);
                html.raw("</p>");
            }
            for (Node block = first.getNext(); block != null; block = block.getNext()) context.render(block);
            html.raw("</div></div>");
        }

        private static boolean isImage(String path) {
            return path.toLowerCase(Locale.ROOT).matches(".*\\.(png|jpe?g|gif|webp|svg|bmp|avif)$");
        }

    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
