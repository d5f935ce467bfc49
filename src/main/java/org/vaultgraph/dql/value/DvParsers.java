package org.vaultgraph.dql.value;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dataview's grammar for dates and durations written as text: {@code 2025-01-30T16:40:43.123-05:00}
 * and {@code 4 hours, 15 min}. A parse reads from a position and says where it stopped.
 *
 * <pre>{@code DvParsers.date("2025-01", 0, zone).value() // January 1, 2025, local midnight}</pre>
 */
public final class DvParsers {
    private DvParsers() {}

    /** What a parse read and the position after it. */
    public record Parsed<T>(T value, int end) {}

    private static final Pattern TWO = Pattern.compile("\\d{2}");
    private static final Pattern OFFSET = Pattern.compile("[+-]\\d{1,2}(:\\d{2})?");
    private static final Pattern ZONE_NAME = Pattern.compile("\\[([0-9A-Za-z+\\-/]+)\\]");

    /**
     * A date {@code YYYY-MM[-DD[THH[:mm[:ss[.SSS][zone]]]]]}. Each part is optional only after the ones
     * before it, as in Dataview: a zone is read only after seconds. Null when no valid date starts here.
     */
    public static Parsed<DvDate> date(String text, int pos, ZoneId local) {
        if (!digits(text, pos, 4) || !at(text, pos + 4, '-') || !digits(text, pos + 5, 2)) return null;
        int year = Integer.parseInt(text.substring(pos, pos + 4));
        int month = Integer.parseInt(text.substring(pos + 5, pos + 7));
        int end = pos + 7;
        int[] fields = {1, 0, 0, 0, 0}; // day, hour, minute, second, millisecond
        char[] separators = {'-', 'T', ':', ':'};
        int step = 0;
        for (; step < 4; step++) {
            if (!at(text, end, separators[step]) || !digits(text, end + 1, 2)) break;
            fields[step] = Integer.parseInt(text.substring(end + 1, end + 3));
            end += 3;
        }
        ZoneId zone = local;
        DvDate.ZoneKind kind = DvDate.ZoneKind.LOCAL;
        if (step == 4) {
            if (at(text, end, '.') && digits(text, end + 1, 3)) {
                fields[4] = Integer.parseInt(text.substring(end + 1, end + 4));
                end += 4;
            }
            Matcher offset = OFFSET.matcher(text).region(end, text.length());
            Matcher named = ZONE_NAME.matcher(text).region(end, text.length());
            if (offset.lookingAt()) {
                String o = offset.group();
                int sign = o.charAt(0) == '-' ? -1 : 1;
                String[] hm = o.substring(1).split(":");
                int minutes = Integer.parseInt(hm[0]) * 60 + (hm.length > 1 ? Integer.parseInt(hm[1]) : 0);
                try {
                    zone = ZoneOffset.ofTotalSeconds(sign * minutes * 60);
                } catch (DateTimeException e) {
                    return null;
                }
                kind = DvDate.ZoneKind.FIXED;
                end = offset.end();
            } else if (at(text, end, 'Z')) {
                zone = ZoneOffset.UTC;
                kind = DvDate.ZoneKind.FIXED;
                end++;
            } else if (named.lookingAt()) {
                try {
                    zone = ZoneId.of(named.group(1));
                } catch (DateTimeException e) {
                    return null;
                }
                kind = DvDate.ZoneKind.NAMED;
                end = named.end();
            }
        }
        try {
            LocalDateTime wall = LocalDate.of(year, month, fields[0]).atTime(fields[1], fields[2], fields[3], fields[4] * 1_000_000);
            return new Parsed<>(DvDate.of(java.time.ZonedDateTime.ofLocal(wall, zone, null), kind), end);
        } catch (DateTimeException e) {
            return null; // like Luxon, 2025-02-30 is no date
        }
    }

    /** A whole text that is a date, or null. */
    public static DvDate wholeDate(String text, ZoneId local) {
        Parsed<DvDate> d = date(text, 0, local);
        return d != null && d.end() == text.length() ? d.value() : null;
    }

    private static final Map<String, DvDuration.Unit> UNIT_WORDS = new LinkedHashMap<>();

    static {
        Map<DvDuration.Unit, List<String>> words = new LinkedHashMap<>();
        words.put(DvDuration.Unit.YEARS, List.of("year", "years", "yr", "yrs"));
        words.put(DvDuration.Unit.MONTHS, List.of("month", "months", "mo", "mos"));
        words.put(DvDuration.Unit.WEEKS, List.of("week", "weeks", "wk", "wks", "w"));
        words.put(DvDuration.Unit.DAYS, List.of("day", "days", "d"));
        words.put(DvDuration.Unit.HOURS, List.of("hour", "hours", "hr", "hrs", "h"));
        words.put(DvDuration.Unit.MINUTES, List.of("minute", "minutes", "min", "mins", "m"));
        words.put(DvDuration.Unit.SECONDS, List.of("second", "seconds", "sec", "secs", "s"));
        // Longest first, as Dataview's parser tries them.
        words.entrySet().stream().flatMap(e -> e.getValue().stream().map(w -> Map.entry(w, e.getKey())))
                .sorted((a, b) -> b.getKey().length() - a.getKey().length())
                .forEach(e -> UNIT_WORDS.put(e.getKey(), e.getValue()));
    }

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    /**
     * A duration: one or more {@code <number> <unit>}, separated by a comma, spaces, or nothing. The
     * units are kept as written ({@code 1 hr 90 min} is 1 hour and 90 minutes). Null when none starts here.
     */
    public static Parsed<DvDuration> duration(String text, int pos) {
        DvDuration total = null;
        int end = pos;
        int at = pos;
        while (true) {
            Matcher number = NUMBER.matcher(text).region(at, text.length());
            if (!number.lookingAt()) break;
            int p = skipSpaces(text, number.end());
            DvDuration.Unit unit = null;
            String word = null;
            for (Map.Entry<String, DvDuration.Unit> e : UNIT_WORDS.entrySet()) {
                if (text.startsWith(e.getKey(), p)) {
                    word = e.getKey();
                    unit = e.getValue();
                    break;
                }
            }
            if (unit == null) break;
            DvDuration part = DvDuration.of(unit, Double.parseDouble(number.group()));
            total = total == null ? part : total.plus(part);
            end = p + word.length();
            // The separator: a comma with optional spaces around it, or optional spaces.
            int q = skipSpaces(text, end);
            if (q < text.length() && text.charAt(q) == ',') q = skipSpaces(text, q + 1);
            at = q;
        }
        return total == null ? null : new Parsed<>(total, end);
    }

    /** A whole text that is a duration, or null. */
    public static DvDuration wholeDuration(String text) {
        Parsed<DvDuration> d = duration(text, 0);
        return d != null && d.end() == text.length() ? d.value() : null;
    }

    private static int skipSpaces(String text, int pos) {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
        return pos;
    }

    private static boolean digits(String text, int pos, int count) {
        if (pos + count > text.length()) return false;
        for (int i = pos; i < pos + count; i++) if (text.charAt(i) < '0' || text.charAt(i) > '9') return false;
        return true;
    }

    private static boolean at(String text, int pos, char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }
}
