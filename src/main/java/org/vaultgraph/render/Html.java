package org.vaultgraph.render;

/**
 * Escapes text the way a browser serialises a DOM ({@code innerHTML}), so that our pages match the
 * HTML that Obsidian plugins publish byte for byte.
 *
 * <pre>{@code Html.text("a < b & c") // "a &lt; b &amp; c"}</pre>
 */
public final class Html {
    private Html() {}

    /** Text content: {@code & < >} and the no-break space. */
    public static String text(String s) {
        return escape(s, false);
    }

    /** An attribute value in double quotes: {@code & "} and the no-break space. */
    public static String attribute(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean attribute) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '&') out.append("&amp;");
            else if (c == '\u00A0') out.append("&nbsp;");
            else if (attribute && c == '"') out.append("&quot;");
            else if (!attribute && c == '<') out.append("&lt;");
            else if (!attribute && c == '>') out.append("&gt;");
            else out.append(c);
        }
        return out.toString();
    }
}
