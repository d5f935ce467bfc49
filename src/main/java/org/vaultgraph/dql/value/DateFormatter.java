package org.vaultgraph.dql.value;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes dates with Luxon's format tokens, in English, as Dataview's {@code dateformat()} and its
 * table cells do: {@code yyyy-MM-dd}, {@code MMMM dd, yyyy}, {@code h:mm a}, {@code 'week' W}...
 *
 * <pre>{@code DateFormatter.format(date, "MMMM dd, yyyy") // "January 30, 2025"}</pre>
 *
 * A run of one letter is one token; text in single quotes is kept as is; a run that is no token is
 * written as it stands; localised macro tokens (D, DD, t, f...) use ICU's formats for en-US.
 */
public final class DateFormatter {
    private DateFormatter() {}

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December"};
    private static final String[] WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final Pattern BLANK = Pattern.compile("^\\s+$");

    /** A piece of a format: a token, or literal text. */
    public record Part(String text, boolean literal) {}

    /** Luxon's {@code parseFormat}: runs of one character, and quoted literals. */
    public static List<Part> split(String format) {
        List<Part> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char last = 0;
        boolean quoted = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '\'') {
                if (current.length() > 0) parts.add(new Part(current.toString(), quoted || BLANK.matcher(current).matches()));
                current.setLength(0);
                last = 0;
                quoted = !quoted;
            } else if (quoted || c == last) {
                current.append(c);
            } else {
                if (current.length() > 0) parts.add(new Part(current.toString(), BLANK.matcher(current).matches()));
                current.setLength(0);
                current.append(c);
                last = c;
            }
        }
        if (current.length() > 0) parts.add(new Part(current.toString(), quoted || BLANK.matcher(current).matches()));
        return parts;
    }

    public static String format(DvDate date, String format) {
        StringBuilder out = new StringBuilder();
        for (Part part : split(format)) out.append(part.literal() ? part.text() : token(date, part.text()));
        return out.toString();
    }

    private static String token(DvDate d, String token) {
        switch (token) {
            case "S": return num(d.millisecond(), 0);
            case "u":
            case "SSS": return num(d.millisecond(), 3);
            case "s": return num(d.second(), 0);
            case "ss": return num(d.second(), 2);
            case "uu": return num(d.millisecond() / 10, 2);
            case "uuu": return num(d.millisecond() / 100, 0);
            case "m": return num(d.minute(), 0);
            case "mm": return num(d.minute(), 2);
            case "h": return num(d.hour() % 12 == 0 ? 12 : d.hour() % 12, 0);
            case "hh": return num(d.hour() % 12 == 0 ? 12 : d.hour() % 12, 2);
            case "H": return num(d.hour(), 0);
            case "HH": return num(d.hour(), 2);
            case "Z": return offset(d.offsetMinutes(), "narrow");
            case "ZZ": return offset(d.offsetMinutes(), "short");
            case "ZZZ": return offset(d.offsetMinutes(), "techie");
            case "ZZZZ": return zoneName(d, false);
            case "ZZZZZ": return zoneName(d, true);
            case "z": return d.zoneName();
            case "a": return d.hour() < 12 ? "AM" : "PM";
            case "d": return num(d.day(), 0);
            case "dd": return num(d.day(), 2);
            case "c":
            case "E": return num(d.weekday(), 0);
            case "ccc":
            case "EEE": return WEEKDAYS[d.weekday() - 1].substring(0, 3);
            case "cccc":
            case "EEEE": return WEEKDAYS[d.weekday() - 1];
            case "ccccc":
            case "EEEEE": return WEEKDAYS[d.weekday() - 1].substring(0, 1);
            case "L":
            case "M": return num(d.month(), 0);
            case "LL":
            case "MM": return num(d.month(), 2);
            case "LLL":
            case "MMM": return MONTHS[d.month() - 1].substring(0, 3);
            case "LLLL":
            case "MMMM": return MONTHS[d.month() - 1];
            case "LLLLL":
            case "MMMMM": return MONTHS[d.month() - 1].substring(0, 1);
            case "y": return num(d.year(), 0);
            case "yy": {
                String y = Integer.toString(d.year());
                return num(Integer.parseInt(y.substring(Math.max(0, y.length() - 2))), 2);
            }
            case "yyyy": return num(d.year(), 4);
            case "yyyyyy": return num(d.year(), 6);
            case "G": return d.year() > 0 ? "AD" : "BC";
            case "GG": return d.year() > 0 ? "Anno Domini" : "Before Christ";
            case "GGGGG": return d.year() > 0 ? "A" : "B";
            case "kk": {
                String y = Integer.toString(d.weekYear());
                return num(Integer.parseInt(y.substring(Math.max(0, y.length() - 2))), 2);
            }
            case "kkkk": return num(d.weekYear(), 4);
            case "W": return num(d.weekNumber(), 0);
            case "WW": return num(d.weekNumber(), 2);
            case "o": return num(d.ordinal(), 0);
            case "ooo": return num(d.ordinal(), 3);
            case "q": return num(d.quarter(), 0);
            case "qq": return num(d.quarter(), 2);
            case "X": return Long.toString(Math.floorDiv(d.toMillis(), 1000));
            case "x": return Long.toString(d.toMillis());
            default: return macro(d, token);
        }
    }

    private static String num(long n, int pad) {
        String digits = Long.toString(Math.abs(n));
        if (digits.length() < pad) digits = "0".repeat(pad - digits.length()) + digits;
        return (n < 0 ? "-" : "") + digits;
    }

    private static String offset(int minutes, String style) {
        int abs = Math.abs(minutes);
        int hours = abs / 60;
        int mins = abs % 60;
        String sign = minutes >= 0 ? "+" : "-";
        return switch (style) {
            case "narrow" -> sign + hours + (mins > 0 ? ":" + mins : "");
            case "techie" -> sign + String.format("%02d%02d", hours, mins);
            default -> sign + String.format("%02d:%02d", hours, mins);
        };
    }

    private static String zoneName(DvDate d, boolean longName) {
        if (d.kind() == DvDate.ZoneKind.FIXED) return d.zoneName();
        TimeZone zone = TimeZone.getTimeZone(d.time().getZone().getId());
        boolean daylight = zone.inDaylightTime(Date.from(d.time().toInstant()));
        return zone.getDisplayName(daylight, longName ? TimeZone.LONG : TimeZone.SHORT, ULocale.US);
    }

    /** Luxon's localised macro tokens, formatted by ICU for en-US with the options Luxon gives Intl. */
    private static String macro(DvDate d, String token) {
        String skeleton = switch (token) {
            case "D" -> "yMd";
            case "DD" -> "yMMMd";
            case "DDD" -> "yMMMMd";
            case "DDDD" -> "yMMMMEEEEd";
            case "t" -> "hm";
            case "tt" -> "hms";
            case "ttt" -> "hmsz";
            case "tttt" -> "hmszzzz";
            case "T" -> "Hm";
            case "TT" -> "Hms";
            case "TTT" -> "Hmsz";
            case "TTTT" -> "Hmszzzz";
            case "f" -> "yMdhm";
            case "ff" -> "yMMMdhm";
            case "fff" -> "yMMMMdhmz";
            case "ffff" -> "yMMMMEEEEdhmzzzz";
            case "F" -> "yMdhms";
            case "FF" -> "yMMMdhms";
            case "FFF" -> "yMMMMdhmsz";
            case "FFFF" -> "yMMMMEEEEdhmszzzz";
            default -> null;
        };
        if (skeleton == null) return token;
        DateFormat format = DateFormat.getInstanceForSkeleton(skeleton, ULocale.US);
        format.setTimeZone(TimeZone.getTimeZone(d.kind() == DvDate.ZoneKind.FIXED
                ? "GMT" + offset(d.offsetMinutes(), "short") : d.time().getZone().getId()));
        // Node writes the narrow spaces of ICU's English time formats as plain spaces.
        return format.format(Date.from(d.time().toInstant())).replace('\u202f', ' ').replace('\u2009', ' ');
    }
}
