package org.vaultgraph.export;

/** Text made fit for XML 1.0: characters it cannot hold (control characters, lone surrogates) become U+FFFD. */
final class XmlText {
    private XmlText() {}

    static String clean(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (out != null) out.append(c).append(text.charAt(i + 1));
                i++;
                continue;
            }
            ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!ok && out == null) out = new StringBuilder(text.substring(0, i));
            if (out != null) out.append(ok ? c : '\uFFFD');
        }
        return out == null ? text : out.toString();
    }
}
