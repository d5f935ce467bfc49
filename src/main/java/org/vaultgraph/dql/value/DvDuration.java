package org.vaultgraph.dql.value;

import com.ibm.icu.number.NumberFormatter;
import com.ibm.icu.number.Precision;
import com.ibm.icu.util.MeasureUnit;
import com.ibm.icu.util.ULocale;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * A length of time as Dataview holds one (a Luxon duration): an amount per unit, for the units that
 * were given, with Luxon's "casual" conversions (a month is 30 days, a year 365). Units are kept as
 * written, so {@code dur(36 hours)} is 36 hours until something normalises it.
 *
 * <pre>{@code DvDuration.of(Map.of(DvDuration.Unit.HOURS, 36.0)).normalizeAll().toHuman() // "1 day, 12 hours"}</pre>
 */
public final class DvDuration implements Value {

    /** Luxon's units, largest first. */
    public enum Unit {
        YEARS, QUARTERS, MONTHS, WEEKS, DAYS, HOURS, MINUTES, SECONDS, MILLISECONDS;

        /** The unit's name in Luxon's plural form, e.g. "hours". */
        public String plural() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        String singular() {
            String p = plural();
            return p.substring(0, p.length() - 1);
        }

        /** A unit from its singular or plural name ("hour", "Hours"); null when there is none. */
        public static Unit named(String name) {
            String n = name.toLowerCase(java.util.Locale.ROOT);
            for (Unit u : values()) if (u.plural().equals(n) || u.singular().equals(n)) return u;
            return null;
        }
    }

    private static final Unit[] UNITS = Unit.values();
    // Milliseconds in one of each unit, casually: a year is 365 days, a quarter 91, a month 30.
    private static final double[] MILLIS = {365d * 86_400_000, 91d * 86_400_000, 30d * 86_400_000, 7d * 86_400_000, 86_400_000,
        3_600_000, 60_000, 1_000, 1};

    /** How many of {@code lower} one {@code higher} holds, as Luxon's casual matrix says. */
    private static double conversion(Unit higher, Unit lower) {
        if (higher == Unit.YEARS) {
            switch (lower) {
                case QUARTERS: return 4;
                case MONTHS: return 12;
                case WEEKS: return 52;
                default: return MILLIS[0] / MILLIS[lower.ordinal()];
            }
        }
        if (higher == Unit.QUARTERS) {
            switch (lower) {
                case MONTHS: return 3;
                case WEEKS: return 13;
                default: return MILLIS[1] / MILLIS[lower.ordinal()];
            }
        }
        if (higher == Unit.MONTHS && lower == Unit.WEEKS) return 4;
        return MILLIS[higher.ordinal()] / MILLIS[lower.ordinal()];
    }

    private final EnumMap<Unit, Double> values;

    private DvDuration(EnumMap<Unit, Double> values) {
        this.values = values;
    }

    public static DvDuration of(Map<Unit, Double> values) {
        EnumMap<Unit, Double> copy = new EnumMap<>(Unit.class);
        copy.putAll(values);
        return new DvDuration(copy);
    }

    public static DvDuration of(Unit unit, double amount) {
        EnumMap<Unit, Double> v = new EnumMap<>(Unit.class);
        v.put(unit, amount);
        return new DvDuration(v);
    }

    public static DvDuration ofMillis(double millis) {
        return of(Unit.MILLISECONDS, millis);
    }

    @Override
    public String typeName() {
        return "duration";
    }

    /** The units given, with their amounts, largest first. */
    public Map<Unit, Double> values() {
        return java.util.Collections.unmodifiableMap(values);
    }

    public boolean has(Unit unit) {
        return values.containsKey(unit);
    }

    /** The amount of a unit; 0 when the unit was not given. */
    public double get(Unit unit) {
        Double v = values.get(unit);
        return v == null ? 0 : v;
    }

    public double toMillis() {
        double sum = get(Unit.MILLISECONDS);
        for (int i = UNITS.length - 2; i >= 0; i--) {
            Double v = values.get(UNITS[i]);
            if (v != null && v != 0) sum += v * MILLIS[i];
        }
        return sum;
    }

    public DvDuration plus(DvDuration other) {
        EnumMap<Unit, Double> out = new EnumMap<>(Unit.class);
        for (Unit u : UNITS) {
            if (values.containsKey(u) || other.values.containsKey(u)) out.put(u, other.get(u) + get(u));
        }
        return new DvDuration(out);
    }

    public DvDuration minus(DvDuration other) {
        return plus(other.negate());
    }

    public DvDuration negate() {
        EnumMap<Unit, Double> out = new EnumMap<>(Unit.class);
        values.forEach((u, v) -> out.put(u, v == 0 ? 0 : -v));
        return new DvDuration(out);
    }

    public DvDuration mapUnits(DoubleUnaryOperator f) {
        EnumMap<Unit, Double> out = new EnumMap<>(Unit.class);
        values.forEach((u, v) -> out.put(u, f.applyAsDouble(v)));
        return new DvDuration(out);
    }

    /** This duration expressed in {@code units} only, carrying fractions down and remainders to the smallest. */
    public DvDuration shiftTo(Unit... units) {
        if (units.length == 0) return this;
        List<Unit> wanted = List.of(units);
        EnumMap<Unit, Double> built = new EnumMap<>(Unit.class);
        EnumMap<Unit, Double> accumulated = new EnumMap<>(Unit.class);
        Unit last = null;
        for (Unit k : UNITS) {
            if (wanted.contains(k)) {
                last = k;
                double own = 0;
                for (Map.Entry<Unit, Double> a : accumulated.entrySet()) {
                    own += conversion(a.getKey(), k) * a.getValue();
                    a.setValue(0.0);
                }
                Double mine = values.get(k);
                if (mine != null) own += mine;
                double whole = trunc(own);
                built.put(k, whole);
                accumulated.put(k, (own * 1000 - whole * 1000) / 1000);
            } else if (values.containsKey(k)) {
                accumulated.put(k, values.get(k));
            }
        }
        for (Map.Entry<Unit, Double> a : accumulated.entrySet()) {
            double rest = a.getValue();
            if (rest != 0) {
                built.put(last, built.get(last) + (a.getKey() == last ? rest : rest / conversion(last, a.getKey())));
            }
        }
        normalizeValues(built);
        return new DvDuration(built);
    }

    /** Luxon's {@code shiftToAll().normalize()}, which Dataview applies before showing a duration. */
    public DvDuration normalizeAll() {
        return shiftTo(Unit.YEARS, Unit.MONTHS, Unit.WEEKS, Unit.DAYS, Unit.HOURS, Unit.MINUTES, Unit.SECONDS, Unit.MILLISECONDS).normalize();
    }

    public DvDuration normalize() {
        EnumMap<Unit, Double> copy = new EnumMap<>(values);
        normalizeValues(copy);
        return new DvDuration(copy);
    }

    /** The whole duration in one unit, e.g. 60 hours as days is 2.5. */
    public double as(Unit unit) {
        return shiftTo(unit).get(unit);
    }

    /** Luxon's normalisation: roll excess of small units up, then push fractions of large units down. */
    private static void normalizeValues(EnumMap<Unit, Double> vals) {
        double factor = new DvDuration(vals).toMillis() < 0 ? -1 : 1;
        Unit previous = null;
        for (int i = UNITS.length - 1; i >= 0; i--) {
            Unit current = UNITS[i];
            if (!vals.containsKey(current)) continue;
            if (previous != null) {
                double previousVal = vals.get(previous) * factor;
                double conv = conversion(current, previous);
                double rollUp = Math.floor(previousVal / conv);
                vals.put(current, vals.get(current) + rollUp * factor);
                vals.put(previous, vals.get(previous) - rollUp * conv * factor);
            }
            previous = current;
        }
        previous = null;
        for (Unit current : UNITS) {
            if (!vals.containsKey(current)) continue;
            if (previous != null) {
                double fraction = vals.get(previous) % 1;
                vals.put(previous, vals.get(previous) - fraction);
                vals.put(current, vals.get(current) + fraction * conversion(previous, current));
            }
            previous = current;
        }
    }

    private static double trunc(double v) {
        return v < 0 ? Math.ceil(v) : Math.floor(v);
    }

    /** Luxon's {@code equals}: the same amount in every unit, a missing unit counting as 0. */
    public boolean sameUnits(DvDuration other) {
        for (Unit u : UNITS) {
            if (get(u) != other.get(u)) return false;
        }
        return true;
    }

    /** Luxon's {@code toISO()}. */
    public String toIso() {
        StringBuilder s = new StringBuilder("P");
        if (get(Unit.YEARS) != 0) s.append(num(get(Unit.YEARS))).append('Y');
        if (get(Unit.MONTHS) != 0 || get(Unit.QUARTERS) != 0) s.append(num(get(Unit.MONTHS) + get(Unit.QUARTERS) * 3)).append('M');
        if (get(Unit.WEEKS) != 0) s.append(num(get(Unit.WEEKS))).append('W');
        if (get(Unit.DAYS) != 0) s.append(num(get(Unit.DAYS))).append('D');
        if (get(Unit.HOURS) != 0 || get(Unit.MINUTES) != 0 || get(Unit.SECONDS) != 0 || get(Unit.MILLISECONDS) != 0) s.append('T');
        if (get(Unit.HOURS) != 0) s.append(num(get(Unit.HOURS))).append('H');
        if (get(Unit.MINUTES) != 0) s.append(num(get(Unit.MINUTES))).append('M');
        if (get(Unit.SECONDS) != 0 || get(Unit.MILLISECONDS) != 0) {
            double seconds = get(Unit.SECONDS) + get(Unit.MILLISECONDS) / 1000;
            s.append(num(Math.round(seconds * 1000) / 1000.0)).append('S');
        }
        if (s.length() == 1) s.append("T0S");
        return s.toString();
    }

    private static String num(double v) {
        return JsNumbers.toString(v);
    }

    /** The text Dataview shows: normalised, zero units left out, each unit in words ("1 day, 12 hours"). */
    public String toHuman() {
        DvDuration d = normalizeAll();
        List<String> parts = new ArrayList<>();
        for (Unit u : UNITS) {
            Double v = d.values.get(u);
            if (v == null || v == 0) continue;
            parts.add(unitText(u, v));
        }
        return String.join(", ", parts);
    }

    private static String unitText(Unit unit, double amount) {
        MeasureUnit measure = switch (unit) {
            case YEARS -> MeasureUnit.YEAR;
            case QUARTERS -> MeasureUnit.QUARTER;
            case MONTHS -> MeasureUnit.MONTH;
            case WEEKS -> MeasureUnit.WEEK;
            case DAYS -> MeasureUnit.DAY;
            case HOURS -> MeasureUnit.HOUR;
            case MINUTES -> MeasureUnit.MINUTE;
            case SECONDS -> MeasureUnit.SECOND;
            case MILLISECONDS -> MeasureUnit.MILLISECOND;
        };
        return NumberFormatter.withLocale(ULocale.US).unit(measure).unitWidth(NumberFormatter.UnitWidth.FULL_NAME)
                .precision(Precision.maxFraction(3)).roundingMode(RoundingMode.HALF_UP).format(amount).toString();
    }

    /**
     * Luxon's {@code toFormat} for durations: {@code y M w d h m s S} tokens (repeated to pad), quoted
     * literals; the duration is first shifted to the units the format names, amounts rounded down.
     */
    public String toFormat(String format) {
        List<DateFormatter.Part> parts = DateFormatter.split(format);
        List<Unit> named = new ArrayList<>();
        for (DateFormatter.Part p : parts) {
            Unit u = p.literal() ? null : formatUnit(p.text().charAt(0));
            if (u != null && !named.contains(u)) named.add(u);
        }
        named.sort(null);
        DvDuration shifted = shiftTo(named.toArray(new Unit[0]));
        StringBuilder out = new StringBuilder();
        for (DateFormatter.Part p : parts) {
            Unit u = p.literal() ? null : formatUnit(p.text().charAt(0));
            if (u == null) {
                out.append(p.text());
            } else {
                double v = shifted.get(u);
                long whole = (long) Math.floor(v);
                String digits = Long.toString(Math.abs(whole));
                String padded = digits.length() < p.text().length() ? "0".repeat(p.text().length() - digits.length()) + digits : digits;
                out.append(whole < 0 ? "-" : "").append(padded);
            }
        }
        return out.toString();
    }

    private static Unit formatUnit(char c) {
        return switch (c) {
            case 'y' -> Unit.YEARS;
            case 'M' -> Unit.MONTHS;
            case 'w' -> Unit.WEEKS;
            case 'd' -> Unit.DAYS;
            case 'h' -> Unit.HOURS;
            case 'm' -> Unit.MINUTES;
            case 's' -> Unit.SECONDS;
            case 'S' -> Unit.MILLISECONDS;
            default -> null;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DvDuration d && d.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return toIso();
    }
}
