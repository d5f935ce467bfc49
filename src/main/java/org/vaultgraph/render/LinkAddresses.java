package org.vaultgraph.render;

import java.util.Optional;

/**
 * Where links to the vault's files point in rendered pages: a published site links notes to their
 * permalinks and attachments to their copies, the local server to the notes' own pages. A file that
 * has no address (a note that is not published) is shown as text, never as a link.
 *
 * <pre>{@code
 * LinkAddresses addresses = (path, subpath) -> Optional.of("/note/" + path + subpath);
 * addresses.href("Research/Tags/L4-L5.md", "#Heading");
 * }</pre>
 */
@FunctionalInterface
public interface LinkAddresses {
    /**
     * @param vaultPath the vault path of the note or attachment the link resolves to
     * @param subpath   what follows the file in the link ({@code "#Heading"}, {@code "#^block"}), or ""
     * @return the link's href, or empty when the file is not to be linked
     */
    Optional<String> href(String vaultPath, String subpath);

    /** The fragment of a page address for a link's subpath: headings and blocks by their slug, as the garden names them. */
    static String fragment(String subpath) {
        if (subpath == null || subpath.isEmpty() || subpath.equals("#")) return "";
        String s = subpath.startsWith("#") ? subpath.substring(1) : subpath;
        if (s.startsWith("^")) return "#" + s.substring(1);
        // "#Heading#Sub" names a sub-heading; the page's anchor is the last one's.
        int last = s.lastIndexOf('#');
        return "#" + Slugify.slug(last >= 0 ? s.substring(last + 1) : s);
    }

    /** A path written as JavaScript's {@code encodeURI} writes it, as the Digital Garden plugin writes attachment addresses. */
    static String encodeUri(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ";,/?:@&=+$-_.!~*'()#".indexOf(c) >= 0;
            if (keep) out.append((char) c);
            else out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
        }
        return out.toString();
    }
}
