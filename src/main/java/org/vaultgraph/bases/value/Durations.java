package org.vaultgraph.bases.value;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaultgraph.dql.value.DvDuration;

/**
 * Durations as bases write them: a number and a unit, as the Bases syntax page's date arithmetic
 * lists them ({@code y year years}, {@code M month months}, {@code d day days}, {@code w week weeks},
 * {@code h hour hours}, {@code m minute minutes}, {@code s second seconds}), several of them in a row
 * ({@code "1d 4h"}), or an ISO 8601 duration ({@code P1DT4H}). {@code M} is a month, {@code m} a minute.
 *
 * <pre>{@code Durations.parse("2w") // 2 weeks}</pre>
 */
public final class Durations {
    private Durations() {}

    private static final Pattern PART = Pattern.compile("\\s*,?\\s*([+-]?\\d+(?:\\.\\d+)?)\\s*([A-Za-z]+)");
    private static final Pattern ISO = Pattern.compile("(-)?P(?:(\\d+(?:\\.\\d+)?)Y)?(?:(\\d+(?:\\.\\d+)?)M)?(?:(\\d+(?:\\.\\d+)?)W)?"
            + "(?:(\\d+(?:\\.\\d+)?)D)?(?:T(?:(\\d+(?:\\.\\d+)?)H)?(?:(\\d+(?:\\.\\d+)?)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?");

    /** The duration the text writes, or null when it writes none. */
    public static DvDuration parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) return null;
        Matcher iso = ISO.matcher(t);
        if (iso.matches() && t.length() > 1) return iso(iso);
        Map<DvDuration.Unit, Double> units = new EnumMap<>(DvDuration.Unit.class);
        Matcher m = PART.matcher(t);
        int end = 0;
        while (m.find() && m.start() == end) {
            DvDuration.Unit unit = unit(m.group(2));
            if (unit == null) return null;
            units.merge(unit, Double.parseDouble(m.group(1)), Double::sum);
            end = m.end();
        }
        if (end != t.length() || units.isEmpty()) return null;
        return DvDuration.of(units);
    }

    private static DvDuration.Unit unit(String name) {
        switch (name) {
            case "y": case "year": case "years": return DvDuration.Unit.YEARS;
            case "M": case "month": case "months": return DvDuration.Unit.MONTHS;
            case "w": case "week": case "weeks": return DvDuration.Unit.WEEKS;
            case "d": case "day": case "days": return DvDuration.Unit.DAYS;
            case "h": case "hour": case "hours": return DvDuration.Unit.HOURS;
            case "m": case "minute": case "minutes": return DvDuration.Unit.MINUTES;
            case "s": case "second": case "seconds": return DvDuration.Unit.SECONDS;
            default: return null;
        }
    }

    private static DvDuration iso(Matcher m) {
        Map<DvDuration.Unit, Double> units = new EnumMap<>(DvDuration.Unit.class);
        DvDuration.Unit[] order = {DvDuration.Unit.YEARS, DvDuration.Unit.MONTHS, DvDuration.Unit.WEEKS, DvDuration.Unit.DAYS,
            DvDuration.Unit.HOURS, DvDuration.Unit.MINUTES, DvDuration.Unit.SECONDS};
        for (int i = 0; i < order.length; i++) if (m.group(i + 2) != null) units.put(order[i], Double.parseDouble(m.group(i + 2)));
        if (units.isEmpty()) return null;
        DvDuration d = DvDuration.of(units);
        return m.group(1) != null ? d.negate() : d;
    }
}
