package org.vaultgraph.dql.value;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Objects;

/**
 * A date-time as Dataview holds one (a Luxon DateTime): an instant to the millisecond and the zone it
 * is seen in. Dates written without a zone live in the local zone; {@code +05:00} gives a fixed
 * offset; {@code Z} gives UTC. Two dates are equal only when both the instant and the zone are.
 *
 * <pre>{@code DvDate.local(LocalDateTime.of(2025, 1, 30, 0, 0), zone).toIso() // "2025-01-30T00:00:00.000-05:00"}</pre>
 */
public final class DvDate implements Value {

    /** The zone of a date: the local one, a fixed offset (UTC is offset 0), or a named zone such as Europe/Paris. */
    public enum ZoneKind { LOCAL, FIXED, NAMED }

    private final ZonedDateTime time;
    private final ZoneKind kind;

    private DvDate(ZonedDateTime time, ZoneKind kind) {
        this.time = time.truncatedTo(ChronoUnit.MILLIS);
        this.kind = kind;
    }

    /** A wall-clock time in the local zone. */
    public static DvDate local(LocalDateTime wallClock, ZoneId localZone) {
        return new DvDate(ZonedDateTime.ofLocal(wallClock, localZone, null), ZoneKind.LOCAL);
    }

    /** An instant seen in the local zone. */
    public static DvDate ofInstant(Instant instant, ZoneId localZone) {
        return new DvDate(instant.atZone(localZone), ZoneKind.LOCAL);
    }

    public static DvDate of(ZonedDateTime time, ZoneKind kind) {
        return new DvDate(time, kind);
    }

    @Override
    public String typeName() {
        return "date";
    }

    public ZonedDateTime time() {
        return time;
    }

    public ZoneKind kind() {
        return kind;
    }

    public long toMillis() {
        return time.toInstant().toEpochMilli();
    }

    public int year() {
        return time.getYear();
    }

    public int month() {
        return time.getMonthValue();
    }

    public int day() {
        return time.getDayOfMonth();
    }

    public int hour() {
        return time.getHour();
    }

    public int minute() {
        return time.getMinute();
    }

    public int second() {
        return time.getSecond();
    }

    public int millisecond() {
        return time.getNano() / 1_000_000;
    }

    /** 1 for Monday to 7 for Sunday. */
    public int weekday() {
        return time.getDayOfWeek().getValue();
    }

    /** The ISO week of the year. */
    public int weekNumber() {
        return time.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    public int weekYear() {
        return time.get(IsoFields.WEEK_BASED_YEAR);
    }

    public int quarter() {
        return (month() - 1) / 3 + 1;
    }

    public int ordinal() {
        return time.getDayOfYear();
    }

    /** The UTC offset in minutes. */
    public int offsetMinutes() {
        return time.getOffset().getTotalSeconds() / 60;
    }

    /** Luxon's name of the zone: the IANA name, or "UTC", "UTC-5", "UTC+5:30" for fixed offsets. */
    public String zoneName() {
        if (kind != ZoneKind.FIXED) return time.getZone().getId();
        int minutes = offsetMinutes();
        if (minutes == 0) return "UTC";
        int abs = Math.abs(minutes);
        return "UTC" + (minutes < 0 ? "-" : "+") + (abs / 60) + (abs % 60 == 0 ? "" : ":" + String.format("%02d", abs % 60));
    }

    /** The same instant in another zone, or (keepLocalTime) the same wall-clock time in another zone. */
    public DvDate withZone(ZoneId zone, ZoneKind zoneKind, boolean keepLocalTime) {
        ZonedDateTime moved = keepLocalTime ? ZonedDateTime.ofLocal(time.toLocalDateTime(), zone, null) : time.withZoneSameInstant(zone);
        return new DvDate(moved, zoneKind);
    }

    /** Luxon's {@code toLocal()}. */
    public DvDate toLocal(ZoneId localZone) {
        return new DvDate(time.withZoneSameInstant(localZone), ZoneKind.LOCAL);
    }

    /** Adds a duration the way Luxon does: calendar units on the wall clock, then time units as elapsed time. */
    public DvDate plus(DvDuration d) {
        long years = (long) trunc(d.get(DvDuration.Unit.YEARS));
        long months = (long) trunc(d.get(DvDuration.Unit.MONTHS)) + (long) trunc(d.get(DvDuration.Unit.QUARTERS)) * 3;
        long days = (long) trunc(d.get(DvDuration.Unit.DAYS)) + (long) trunc(d.get(DvDuration.Unit.WEEKS)) * 7;
        LocalDateTime wall = time.toLocalDateTime().plusMonths(years * 12 + months).plusDays(days);
        double millis = DvDuration.of(java.util.Map.of(
                DvDuration.Unit.YEARS, d.get(DvDuration.Unit.YEARS) - trunc(d.get(DvDuration.Unit.YEARS)),
                DvDuration.Unit.QUARTERS, d.get(DvDuration.Unit.QUARTERS) - trunc(d.get(DvDuration.Unit.QUARTERS)),
                DvDuration.Unit.MONTHS, d.get(DvDuration.Unit.MONTHS) - trunc(d.get(DvDuration.Unit.MONTHS)),
                DvDuration.Unit.WEEKS, d.get(DvDuration.Unit.WEEKS) - trunc(d.get(DvDuration.Unit.WEEKS)),
                DvDuration.Unit.DAYS, d.get(DvDuration.Unit.DAYS) - trunc(d.get(DvDuration.Unit.DAYS)),
                DvDuration.Unit.HOURS, d.get(DvDuration.Unit.HOURS),
                DvDuration.Unit.MINUTES, d.get(DvDuration.Unit.MINUTES),
                DvDuration.Unit.SECONDS, d.get(DvDuration.Unit.SECONDS),
                DvDuration.Unit.MILLISECONDS, d.get(DvDuration.Unit.MILLISECONDS))).as(DvDuration.Unit.MILLISECONDS);
        ZonedDateTime moved = ZonedDateTime.ofLocal(wall, time.getZone(), time.getOffset());
        if (millis != 0) moved = moved.plusNanos(Math.round(millis) * 1_000_000L);
        return new DvDate(moved, kind);
    }

    public DvDate minus(DvDuration d) {
        return plus(d.negate());
    }

    private static double trunc(double v) {
        return v < 0 ? Math.ceil(v) : Math.floor(v);
    }

    /**
     * Luxon's {@code diff(other, units)}: the duration from {@code other} to this date in the given units,
     * calendar units first, negative when this date is earlier.
     */
    public DvDuration diff(DvDate other, DvDuration.Unit... units) {
        boolean otherIsLater = other.toMillis() > toMillis();
        DvDate earlier = otherIsLater ? this : other;
        DvDate later = otherIsLater ? other : this;
        DvDuration d = diffOrdered(earlier, later, java.util.List.of(units));
        return otherIsLater ? d.negate() : d;
    }

    private static DvDuration diffOrdered(DvDate earlier, DvDate later, java.util.List<DvDuration.Unit> units) {
        java.util.EnumMap<DvDuration.Unit, Double> results = new java.util.EnumMap<>(DvDuration.Unit.class);
        DvDate cursor = earlier;
        DvDate highWater = null;
        DvDuration.Unit lowestOrder = null;
        DvDuration.Unit[] high = {DvDuration.Unit.YEARS, DvDuration.Unit.QUARTERS, DvDuration.Unit.MONTHS, DvDuration.Unit.WEEKS, DvDuration.Unit.DAYS};
        for (DvDuration.Unit unit : high) {
            if (!units.contains(unit)) continue;
            lowestOrder = unit;
            results.put(unit, (double) highOrderDiff(unit, cursor, later));
            highWater = earlier.plus(DvDuration.of(results));
            if (highWater.toMillis() > later.toMillis()) {
                results.put(unit, results.get(unit) - 1);
                cursor = earlier.plus(DvDuration.of(results));
                if (cursor.toMillis() > later.toMillis()) {
                    highWater = cursor;
                    results.put(unit, results.get(unit) - 1);
                    cursor = earlier.plus(DvDuration.of(results));
                }
            } else {
                cursor = highWater;
            }
        }
        double remaining = later.toMillis() - cursor.toMillis();
        java.util.List<DvDuration.Unit> lower = new java.util.ArrayList<>();
        for (DvDuration.Unit u : units) {
            if (u.ordinal() >= DvDuration.Unit.HOURS.ordinal()) lower.add(u);
        }
        lower.sort(null);
        if (lower.isEmpty()) {
            if (lowestOrder == null) return DvDuration.of(results);
            if (highWater == null || highWater.toMillis() < later.toMillis()) highWater = cursor.plus(DvDuration.of(lowestOrder, 1));
            if (highWater.toMillis() != cursor.toMillis()) {
                results.put(lowestOrder, results.getOrDefault(lowestOrder, 0.0) + remaining / (highWater.toMillis() - cursor.toMillis()));
            }
            return DvDuration.of(results);
        }
        return DvDuration.ofMillis(remaining).shiftTo(lower.toArray(new DvDuration.Unit[0])).plus(DvDuration.of(results));
    }

    private static long highOrderDiff(DvDuration.Unit unit, DvDate a, DvDate b) {
        return switch (unit) {
            case YEARS -> b.year() - a.year();
            case QUARTERS -> b.quarter() - a.quarter() + (b.year() - a.year()) * 4L;
            case MONTHS -> b.month() - a.month() + (b.year() - a.year()) * 12L;
            case WEEKS -> {
                long days = dayDiff(a, b);
                yield (days - days % 7) / 7;
            }
            default -> dayDiff(a, b);
        };
    }

    /** Whole days between the two wall-clock dates. */
    private static long dayDiff(DvDate earlier, DvDate later) {
        return ChronoUnit.DAYS.between(earlier.time.toLocalDate(), later.time.toLocalDate());
    }

    /** Luxon's {@code startOf(unit)}: the first instant of the year, month, ISO week or day, in this date's zone. */
    public DvDate startOf(ChronoUnit unit) {
        LocalDate date = time.toLocalDate();
        LocalDate start = switch (unit) {
            case YEARS -> date.withDayOfYear(1);
            case MONTHS -> date.withDayOfMonth(1);
            case WEEKS -> date.with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case DAYS -> date;
            default -> throw new IllegalArgumentException("startOf " + unit);
        };
        return new DvDate(ZonedDateTime.ofLocal(start.atStartOfDay(), time.getZone(), null), kind);
    }

    /** Luxon's {@code endOf(unit)}: one millisecond before the start of the next one. */
    public DvDate endOf(ChronoUnit unit) {
        DvDate start = startOf(unit);
        ZonedDateTime next = ZonedDateTime.ofLocal(start.time.toLocalDateTime().plus(1, unit), time.getZone(), null);
        return new DvDate(next.minusNanos(1_000_000), kind);
    }

    /** Luxon's {@code toISO()}, e.g. "2025-01-30T16:40:43.000-05:00" ("Z" for a fixed UTC zone). */
    public String toIso() {
        String offset;
        if (kind == ZoneKind.FIXED && offsetMinutes() == 0) {
            offset = "Z";
        } else {
            int m = offsetMinutes();
            int abs = Math.abs(m);
            offset = (m < 0 ? "-" : "+") + String.format("%02d:%02d", abs / 60, abs % 60);
        }
        int y = year();
        String year = y >= 0 && y <= 9999 ? String.format("%04d", y) : (y < 0 ? "-" : "+") + String.format("%06d", Math.abs(y));
        return year + String.format("-%02d-%02dT%02d:%02d:%02d.%03d", month(), day(), hour(), minute(), second(), millisecond()) + offset;
    }

    /** Luxon's equality: the same instant in the same zone. */
    @Override
    public boolean equals(Object o) {
        return o instanceof DvDate d && d.toMillis() == toMillis() && d.kind == kind && d.time.getZone().equals(time.getZone());
    }

    @Override
    public int hashCode() {
        return Objects.hash(toMillis(), kind, time.getZone());
    }

    @Override
    public String toString() {
        return toIso();
    }

    /** A zone for a fixed offset, as Luxon writes {@code UTC+5} or {@code UTC-05:30}. */
    public static ZoneOffset offset(int minutes) {
        return ZoneOffset.ofTotalSeconds(minutes * 60);
    }
}
