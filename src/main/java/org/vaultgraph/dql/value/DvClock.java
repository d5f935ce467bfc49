package org.vaultgraph.dql.value;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The time a query runs at and the zone dates without one are read in: what {@code date(today)} and
 * {@code date(now)} mean, fixed for one query so that its answer can be reproduced.
 *
 * <pre>{@code DvClock.system().today()}</pre>
 */
public record DvClock(ZoneId zone, Instant now) {

    public static DvClock system() {
        return new DvClock(ZoneId.systemDefault(), Instant.now());
    }

    public DvDate nowDate() {
        return DvDate.ofInstant(now, zone);
    }

    public DvDate today() {
        return nowDate().startOf(ChronoUnit.DAYS);
    }

    /** Dataview's date shorthands ({@code today}, {@code sow}, {@code end-of-month}...); null for another word. */
    public DvDate shorthand(String name) {
        return switch (name) {
            case "now" -> nowDate();
            case "today" -> today();
            case "yesterday" -> today().minus(DvDuration.of(DvDuration.Unit.DAYS, 1));
            case "tomorrow" -> today().plus(DvDuration.of(DvDuration.Unit.DAYS, 1));
            case "sow", "start-of-week" -> nowDate().startOf(ChronoUnit.WEEKS);
            case "eow", "end-of-week" -> nowDate().endOf(ChronoUnit.WEEKS);
            case "soy", "start-of-year" -> nowDate().startOf(ChronoUnit.YEARS);
            case "eoy", "end-of-year" -> nowDate().endOf(ChronoUnit.YEARS);
            case "som", "start-of-month" -> nowDate().startOf(ChronoUnit.MONTHS);
            case "eom", "end-of-month" -> nowDate().endOf(ChronoUnit.MONTHS);
            default -> null;
        };
    }

    /** The shorthands, longest first, as Dataview's parser tries them. */
    public static final java.util.List<String> SHORTHANDS = java.util.List.of("start-of-month", "start-of-week", "start-of-year",
            "end-of-month", "end-of-week", "end-of-year", "yesterday", "tomorrow", "today", "now", "sow", "eow", "soy", "eoy", "som", "eom");
}
