package org.vaultgraph.bases.value;

import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.Locale;
import org.vaultgraph.dql.value.DvDate;

/**
 * Formats dates with Moment.js format strings, as {@code date.format("YYYY-MM-DD")} does in a base
 * (English names). Text in square brackets is written as it is.
 *
 * <pre>{@code MomentFormat.format(date, "dddd, MMMM Do YYYY") // "Tuesday, May 27th 2025"}</pre>
 */
public final class MomentFormat {
    private MomentFormat() {}

    /** Moment's tokens, longest first so that "MMMM" wins over "MM". */
    private static final String[] TOKENS = {"YYYYYY", "YYYY", "YY", "Y", "Q", "MMMM", "MMM", "Mo", "MM", "M", "DDDD", "DDDo", "DDD", "Do", "DD", "D",
        "dddd", "ddd", "do", "dd", "d", "E", "e", "WW", "Wo", "W", "GGGG", "HH", "H", "hh", "h", "kk", "k", "mm", "m", "ss", "s",
        "SSS", "SS", "S", "A", "a", "ZZ", "Z", "X", "x"};

    public static String format(DvDate date, String format) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c == '[') {
                int close = format.indexOf(']', i);
                if (close > 0) {
                    out.append(format, i + 1, close);
                    i = close + 1;
                    continue;
                }
            }
            String token = null;
            for (String t : TOKENS) {
                if (format.startsWith(t, i)) {
                    token = t;
                    break;
                }
            }
            if (token == null) {
                out.append(c);
                i++;
            } else {
                out.append(token(date, token));
                i += token.length();
            }
        }
        return out.toString();
    }

    private static String token(DvDate d, String token) {
        java.time.ZonedDateTime t = d.time();
        int hour12 = d.hour() % 12 == 0 ? 12 : d.hour() % 12;
        switch (token) {
            case "YYYYYY": return (d.year() < 0 ? "-" : "+") + pad(Math.abs(d.year()), 6);
            case "YYYY": return pad(d.year(), 4);
            case "YY": return pad(Math.floorMod(d.year(), 100), 2);
            case "Y": return Integer.toString(d.year());
            case "Q": return Integer.toString(d.quarter());
            case "MMMM": return t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case "MMM": return t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case "Mo": return ordinal(d.month());
            case "MM": return pad(d.month(), 2);
            case "M": return Integer.toString(d.month());
            case "DDDD": return pad(d.ordinal(), 3);
            case "DDDo": return ordinal(d.ordinal());
            case "DDD": return Integer.toString(d.ordinal());
            case "Do": return ordinal(d.day());
            case "DD": return pad(d.day(), 2);
            case "D": return Integer.toString(d.day());
            case "dddd": return t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case "ddd": return t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case "dd": return t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH).substring(0, 2);
            case "do": return ordinal(d.weekday() % 7);
            case "d": return Integer.toString(d.weekday() % 7);
            case "E": return Integer.toString(d.weekday());
            case "e": return Integer.toString(d.weekday() % 7);
            case "WW": return pad(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2);
            case "Wo": return ordinal(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case "W": return Integer.toString(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case "GGGG": return pad(t.get(IsoFields.WEEK_BASED_YEAR), 4);
            case "HH": return pad(d.hour(), 2);
            case "H": return Integer.toString(d.hour());
            case "hh": return pad(hour12, 2);
            case "h": return Integer.toString(hour12);
            case "kk": return pad(d.hour() == 0 ? 24 : d.hour(), 2);
            case "k": return Integer.toString(d.hour() == 0 ? 24 : d.hour());
            case "mm": return pad(d.minute(), 2);
            case "m": return Integer.toString(d.minute());
            case "ss": return pad(d.second(), 2);
            case "s": return Integer.toString(d.second());
            case "SSS": return pad(d.millisecond(), 3);
            case "SS": return pad(d.millisecond() / 10, 2);
            case "S": return Integer.toString(d.millisecond() / 100);
            case "A": return d.hour() < 12 ? "AM" : "PM";
            case "a": return d.hour() < 12 ? "am" : "pm";
            case "ZZ": return offset(d.offsetMinutes(), false);
            case "Z": return offset(d.offsetMinutes(), true);
            case "X": return Long.toString(Math.floorDiv(d.toMillis(), 1000));
            default: return Long.toString(d.toMillis()); // "x"
        }
    }

    private static String pad(int n, int width) {
        String s = Integer.toString(Math.abs(n));
        return (n < 0 ? "-" : "") + "0".repeat(Math.max(0, width - s.length())) + s;
    }

    private static String ordinal(int n) {
        int tens = n % 100;
        String suffix = tens >= 11 && tens <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    private static String offset(int minutes, boolean colon) {
        int abs = Math.abs(minutes);
        return (minutes < 0 ? "-" : "+") + pad(abs / 60, 2) + (colon ? ":" : "") + pad(abs % 60, 2);
    }
}
