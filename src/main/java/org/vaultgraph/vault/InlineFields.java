package org.vaultgraph.vault;

import org.vaultgraph.dql.value.Emoji;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Dataview inline fields: {@code key:: value} on a line of its own, and {@code [key:: value]}
 * or {@code (key:: value)} anywhere in a line.
 *
 * <pre>{@code InlineFields.bracketed("see [rating:: 4] and (mood:: good)") // two fields}</pre>
 *
 * The rules are Dataview's: a bracketed key may hold anything but brackets and parentheses; the value
 * ends at the matching closing bracket; a line with bracketed fields has no full-line field; fields of
 * tasks belong to the task, not to the page, and are left out here.
 */
final class InlineFields {
    private InlineFields() {}

    private static final int MAX_LINE = 32_768; // Dataview skips longer lines

    /** A field found in a line: offsets are relative to that line. */
    record Found(String key, int start, int valueStart, int valueEnd, int end) {}

    /**
     * Adds the fields of every line of {@code masked} outside lists to {@code out}, values read from
     * {@code original} to {@code out}; list items carry their own fields ({@link ListItems}).
     */
    static void scan(MaskedText masked, String original, LineIndex lines, boolean[] listLines, java.util.function.Consumer<Field> out) {
        for (int line = 1; line <= lines.lineCount(); line++) {
            if (line < listLines.length && listLines[line]) continue;
            int start = lines.lineStart(line);
            int end = line < lines.lineCount() ? lines.lineStart(line + 1) - 1 : masked.length();
            if (end - start > MAX_LINE || end - start < 3) continue;
            String text = masked.subSequence(start, end).toString();
            if (!text.contains("::")) continue;
            int contentOffset = 0;
            while (contentOffset < text.length() && Character.isWhitespace(text.charAt(contentOffset))) contentOffset++;
            String content = text.substring(contentOffset).stripTrailing();
            List<Found> found = bracketed(content);
            if (found.isEmpty()) {
                Found full = fullLine(content);
                if (full != null) found = List.of(full);
            }
            for (Found f : found) {
                String value = original.substring(start + contentOffset + f.valueStart(), start + contentOffset + f.valueEnd()).strip();
                String canonical = FieldNames.canonicalize(f.key());
                if (f.key().isEmpty() || canonical.isEmpty()) continue;
                out.accept(new Field(f.key(), canonical, DataviewValues.parseInline(value), Field.Origin.INLINE, line));
            }
        }
    }

    // Dataview's emoji shorthands for task dates, each read once per item: created, start, scheduled, due, completion.
    private static final String[][] EMOJI_DATES = {
        {"created", "\\u2795"}, {"start", "\\x{1F6EB}"}, {"scheduled", "[\\u23F3\\u231B]"},
        {"due", "(?:\\x{1F4C5}|\\x{1F4C6}|\\x{1F5D3}\\uFE0F?)"}, {"completion", "\\u2705"}};
    private static final List<Pattern> EMOJI_PATTERNS = java.util.Arrays.stream(EMOJI_DATES)
            .map(e -> Pattern.compile(e[1] + "\\s*(\\d{4}-\\d{2}-\\d{2})")).toList();

    /** The fields of a list item's text: bracketed ones and the emoji date shorthands, overlapping ones dropped. */
    static List<Found> withEmojiDates(String text) {
        List<Found> candidates = new ArrayList<>();
        collect(text, '[', ']', candidates);
        collect(text, '(', ')', candidates);
        for (int i = 0; i < EMOJI_DATES.length; i++) {
            Matcher m = EMOJI_PATTERNS.get(i).matcher(text);
            if (m.find()) candidates.add(new Found(EMOJI_DATES[i][0], m.start(), m.start(1), m.end(1), m.end()));
        }
        return withoutOverlaps(candidates);
    }

    /** Bracketed and parenthesised fields of a line, in order, overlapping ones dropped as Dataview does. */
    static List<Found> bracketed(String line) {
        List<Found> candidates = new ArrayList<>();
        collect(line, '[', ']', candidates);
        collect(line, '(', ')', candidates);
        return withoutOverlaps(candidates);
    }

    private static List<Found> withoutOverlaps(List<Found> candidates) {
        candidates.sort(Comparator.comparingInt(Found::start));
        List<Found> kept = new ArrayList<>();
        for (Found f : candidates) {
            if (kept.isEmpty() || kept.get(kept.size() - 1).end() < f.start()) kept.add(f);
        }
        return kept;
    }

    private static void collect(String line, char open, char close, List<Found> out) {
        int i = line.indexOf(open);
        while (i >= 0) {
            int separator = line.indexOf("::", i + 1);
            if (separator < 0) return;
            String key = line.substring(i + 1, separator).strip();
            int closing = containsBracket(key) ? -1 : findClosing(line, separator + 2, open, close);
            if (closing < 0) {
                i = line.indexOf(open, i + 1);
                continue;
            }
            out.add(new Found(key, i, separator + 2, closing, closing + 1));
            i = line.indexOf(open, closing + 1);
        }
    }

    private static boolean containsBracket(String key) {
        return key.indexOf('[') >= 0 || key.indexOf(']') >= 0 || key.indexOf('(') >= 0 || key.indexOf(')') >= 0;
    }

    /** The closing bracket of the same kind, counting nesting; a backslash escapes one character. */
    private static int findClosing(String line, int from, char open, char close) {
        int nesting = 0;
        boolean escaped = false;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (escaped) {
                escaped = false;
                continue;
            }
            if (c == '\\') {
                escaped = true;
            } else if (c == open) {
                nesting++;
            } else if (c == close) {
                if (--nesting < 0) return i;
            }
        }
        return -1;
    }

    /**
     * A {@code key:: value} line. The key is letters, digits, spaces, '_', '/', '-' and emoji; leading
     * punctuation (bullets, '#', '**') and trailing markup ('**', '_', '~', '`') are not part of it.
     */
    static Found fullLine(String line) {
        int separator = line.indexOf("::");
        if (separator < 0) return null;
        String raw = line.substring(0, separator).strip();
        int p = 0;
        while (p < raw.length() && !isKeyStart(raw.codePointAt(p))) p += Character.charCount(raw.codePointAt(p));
        int keyStart = p;
        while (p < raw.length() && isKeyPart(raw.codePointAt(p))) p += Character.charCount(raw.codePointAt(p));
        int keyEnd = p;
        while (p < raw.length() && "_*~`".indexOf(raw.charAt(p)) >= 0) p++;
        if (p != raw.length()) return null;
        return new Found(raw.substring(keyStart, keyEnd), 0, separator + 2, line.length(), line.length());
    }

    private static boolean isKeyStart(int cp) {
        return Character.isLetter(cp) || isAsciiWord(cp);
    }

    private static boolean isKeyPart(int cp) {
        return Character.isLetter(cp) || isAsciiWord(cp) || Character.isWhitespace(cp) || cp == '/' || cp == '-'
                || Emoji.isEmoji(cp);
    }

    private static boolean isAsciiWord(int cp) {
        return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
    }
}
