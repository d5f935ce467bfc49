package org.vaultgraph.bases.value;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaultgraph.dql.value.DvDate;

/**
 * Dates as bases read and write them: {@code date("2025-01-01 12:00:00")}, ISO 8601 with a {@code T}
 * and a zone, or a day alone; shown as {@code 2025-01-01} or {@code 2025-01-01 04:03:00} (the form the
 * Bases syntax page writes a date-time in).
 *
 * <pre>{@code Dates.parse("2024-12-01", zone) // a date without a time, midnight in the local zone}</pre>
 */
public final class Dates {
    private Dates() {}

    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?");

    /** A date read from text, or null when the text is no date; a time-less date is midnight in {@code zone}. */
    public static BaseValue.DateValue parse(String text, ZoneId zone) {
        Matcher m = DATE.matcher(text.strip());
        if (!m.matches()) return null;
        try {
            LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            if (m.group(4) == null) return new BaseValue.DateValue(DvDate.local(day.atStartOfDay(), zone), false);
            int nanos = m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9));
            LocalDateTime wall = day.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
            if (m.group(8) == null) return new BaseValue.DateValue(DvDate.local(wall, zone), true);
            ZoneOffset offset = offset(m.group(8));
            return new BaseValue.DateValue(DvDate.of(OffsetDateTime.of(wall, offset).toZonedDateTime(), DvDate.ZoneKind.FIXED), true);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static ZoneOffset offset(String zone) {
        if (zone.equals("Z")) return ZoneOffset.UTC;
        String digits = zone.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
        int total = hours * 60 + minutes;
        return ZoneOffset.ofTotalSeconds((zone.charAt(0) == '-' ? -total : total) * 60);
    }

    /** The same day at midnight, without its time ({@code date.date()}). */
    public static BaseValue.DateValue dateOnly(BaseValue.DateValue d) {
        DvDate date = d.date();
        LocalDate day = LocalDate.of(date.year(), date.month(), date.day());
        return new BaseValue.DateValue(DvDate.of(day.atStartOfDay(date.time().getZone()), date.kind()), false);
    }

    public static String text(BaseValue.DateValue d) {
        return MomentFormat.format(d.date(), d.hasTime() ? "YYYY-MM-DD HH:mm:ss" : "YYYY-MM-DD");
    }

    /**
     * {@code date.relative()}: how long ago or how far ahead, in Moment's words ("3 days ago", "in a
     * month"), with Moment's thresholds.
     */
    public static String relative(DvDate date, DvDate now) {
        double seconds = (now.toMillis() - date.toMillis()) / 1000.0;
        boolean past = seconds >= 0;
        double s = Math.abs(seconds);
        double minutes = s / 60;
        double hours = minutes / 60;
        double days = hours / 24;
        String words;
        if (s < 45) words = "a few seconds";
        else if (s < 90) words = "a minute";
        else if (minutes < 45) words = Math.round(minutes) + " minutes";
        else if (minutes < 90) words = "an hour";
        else if (hours < 22) words = Math.round(hours) + " hours";
        else if (hours < 36) words = "a day";
        else if (days < 26) words = Math.round(days) + " days";
        else if (days < 45) words = "a month";
        else if (days < 320) words = Math.round(days / 30.4375) + " months";
        else if (days < 548) words = "a year";
        else words = Math.round(days / 365.25) + " years";
        return past ? words + " ago" : "in " + words;
    }
}
