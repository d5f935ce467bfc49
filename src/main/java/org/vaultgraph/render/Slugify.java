package org.vaultgraph.render;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URL slugs as the Obsidian Digital Garden plugin makes them, with the rules of {@code @sindresorhus/slugify}
 * 1.1 at its defaults: transliterate, split camel case, lower-case, join words with '-'.
 *
 * <pre>{@code
 * Slugify.slug("Hypoxic-Cultured Autologous Mesenchymal Stem Cells (MSCs)") // "hypoxic-cultured-...-stem-cells-ms-cs"
 * Slugify.permalink("Research/Tags/L4-L5.md")                              // "/research/tags/l-4-l-5/"
 * }</pre>
 */
public final class Slugify {
    private Slugify() {}

    private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");
    private static final List<String[]> TRANSLITERATIONS = table("slugify-transliterations.tsv");
    private static final Map<Character, String> DEBURR = deburrTable();
    private static final Pattern COMBINING = Pattern.compile("[\\u0300-\\u036f\\ufe20-\\ufe23\\u20d0-\\u20f0]");
    // Decamelize, in the library's order: "HTML5" -> "HTML 5", "fooHTML" -> "foo HTML", "fooBar" -> "foo Bar", "MSCs" -> "MS Cs".
    private static final Pattern[] DECAMELIZE = {
        Pattern.compile("([A-Z]{2,})(\\d+)"),
        Pattern.compile("([a-z\\d]+)([A-Z]{2,})"),
        Pattern.compile("([a-z\\d])([A-Z])"),
        Pattern.compile("([A-Z]+)([A-Z][a-z\\d]+)"),
    };
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z\\d]+");

    public static String slug(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        if (s.chars().allMatch(c -> c < 0x80)) {
            s = s.replace("&", " and "); // the only ASCII key of the tables
        } else {
            s = transliterate(s);
            s = deburr(s);
        }
        for (Pattern p : DECAMELIZE) s = p.matcher(s).replaceAll("$1 $2");
        s = NOT_SLUG.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("-");
        s = s.replaceAll("-{2,}", "-");
        return s.replaceAll("^-|-$", "");
    }

    /** The Digital Garden permalink of a vault path: its extension dropped, each folder and the name slugified. */
    public static String permalink(String vaultPath) {
        int dot = vaultPath.lastIndexOf('.');
        String withoutExtension = dot < 0 ? vaultPath : vaultPath.substring(0, dot);
        StringBuilder out = new StringBuilder("/");
        for (String segment : withoutExtension.split("/", -1)) out.append(slug(segment)).append('/');
        return out.toString();
    }

    /**
     * The library's replacements, applied one after the other in its order; a replacement whose text
     * cannot be in the string (its first character is not) is passed over, which changes nothing.
     */
    private static String transliterate(String text) {
        String s = text;
        java.util.Set<Character> present = chars(s);
        for (String[] pair : TRANSLITERATIONS) {
            if (!present.contains(pair[0].charAt(0))) continue;
            String replaced = s.replace(pair[0], pair[1]);
            if (!replaced.equals(s)) {
                s = replaced;
                present = chars(s);
            }
        }
        return s;
    }

    private static java.util.Set<Character> chars(String s) {
        java.util.Set<Character> out = new java.util.HashSet<>();
        for (int i = 0; i < s.length(); i++) out.add(s.charAt(i));
        return out;
    }

    private static String deburr(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = DEBURR.get(c);
            out.append(replacement != null ? replacement : String.valueOf(c));
        }
        return COMBINING.matcher(out).replaceAll("");
    }

    private static Map<Character, String> deburrTable() {
        Map<Character, String> map = new HashMap<>();
        for (String[] pair : table("slugify-deburr.tsv")) map.put(pair[0].charAt(0), pair[1]);
        return map;
    }

    /** Reads a table of "text TAB replacement" lines; '#' starts a comment line; \\uXXXX escapes a character. */
    private static List<String[]> table(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = Slugify.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is missing from the build");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) continue;
                int tab = line.indexOf('\t');
                rows.add(new String[] {unescape(line.substring(0, tab)), unescape(line.substring(tab + 1))});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(rows);
    }

    private static String unescape(String text) {
        Matcher m = ESCAPE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        m.appendTail(out);
        return out.toString();
    }
}
