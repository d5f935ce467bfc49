package org.vaultgraph.render;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.wikilink.WikiImage;
import com.vladsch.flexmark.ext.wikilink.WikiLink;
import com.vladsch.flexmark.ext.wikilink.WikiLinkExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import java.util.Optional;
import org.vaultgraph.vault.WikiLinks;

/**
 * Renders markdown the way Obsidian shows it inside a Dataview table cell: inline only, wikilinks
 * as Obsidian's internal links, each decorated by Metadata Menu when its target has a fileClass.
 *
 * <pre>{@code
 * ObsidianHtml html = new ObsidianHtml(targets);
 * html.inline("see [[L4-L5]]");                 // see <a data-href="L4-L5" href="L4-L5" class="internal-link" ...>L4-L5</a>
 * html.link("Folder/Note.md", "Note");           // aliased: with Obsidian's tooltip attributes
 * }</pre>
 */
public final class ObsidianHtml {
    private static final Parser PARSER = Parser.builder(new MutableDataSet()
                    .set(Parser.EXTENSIONS, List.of(WikiLinkExtension.create()))
                    .set(WikiLinkExtension.LINK_FIRST_SYNTAX, true)
                    .set(WikiLinkExtension.ALLOW_ANCHORS, true)
                    .set(WikiLinkExtension.ALLOW_PIPE_ESCAPE, true)
                    .set(WikiLinkExtension.IMAGE_LINKS, true))
            .build();

    /**
     * What a link's target is, as far as rendering needs to know.
     *
     * @param path the vault path the link resolves to
     */
    public record LinkTarget(String fileClassName, String icon, String path) {
        public LinkTarget withPath(String resolved) {
            return new LinkTarget(fileClassName, icon, resolved);
        }
    }

    /** Finds the target of a link path ("Folder/Note.md", "Note"); empty when no note has that name. */
    public interface LinkTargets {
        Optional<LinkTarget> find(String linkpath);
    }

    private final LinkTargets targets;
    private final LinkAddresses addresses;

    /** Links point at the vault paths they name, as in Obsidian and in the pages the Digital Garden plugin publishes. */
    public ObsidianHtml(LinkTargets targets) {
        this(targets, null);
    }

    /** Links point where {@code addresses} says; a link to a file without an address is shown as text. */
    public ObsidianHtml(LinkTargets targets, LinkAddresses addresses) {
        this.targets = targets;
        this.addresses = addresses;
    }

    /** An internal link; {@code display} is null for a link without alias. */
    public String link(String linkpath, String subpath, String display) {
        String sub = subpath == null ? "" : subpath;
        String written = linkpath + sub;
        String text = display != null ? display : linkpath + (sub.isEmpty() ? "" : sub.replace("#", " > "));
        Optional<LinkTarget> target = targets.find(linkpath);
        String href = written;
        if (addresses != null) {
            Optional<String> address = target.flatMap(t -> addresses.href(t.path(), sub));
            if (address.isEmpty()) return "<span class=\"internal-link is-unresolved\">" + Html.text(text) + "</span>";
            href = address.get();
        }
        StringBuilder out = new StringBuilder("<a ");
        if (display != null) {
            // Obsidian shows a tooltip with the link path when the text differs from it.
            out.append("data-tooltip-position=\"top\" aria-label=\"").append(Html.attribute(written.replace("#", " > "))).append("\" ");
        }
        out.append("data-href=\"").append(Html.attribute(written)).append("\" href=\"").append(Html.attribute(href))
                .append("\" class=\"internal-link").append(target.isPresent() ? "" : " is-unresolved").append('"')
                // Obsidian opens a result's link in a new pane; a site opens it in place.
                .append(addresses == null ? " target=\"_blank\" rel=\"noopener nofollow\"" : "");
        String fileClass = target.map(LinkTarget::fileClassName).orElse(null);
        if (fileClass != null) out.append(" fileclass-name=\"").append(Html.attribute(fileClass)).append('"');
        out.append('>').append(Html.text(text)).append("</a>");
        if (fileClass != null) {
            out.append("<a class=\"metadata-menu fileclass-icon\">")
                    .append(LucideIcons.svg(target.get().icon()).orElse("")).append("</a>");
        }
        return out.toString();
    }

    /** Markdown rendered inline: emphasis, code, links and wikilinks; anything else as escaped text. */
    public String inline(String markdown) {
        Document document = PARSER.parse(markdown);
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (Node block : document.getChildren()) {
            if (!first) out.append("<br>");
            first = false;
            if (block instanceof Paragraph) renderChildren(block, out);
            else out.append(Html.text(block.getChars().toString().strip()));
        }
        return out.toString();
    }

    private void renderChildren(Node parent, StringBuilder out) {
        for (Node node : parent.getChildren()) render(node, out);
    }

    private void render(Node node, StringBuilder out) {
        if (node instanceof Text) {
            out.append(Html.text(node.getChars().unescape()));
        } else if (node instanceof WikiLink || node instanceof WikiImage) {
            String raw = node.getChars().toString();
            boolean embed = raw.startsWith("!");
            String inner = raw.substring(embed ? 3 : 2, raw.length() - 2);
            org.vaultgraph.vault.Link link = WikiLinks.parseInner(inner, embed, 0, 0);
            out.append(link(link.target(), link.subpath(), link.display()));
        } else if (node instanceof StrongEmphasis) {
            out.append("<strong>");
            renderChildren(node, out);
            out.append("</strong>");
        } else if (node instanceof Emphasis) {
            out.append("<em>");
            renderChildren(node, out);
            out.append("</em>");
        } else if (node instanceof Code code) {
            out.append("<code>").append(Html.text(code.getText().toString())).append("</code>");
        } else if (node instanceof Link link) {
            String url = link.getUrl().unescape();
            out.append("<a aria-label=\"").append(Html.attribute(url)).append("\" rel=\"noopener nofollow\" class=\"external-link\" href=\"")
                    .append(Html.attribute(url)).append("\" target=\"_blank\">");
            renderChildren(node, out);
            out.append("</a>");
        } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
            out.append("<br>");
        } else if (node instanceof HtmlEntity) {
            out.append(Html.text(node.getChars().unescape()));
        } else if (node.hasChildren()) {
            renderChildren(node, out);
        } else {
            out.append(Html.text(node.getChars().toString()));
        }
    }
}
