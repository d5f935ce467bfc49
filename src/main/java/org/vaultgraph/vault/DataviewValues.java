package org.vaultgraph.vault;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import org.vaultgraph.dql.value.DvDate;
import org.vaultgraph.dql.value.DvDuration;
import org.vaultgraph.dql.value.DvParsers;
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

    /** Types the value of an inline field ({@code key:: value}) as Dataview's inline value grammar does; the text is already trimmed. */
    public static FieldValue parseInline(String raw) {
        String text = raw.strip();
        if (text.isEmpty()) return new FieldValue.Null();
        Atom first = atom(text, 0);
        if (first == null) return new FieldValue.Text(text);
        if (first.end == text.length()) return first.value;
        // A list: atoms separated by commas; a trailing comma still makes a list.
        int pos = commaAt(text, first.end);
        if (pos < 0) return new FieldValue.Text(text);
        List<FieldValue> items = new ArrayList<>();
        items.add(first.value);
        while (pos < text.length()) {
            Atom next = atom(text, pos);
            if (next == null) break;
            items.add(next.value);
            pos = next.end;
            int comma = commaAt(text, pos);
            if (comma < 0 || atom(text, comma) == null) break;
            pos = comma;
        }
        return pos == text.length() ? new FieldValue.ListValue(List.copyOf(items)) : new FieldValue.Text(text);
    }

    /** The position after a comma (and the spaces around it) at {@code pos}, or -1 when there is none. */
    private static int commaAt(String text, int pos) {
        int p = skipSpaces(text, pos);
        if (p >= text.length() || text.charAt(p) != ',') return -1;
        return skipSpaces(text, p + 1);
    }

    /** Types a string value of front matter: a whole date, duration or link, else text. */
    public static FieldValue parseFrontMatterString(String text) {
        Atom date = date(text, 0);
        if (date != null && date.end == text.length()) return date.value;
        DvParsers.Parsed<DvDuration> duration = DvParsers.duration(text, 0);
        // Front matter keeps a duration's units as written; inline fields normalise them.
        if (duration != null && duration.end() == text.length()) return new FieldValue.Duration(durationLexical(duration.value()));
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

    /** A date by Dataview's grammar, written in XML Schema form: a date alone, or a date-time with its zone if one was written. */
    private static Atom date(String text, int pos) {
        DvParsers.Parsed<DvDate> parsed = DvParsers.date(text, pos, ZoneOffset.UTC);
        if (parsed == null) return null;
        DvDate d = parsed.value();
        boolean hasTime = parsed.end() > pos + 10;
        if (!hasTime) return new Atom(new FieldValue.DateValue(d.time().toLocalDate().toString(), false), parsed.end());
        String zone = switch (d.kind()) {
            case LOCAL -> "";
            case FIXED -> d.offsetMinutes() == 0 ? "Z" : d.time().getOffset().getId();
            case NAMED -> d.time().getOffset().getId().replace("Z", "+00:00");
        };
        // Zero-padded as String.format's %04d and %02d would write it, without the cost of a format string per date.
        StringBuilder lexical = new StringBuilder(32);
        padded(lexical, d.year(), 4).append('-');
        padded(lexical, d.month(), 2).append('-');
        padded(lexical, d.day(), 2).append('T');
        padded(lexical, d.hour(), 2).append(':');
        padded(lexical, d.minute(), 2).append(':');
        padded(lexical, d.second(), 2);
        if (d.millisecond() != 0) padded(lexical.append('.'), d.millisecond(), 3);
        return new Atom(new FieldValue.DateValue(lexical.append(zone).toString(), true), parsed.end());
    }

    /** Appends {@code value} with at least {@code width} characters, zeros after a minus sign, as {@code %0<width>d} does. */
    private static StringBuilder padded(StringBuilder out, int value, int width) {
        String digits = Integer.toString(Math.abs(value));
        if (value < 0) out.append('-');
        for (int i = digits.length() + (value < 0 ? 1 : 0); i < width; i++) out.append('0');
        return out.append(digits);
    }

    /** An inline duration, normalised as Dataview normalises inline durations. */
    private static Atom duration(String text, int pos) {
        DvParsers.Parsed<DvDuration> parsed = DvParsers.duration(text, pos);
        if (parsed == null) return null;
        return new Atom(new FieldValue.Duration(durationLexical(parsed.value().normalizeAll())), parsed.end());
    }

    /**
     * A duration in XML Schema form, its units as given (36 hours stays {@code PT36H}); fractions of
     * units that XML Schema cannot hold are carried down, weeks become days.
     */
    public static String durationLexical(DvDuration d) {
        boolean negative = d.toMillis() < 0;
        DvDuration positive = negative ? d.negate() : d;
        double years = positive.get(DvDuration.Unit.YEARS);
        double months = positive.get(DvDuration.Unit.MONTHS) + positive.get(DvDuration.Unit.QUARTERS) * 3;
        double days = positive.get(DvDuration.Unit.DAYS) + positive.get(DvDuration.Unit.WEEKS) * 7;
        double hours = positive.get(DvDuration.Unit.HOURS);
        double minutes = positive.get(DvDuration.Unit.MINUTES);
        double seconds = positive.get(DvDuration.Unit.SECONDS) + positive.get(DvDuration.Unit.MILLISECONDS) / 1000;
        boolean whole = years == Math.rint(years) && months == Math.rint(months) && days == Math.rint(days) && hours == Math.rint(hours)
                && minutes == Math.rint(minutes) && years >= 0 && months >= 0 && days >= 0 && hours >= 0 && minutes >= 0 && seconds >= 0;
        String lexical;
        if (whole) {
            StringBuilder out = new StringBuilder("P");
            if (years != 0) out.append((long) years).append('Y');
            if (months != 0) out.append((long) months).append('M');
            if (days != 0) out.append((long) days).append('D');
            StringBuilder time = new StringBuilder();
            if (hours != 0) time.append((long) hours).append('H');
            if (minutes != 0) time.append((long) minutes).append('M');
            if (seconds != 0) time.append(BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString()).append('S');
            if (time.length() > 0) out.append('T').append(time);
            lexical = out.length() == 1 ? "PT0S" : out.toString();
        } else {
            lexical = isoDuration(BigDecimal.valueOf(years), BigDecimal.valueOf(months), BigDecimal.valueOf(days),
                    BigDecimal.valueOf(hours * 3600 + minutes * 60 + seconds));
        }
        return negative && !lexical.equals("PT0S") ? "-" + lexical : lexical;
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
