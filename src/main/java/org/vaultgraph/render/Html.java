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
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\u00A0' -> out.append("&nbsp;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** An attribute value in double quotes: {@code & "} and the no-break space. */
    public static String attribute(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\u00A0' -> out.append("&nbsp;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
