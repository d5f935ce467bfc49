package org.vaultgraph.vault;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Types the raw text of a field the way Dataview does.
 *
 * <pre>{@code
 * DataviewValues.parseInline("4 hours, 15 minutes");   // Duration PT4H15M
 * DataviewValues.parseInline("[[a]], [[b]]");          // ListValue of two links
 * DataviewValues.parseFrontMatterString("2025-01-30"); // DateValue
 * }</pre>
 *
 * An inline value is, in Dataview's order of trial, a date, a duration, a quoted string, a tag, a
 * link, a boolean, a number or {@code null}, or a comma-separated list of those; anything else stays
 * text. Front matter strings are only tried as a date, a duration or a link.
 */
public final class DataviewValues {
    private DataviewValues() {}

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern BOOL = Pattern.compile("true|false|True|False");
    private static final Pattern TAG = Pattern.compile(
            "#[^\\u2000-\\u206F\\u2E00-\\u2E7F'!\"#$%&()*+,.:;<=>?@^`{|}~\\[\\]\\\\\\s]*");
    private static final Pattern LINK = Pattern.compile("(!?)\\[\\[([^\\[\\]]*?)\\]\\]");
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})-(\\d{2})(?:-(\\d{2})(?:T(\\d{2})(?::(\\d{2})(?::(\\d{2})(?:\\.(\\d{3}))?)?)?)?)?"
                    + "(?:([+-])(\\d{1,2})(?::(\\d{2}))?|(Z)|\\[([0-9A-Za-z+\\-/]+)\\])?");
    private static final Pattern DURATION_PART = Pattern.compile(
            "([0-9]+(?:\\.[0-9]+)?)\\s*(years|year|yrs|yr|months|month|mos|mo|weeks|week|wks|wk|w"
                    + "|days|day|d|hours|hour|hrs|hr|h|minutes|minute|mins|min|m|seconds|second|secs|sec|s)");
    private static final Pattern DURATION_SEPARATOR = Pattern.compile("\\s*,\\s*|\\s*");

    /** Types the value of an inline field ({@code key:: value}); the text is already trimmed. */
    public static FieldValue parseInline(String raw) {
        String text = raw.strip();
        if (text.isEmpty()) return new FieldValue.Null();
        Atom first = atom(text, 0);
        if (first == null) return new FieldValue.Text(text);
        int pos = skipSpaces(text, first.end);
        if (pos == text.length()) return first.value;
        if (text.charAt(pos) != ',') return new FieldValue.Text(text);
        List<FieldValue> items = new ArrayList<>();
        items.add(first.value);
        while (pos < text.length() && text.charAt(pos) == ',') {
            pos = skipSpaces(text, pos + 1);
            if (pos == text.length()) break; // a trailing comma is allowed
            Atom next = atom(text, pos);
            if (next == null) return new FieldValue.Text(text);
            items.add(next.value);
            pos = skipSpaces(text, next.end);
        }
        return pos == text.length() ? new FieldValue.ListValue(List.copyOf(items)) : new FieldValue.Text(text);
    }

    /** Types a string value of front matter: a whole date, duration or link, else text. */
    public static FieldValue parseFrontMatterString(String text) {
        Atom date = date(text, 0);
        if (date != null && date.end == text.length()) return date.value;
        Atom duration = duration(text, 0);
        if (duration != null && duration.end == text.length()) return duration.value;
        Atom link = link(text, 0);
        if (link != null && link.end == text.length()) return link.value;
        return new FieldValue.Text(text);
    }

    /** Parses text that must be a whole date (as Dataview writes dates in fields), or returns null. */
    public static FieldValue.DateValue parseDate(String text) {
        Atom date = date(text, 0);
        return date != null && date.end == text.length() ? (FieldValue.DateValue) date.value : null;
    }

    private record Atom(FieldValue value, int end) {}

    /** Dataview tries each kind in this order and keeps the first that matches at this position. */
    private static Atom atom(String text, int pos) {
        Atom a;
        if ((a = date(text, pos)) != null) return a;
        if ((a = duration(text, pos)) != null) return a;
        if ((a = quoted(text, pos)) != null) return a;
        if ((a = regex(TAG, text, pos, m -> new FieldValue.Text(m.group()))) != null) return a;
        if ((a = link(text, pos)) != null) return a;
        if ((a = regex(BOOL, text, pos, m -> new FieldValue.Bool(Boolean.parseBoolean(m.group().toLowerCase())))) != null) return a;
        if ((a = regex(NUMBER, text, pos, m -> new FieldValue.Number(new BigDecimal(m.group())))) != null) return a;
        if (text.startsWith("null", pos)) return new Atom(new FieldValue.Text("null"), pos + 4);
        return null;
    }

    private interface Build {
        FieldValue from(Matcher m);
    }

    private static Atom regex(Pattern pattern, String text, int pos, Build build) {
        Matcher m = pattern.matcher(text).region(pos, text.length());
        return m.lookingAt() ? new Atom(build.from(m), m.end()) : null;
    }

    private static Atom quoted(String text, int pos) {
        if (pos >= text.length() || text.charAt(pos) != '"') return null;
        StringBuilder out = new StringBuilder();
        for (int i = pos + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') return new Atom(new FieldValue.Text(out.toString()), i + 1);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(i + 1);
                if (next == '"' || next == '\\') {
                    out.append(next);
                } else {
                    out.append(c).append(next);
                }
                i++;
            } else {
                out.append(c);
            }
        }
        return null;
    }

    private static Atom link(String text, int pos) {
        Matcher m = LINK.matcher(text).region(pos, text.length());
        if (!m.lookingAt()) return null;
        return new Atom(new FieldValue.LinkValue(WikiLinks.parseInner(m.group(2), !m.group(1).isEmpty(), 0, 0)), m.end());
    }

    private static Atom date(String text, int pos) {
        Matcher m = DATE.matcher(text).region(pos, text.length());
        if (!m.lookingAt()) return null;
        try {
            int year = Integer.parseInt(m.group(1));
            int month = Integer.parseInt(m.group(2));
            int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
            LocalDate date = LocalDate.of(year, month, day);
            String zone = zoneSuffix(m, date, m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
                    m.group(5) == null ? 0 : Integer.parseInt(m.group(5)));
            if (m.group(4) == null) {
                return new Atom(new FieldValue.DateValue(date + zone, false), m.end());
            }
            int hour = Integer.parseInt(m.group(4));
            int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
            int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            LocalDateTime.of(date, java.time.LocalTime.of(hour, minute, second)); // validates the time
            String lexical = String.format("%sT%02d:%02d:%02d%s%s", date, hour, minute, second,
                    m.group(7) == null ? "" : "." + m.group(7), zone);
            return new Atom(new FieldValue.DateValue(lexical, true), m.end());
        } catch (DateTimeException | NumberFormatException e) {
            return null; // like Dataview, an impossible date such as 4237-14-73 is not a date
        }
    }

    private static String zoneSuffix(Matcher m, LocalDate date, int hour, int minute) {
        if (m.group(11) != null) return "Z";
        if (m.group(8) != null) {
            int hours = Integer.parseInt(m.group(9));
            int minutes = m.group(10) == null ? 0 : Integer.parseInt(m.group(10));
            return ZoneOffset.ofHoursMinutes(m.group(8).equals("-") ? -hours : hours,
                    m.group(8).equals("-") ? -minutes : minutes).getId().replace("Z", "+00:00");
        }
        if (m.group(12) != null) {
            ZoneId zone = ZoneId.of(m.group(12));
            ZoneOffset offset = zone.getRules().getOffset(date.atTime(hour, minute));
            return offset.getId().equals("Z") ? "Z" : offset.getId();
        }
        return "";
    }

    private static Atom duration(String text, int pos) {
        BigDecimal years = BigDecimal.ZERO, months = BigDecimal.ZERO, days = BigDecimal.ZERO, seconds = BigDecimal.ZERO;
        int end = -1;
        int at = pos;
        while (true) {
            Matcher part = DURATION_PART.matcher(text).region(at, text.length());
            if (!part.lookingAt()) break;
            BigDecimal amount = new BigDecimal(part.group(1));
            switch (part.group(2)) {
                case "years", "year", "yrs", "yr" -> years = years.add(amount);
                case "months", "month", "mos", "mo" -> months = months.add(amount);
                case "weeks", "week", "wks", "wk", "w" -> days = days.add(amount.multiply(BigDecimal.valueOf(7)));
                case "days", "day", "d" -> days = days.add(amount);
                case "hours", "hour", "hrs", "hr", "h" -> seconds = seconds.add(amount.multiply(BigDecimal.valueOf(3600)));
                case "minutes", "minute", "mins", "min", "m" -> seconds = seconds.add(amount.multiply(BigDecimal.valueOf(60)));
                default -> seconds = seconds.add(amount);
            }
            end = part.end();
            Matcher separator = DURATION_SEPARATOR.matcher(text).region(end, text.length());
            at = separator.lookingAt() ? separator.end() : end;
        }
        if (end < 0) return null;
        return new Atom(new FieldValue.Duration(isoDuration(years, months, days, seconds)), end);
    }

    /** Writes a duration as xsd:duration, carrying fractions down and seconds up to days (1 day = 24 h). */
    static String isoDuration(BigDecimal years, BigDecimal months, BigDecimal days, BigDecimal seconds) {
        BigDecimal wholeYears = years.setScale(0, RoundingMode.DOWN);
        months = months.add(years.subtract(wholeYears).multiply(BigDecimal.valueOf(12)));
        BigDecimal wholeMonths = months.setScale(0, RoundingMode.DOWN);
        days = days.add(months.subtract(wholeMonths).multiply(BigDecimal.valueOf(30)));
        BigDecimal wholeDays = days.setScale(0, RoundingMode.DOWN);
        seconds = seconds.add(days.subtract(wholeDays).multiply(BigDecimal.valueOf(86400)));
        BigDecimal[] dayCarry = seconds.divideAndRemainder(BigDecimal.valueOf(86400));
        wholeDays = wholeDays.add(dayCarry[0]);
        BigDecimal[] hours = dayCarry[1].divideAndRemainder(BigDecimal.valueOf(3600));
        BigDecimal[] minutes = hours[1].divideAndRemainder(BigDecimal.valueOf(60));
        StringBuilder out = new StringBuilder("P");
        appendUnit(out, wholeYears, 'Y');
        appendUnit(out, wholeMonths, 'M');
        appendUnit(out, wholeDays, 'D');
        StringBuilder time = new StringBuilder();
        appendUnit(time, hours[0], 'H');
        appendUnit(time, minutes[0], 'M');
        appendUnit(time, minutes[1], 'S');
        if (time.length() > 0) out.append('T').append(time);
        return out.length() == 1 ? "PT0S" : out.toString();
    }

    private static void appendUnit(StringBuilder out, BigDecimal amount, char unit) {
        if (amount.signum() != 0) out.append(amount.stripTrailingZeros().toPlainString()).append(unit);
    }

    private static int skipSpaces(String text, int pos) {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
        return pos;
    }
}
