package org.vaultgraph.vault;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code [[wikilinks]]} and {@code ![[embeds]]} in text and splits them into target, subpath and alias.
 *
 * <pre>{@code WikiLinks.parseInner("Target#Heading|alias", false, 3, 7) // Link("Target", "#Heading", "alias", ...)}</pre>
 */
public final class WikiLinks {
    private WikiLinks() {}

    /** The inner text may not hold brackets or a line break, as in Obsidian and Dataview. */
    public static final Pattern WIKILINK = Pattern.compile("(!?)\\[\\[([^\\[\\]\\n]*?)\\]\\]");

    /**
     * Splits the text between the brackets. A '|' separates the alias; inside tables it is written
     * {@code \|}, so a backslash right before it belongs to neither part.
     */
    public static Link parseInner(String inner, boolean embed, int line, int column) {
        String target = inner;
        String display = null;
        int bar = inner.indexOf('|');
        if (bar >= 0) {
            target = inner.substring(0, bar > 0 && inner.charAt(bar - 1) == '\\' ? bar - 1 : bar);
            display = inner.substring(bar + 1).strip();
        }
        String subpath = "";
        int hash = target.indexOf('#');
        if (hash >= 0) {
            subpath = target.substring(hash).strip();
            target = target.substring(0, hash);
        }
        return Link.wiki(target.strip(), subpath, display, embed, line, column);
    }

    /** Receives each wikilink of a text: the link (null for an empty one, {@code [[]]}) and where it is written. */
    interface Found {
        void link(Link link, int start, int end);
    }

    /** Hands every wikilink of {@code scanned} to {@code found}, in the order written. */
    static void scan(CharSequence scanned, LineIndex lines, Found found) {
        Matcher m = WIKILINK.matcher(scanned);
        while (m.find()) {
            Link link = parseInner(m.group(2), !m.group(1).isEmpty(), lines.line(m.start()), lines.column(m.start()));
            found.link(link.target().isEmpty() && link.subpath().isEmpty() ? null : link, m.start(), m.end());
        }
    }
}
