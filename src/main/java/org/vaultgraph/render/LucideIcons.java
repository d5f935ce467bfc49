package org.vaultgraph.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lucide icons as Obsidian draws them (its {@code setIcon}): one line, the icon's own attributes,
 * then {@code class="svg-icon lucide-NAME"}, every element closed with an end tag.
 *
 * <pre>{@code LucideIcons.svg("package") // Optional["<svg xmlns=... class=\"svg-icon lucide-package\">...</svg>"]}</pre>
 *
 * The icon set is the {@code lucide-static} release the build fetches; see {@code pom.xml}.
 */
public final class LucideIcons {
    private LucideIcons() {}

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern SVG_OPEN = Pattern.compile("<svg\\b([^>]*)>", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:-]+)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern ELEMENT = Pattern.compile("<(\\w+)\\b([^>]*?)\\s*/?>", Pattern.DOTALL);

    /** The icon's markup, or empty when the icon set has no icon of that name. */
    public static Optional<String> svg(String name) {
        if (name == null || !NAME.matcher(name).matches()) return Optional.empty();
        String source;
        try (InputStream in = LucideIcons.class.getResourceAsStream("icons/lucide/" + name + ".svg")) {
            if (in == null) return Optional.empty();
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher open = SVG_OPEN.matcher(source);
        if (!open.find()) return Optional.empty();
        StringBuilder out = new StringBuilder("<svg");
        appendAttributes(open.group(1), out);
        out.append(" class=\"svg-icon lucide-").append(name).append("\">");
        int close = source.lastIndexOf("</svg>");
        Matcher element = ELEMENT.matcher(source).region(open.end(), close < 0 ? source.length() : close);
        while (element.find()) {
            out.append('<').append(element.group(1));
            appendAttributes(element.group(2), out);
            out.append("></").append(element.group(1)).append('>');
        }
        return Optional.of(out.append("</svg>").toString());
    }

    /** Every attribute but {@code class}, which Obsidian replaces by its own, in the order written. */
    private static void appendAttributes(String attributes, StringBuilder out) {
        Matcher a = ATTRIBUTE.matcher(attributes);
        while (a.find()) {
            if (a.group(1).equals("class")) continue;
            out.append(' ').append(a.group(1)).append("=\"").append(a.group(2)).append('"');
        }
    }
}
