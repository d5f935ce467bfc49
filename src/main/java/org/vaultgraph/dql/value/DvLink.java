package org.vaultgraph.dql.value;

import java.util.Objects;

/**
 * A link as Dataview holds one: the path of the file it names (the vault path when the link resolves,
 * else the text written), what it shows, and the heading or block it points into.
 *
 * <pre>{@code DvLink.file("Books/Dune.md").withDisplay("the book").markdown() // "[[Books/Dune.md|the book]]"}</pre>
 *
 * @param path    the file's path
 * @param display the alias, or null
 * @param subpath the heading (normalised) or block id, or null for a link to the whole file
 * @param type    what the subpath names
 * @param embed   written as {@code ![[...]]}
 * @param embedUnset whether nothing said embed or not (Dataview's links to a list item's section), so {@code meta()} gives null
 */
public record DvLink(String path, String display, String subpath, Type type, boolean embed, boolean embedUnset) implements Value {

    public DvLink(String path, String display, String subpath, Type type, boolean embed) {
        this(path, display, subpath, type, embed, false);
    }

    /** A link to a heading or block of a list item's page, as Dataview makes one (its embed left unset). */
    public static DvLink section(String path, String heading, String block) {
        return block != null ? new DvLink(path, null, block, Type.BLOCK, false, true)
                : heading != null ? new DvLink(path, null, Headings.normalize(heading), Type.HEADER, false, true) : file(path);
    }

    public enum Type {
        FILE, HEADER, BLOCK;

        public String jsName() {
            return this == HEADER ? "header" : this == BLOCK ? "block" : "file";
        }
    }

    public static DvLink file(String path) {
        return new DvLink(path, null, null, Type.FILE, false);
    }

    public static DvLink file(String path, boolean embed, String display) {
        return new DvLink(path, display, null, Type.FILE, embed);
    }

    public static DvLink header(String path, String heading, boolean embed, String display) {
        return new DvLink(path, display, Headings.normalize(heading), Type.HEADER, embed);
    }

    public static DvLink block(String path, String block, boolean embed, String display) {
        return new DvLink(path, display, block, Type.BLOCK, embed);
    }

    /** Dataview's {@code Link.infer}: {@code a#^b} is a block link, {@code a#b} a heading link, else a file link. */
    public static DvLink infer(String linkpath, boolean embed, String display) {
        int block = linkpath.indexOf("#^");
        if (block >= 0) return block(linkpath.substring(0, block), secondPart(linkpath.substring(block + 2), "#^"), embed, display);
        int hash = linkpath.indexOf('#');
        if (hash >= 0) return header(linkpath.substring(0, hash), secondPart(linkpath.substring(hash + 1), "#"), embed, display);
        return file(linkpath, embed, display);
    }

    /** Dataview's {@code parseInnerLink}: the text between {@code [[} and {@code ]]}, split at its first unescaped '|'. */
    public static DvLink parseInner(String raw) {
        int pipe = -1;
        while ((pipe = raw.indexOf('|', pipe + 1)) >= 0) {
            if (pipe > 0 && raw.charAt(pipe - 1) == '\\') continue;
            return infer(raw.substring(0, pipe).replace("\\|", "|"), false, raw.substring(pipe + 1));
        }
        return infer(raw.replace("\\|", "|"), false, null);
    }

    // JavaScript's split(sep)[1]: the text up to the next separator.
    private static String secondPart(String rest, String separator) {
        int next = rest.indexOf(separator);
        return next < 0 ? rest : rest.substring(0, next);
    }

    @Override
    public String typeName() {
        return "link";
    }

    public DvLink withPath(String newPath) {
        return new DvLink(newPath, display, subpath, type, embed, embedUnset);
    }

    public DvLink withDisplay(String newDisplay) {
        return new DvLink(path, newDisplay, subpath, type, embed, embedUnset);
    }

    public DvLink withEmbed(boolean newEmbed) {
        return new DvLink(path, display, subpath, type, newEmbed);
    }

    public DvLink toFile() {
        return new DvLink(path, display, null, Type.FILE, embed);
    }

    /** Dataview's link equality: same path, type and subpath (display and embed do not count). */
    public boolean sameTarget(DvLink other) {
        return path.equals(other.path) && type == other.type && Objects.equals(subpath, other.subpath);
    }

    /** What Obsidian opens: the path, then {@code #heading} or {@code #^block}, with '|' escaped. */
    public String obsidianLink() {
        String escaped = path.replace("|", "\\|");
        if (type == Type.HEADER) return escaped + "#" + (subpath == null ? "undefined" : subpath.replace("|", "\\|"));
        if (type == Type.BLOCK) return escaped + "#^" + (subpath == null ? "undefined" : subpath.replace("|", "\\|"));
        return escaped;
    }

    /** Dataview's markdown for the link: {@code [[path|Display]]}, the file's title when there is no display. */
    public String markdown() {
        StringBuilder out = new StringBuilder(embed ? "!" : "").append("[[").append(obsidianLink());
        if (display != null && !display.isEmpty()) {
            out.append('|').append(display);
        } else {
            out.append('|').append(fileTitle(path));
            if (type == Type.HEADER || type == Type.BLOCK) out.append(" > ").append(subpath);
        }
        return out.append("]]").toString();
    }

    /** The file's name without folders and without {@code .md}. */
    public static String fileTitle(String path) {
        String p = path.contains("/") ? path.substring(path.lastIndexOf('/') + 1) : path;
        return p.endsWith(".md") ? p.substring(0, p.length() - 3) : p;
    }

    /** Dataview's {@code fileName()}. */
    public String fileName() {
        return fileTitle(path).replaceFirst("\\.md", "");
    }
}
