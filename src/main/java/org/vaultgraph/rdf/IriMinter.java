package org.vaultgraph.rdf;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Mints the stable IRIs of a vault's resources under one base IRI.
 *
 * <pre>{@code
 * IriMinter iris = new IriMinter("http://127.0.0.1:3030/");
 * iris.note("Research/Tags/L4-L5.md"); // http://127.0.0.1:3030/note/Research/Tags/L4-L5
 * }</pre>
 *
 * Names keep their letters (IRIs allow non-ASCII); only characters that RFC 3987 forbids in a
 * path segment are percent-encoded, so every minted IRI is valid and reads like the file name.
 */
public final class IriMinter {
    private final String base;

    public IriMinter(String base) {
        if (!base.endsWith("/")) throw new IllegalArgumentException("base IRI must end with '/': " + base);
        this.base = base;
    }

    public String base() {
        return base;
    }

    /** The IRI of a note, from its vault path; the {@code .md} extension is dropped. */
    public String note(String vaultPath) {
        return base + "note/" + encodePath(stripMarkdownExtension(vaultPath));
    }

    /** The IRI of a non-markdown file of the vault. */
    public String attachment(String vaultPath) {
        return base + "file/" + encodePath(vaultPath);
    }

    /** The IRI of a tag; tags are compared case-insensitively, as Obsidian does. */
    public String tag(String tagName) {
        return base + "tag/" + encodePath(tagName.toLowerCase(Locale.ROOT));
    }

    /** The IRI standing for the target of a link that names no file in the vault. */
    public String unresolved(String linkTarget) {
        return base + "unresolved/" + encodePath(linkTarget.toLowerCase(Locale.ROOT));
    }

    /**
     * The IRI of a class a note names itself when no mapping rule classifies it ({@code type: Book},
     * a fileClass, a first tag): the name in lower case, so that {@code Book} and {@code book} are one class.
     */
    public String defaultClass(String name) {
        return base + "class/" + encodePath(name.toLowerCase(Locale.ROOT));
    }

    /** The IRI of the property for a front matter or inline field, by its canonical name. */
    public String field(String canonicalKey) {
        return base + "field/" + encodeSegment(canonicalKey);
    }

    /** The namespace of field properties, for a {@code field:} prefix. */
    public String fieldNamespace() {
        return base + "field/";
    }

    static String stripMarkdownExtension(String path) {
        return path.regionMatches(true, path.length() - 3, ".md", 0, 3) && path.length() > 3
                ? path.substring(0, path.length() - 3)
                : path;
    }

    /** Encodes each '/'-separated segment of a path, keeping the separators. */
    public static String encodePath(String path) {
        StringBuilder out = new StringBuilder(path.length() + 16);
        int start = 0;
        while (true) {
            int slash = path.indexOf('/', start);
            String segment = slash < 0 ? path.substring(start) : path.substring(start, slash);
            out.append(encodeSegment(segment));
            if (slash < 0) return out.toString();
            out.append('/');
            start = slash + 1;
        }
    }

    /** Percent-encodes what an IRI path segment may not hold; "." and ".." are encoded too. */
    public static String encodeSegment(String segment) {
        String nfc = Normalizer.normalize(segment, Normalizer.Form.NFC);
        if (nfc.equals(".") || nfc.equals("..")) return nfc.replace(".", "%2E");
        StringBuilder out = new StringBuilder(nfc.length() + 8);
        nfc.codePoints().forEach(cp -> {
            if (allowedInSegment(cp)) out.appendCodePoint(cp);
            else percentEncode(cp, out);
        });
        return out.toString();
    }

    private static boolean allowedInSegment(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')
                    || "-._~!$&'()*+,;=:@".indexOf(cp) >= 0;
        }
        return isUcsChar(cp) && !isBidiFormatting(cp);
    }

    /** RFC 3987 {@code ucschar}: the non-ASCII characters an IRI may carry unencoded. */
    private static boolean isUcsChar(int cp) {
        if (cp >= 0xA0 && cp <= 0xD7FF) return true;
        if (cp >= 0xF900 && cp <= 0xFDCF) return true;
        if (cp >= 0xFDF0 && cp <= 0xFFEF) return true;
        if (cp >= 0x10000 && cp <= 0xEFFFD) return (cp & 0xFFFF) <= 0xFFFD && cp < 0xE0000 || cp >= 0xE1000;
        return false;
    }

    /** RFC 3987 section 4.1: bidirectional formatting characters must not appear in IRIs. */
    private static boolean isBidiFormatting(int cp) {
        return cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    private static void percentEncode(int cp, StringBuilder out) {
        for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
            out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
        }
    }
}
