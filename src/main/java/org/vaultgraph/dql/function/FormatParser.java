package org.vaultgraph.dql.function;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaultgraph.dql.value.DateFormatter;
import org.vaultgraph.dql.value.DvDate;

/**
 * Reads a date written in a given Luxon format, as {@code date(text, format)} does: the common tokens
 * (years, months by number or English name, days, 12- and 24-hour clocks, minutes, seconds,
 * milliseconds, AM/PM, offsets, weekday names), the rest matched literally. Null when the text does not fit.
 *
 * <pre>{@code FormatParser.parse("30.01.2025", "dd.MM.yyyy", zone)}</pre>
 */
final class FormatParser {
    private FormatParser() {}

    private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december");

    static DvDate parse(String text, String format, ZoneId local) {
        StringBuilder regex = new StringBuilder("^");
        List<String> tokens = new java.util.ArrayList<>();
        for (DateFormatter.Part part : DateFormatter.split(format)) {
            if (part.literal()) {
                regex.append(Pattern.quote(part.text()));
                continue;
            }
            String group = switch (part.text()) {
                case "yyyy" -> "(\\d{4})";
                case "yy" -> "(\\d{2})";
                case "y" -> "(\\d{1,6})";
                case "MM", "LL", "dd", "HH", "hh", "mm", "ss" -> "(\\d{2})";
                case "M", "L", "d", "H", "h", "m", "s" -> "(\\d{1,2})";
                case "MMM", "LLL" -> "([A-Za-z]{3})";
                case "MMMM", "LLLL" -> "([A-Za-z]+)";
                case "SSS" -> "(\\d{3})";
                case "S" -> "(\\d{1,3})";
                case "a" -> "(AM|PM|am|pm)";
                case "Z", "ZZ", "ZZZ" -> "([+-]\\d{1,2}(?::?\\d{2})?|Z)";
                case "EEE", "ccc" -> "([A-Za-z]{3})";
                case "EEEE", "cccc" -> "([A-Za-z]+)";
                default -> null;
            };
            if (group == null) {
                regex.append(Pattern.quote(part.text()));
            } else {
                regex.append(group);
                tokens.add(part.text());
            }
        }
        Matcher m = Pattern.compile(regex.append('$').toString()).matcher(text);
        if (!m.matches()) return null;
        int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0, milli = 0;
        Boolean pm = null;
        ZoneId zone = local;
        DvDate.ZoneKind kind = DvDate.ZoneKind.LOCAL;
        for (int i = 0; i < tokens.size(); i++) {
            String v = m.group(i + 1);
            switch (tokens.get(i)) {
                case "yyyy", "y" -> year = Integer.parseInt(v);
                case "yy" -> year = 2000 + Integer.parseInt(v) - (Integer.parseInt(v) > 60 ? 100 : 0);
                case "MM", "LL", "M", "L" -> month = Integer.parseInt(v);
                case "MMM", "LLL", "MMMM", "LLLL" -> {
                    month = -1;
                    for (int k = 0; k < 12; k++) {
                        String name = MONTHS.get(k);
                        if (name.equals(v.toLowerCase(Locale.ROOT)) || name.substring(0, 3).equals(v.toLowerCase(Locale.ROOT))) month = k + 1;
                    }
                    if (month < 0) return null;
                }
                case "dd", "d" -> day = Integer.parseInt(v);
                case "HH", "H", "hh", "h" -> hour = Integer.parseInt(v);
                case "mm", "m" -> minute = Integer.parseInt(v);
                case "ss", "s" -> second = Integer.parseInt(v);
                case "SSS", "S" -> milli = Integer.parseInt(v);
                case "a" -> pm = v.equalsIgnoreCase("PM");
                case "Z", "ZZ", "ZZZ" -> {
                    if (v.equals("Z")) {
                        zone = ZoneOffset.UTC;
                    } else {
                        String digits = v.substring(1).replace(":", "");
                        int hours = Integer.parseInt(digits.length() > 2 ? digits.substring(0, digits.length() - 2) : digits);
                        int mins = digits.length() > 2 ? Integer.parseInt(digits.substring(digits.length() - 2)) : 0;
                        int total = (hours * 60 + mins) * (v.charAt(0) == '-' ? -1 : 1);
                        zone = ZoneOffset.ofTotalSeconds(total * 60);
                    }
                    kind = DvDate.ZoneKind.FIXED;
                }
                default -> { }
            }
        }
        if (pm != null) {
            if (hour > 12 || hour < 1) return null;
            hour = hour % 12 + (pm ? 12 : 0);
        }
        try {
            LocalDateTime wall = LocalDateTime.of(year, month, day, hour, minute, second, milli * 1_000_000);
            DvDate parsed = DvDate.of(ZonedDateTime.ofLocal(wall, zone, null), kind);
            // Luxon shows a date read with an offset in the local zone.
            return kind == DvDate.ZoneKind.FIXED ? parsed.toLocal(local) : parsed;
        } catch (DateTimeException e) {
            return null;
        }
    }
}
