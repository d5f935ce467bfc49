package org.vaultgraph.render;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaultgraph.dql.DqlValue;

/**
 * Turns query values into table cells the way Dataview shows them: links as {@code [[path|name]]},
 * dates as "January 30, 2025", numbers as JavaScript prints them.
 *
 * <pre>{@code Cells.of(new DqlValue.DateValue("2025-01-30", false)) // Plain("January 30, 2025")}</pre>
 */
public final class Cells {
    private Cells() {}

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM dd, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("h:mm a - MMMM dd, yyyy", Locale.ENGLISH);
    private static final Pattern DURATION = Pattern.compile("P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:([\\d.]+)S)?)?");

    public static Cell of(DqlValue value) {
        if (value instanceof DqlValue.Str s) return new Cell.Markdown(s.value());
        if (value instanceof DqlValue.Num n) return new Cell.Plain(number(n.value()));
        if (value instanceof DqlValue.Bool b) return new Cell.Plain(Boolean.toString(b.value()));
        if (value instanceof DqlValue.DateValue d) return new Cell.Plain(date(d));
        if (value instanceof DqlValue.Duration d) return new Cell.Plain(duration(d.lexical()));
        if (value instanceof DqlValue.LinkValue l) {
            // Dataview writes every link with the file's name as its text: [[Folder/Note.md|Note]].
            return new Cell.LinkCell(l.path(), l.subpath(), l.display() != null ? l.display() : title(l.path()));
        }
        if (value instanceof DqlValue.ListValue list) return new Cell.ListCell(list.items().stream().map(Cells::of).toList());
        if (value instanceof DqlValue.ObjectValue o) {
            List<Cell> entries = new ArrayList<>();
            o.entries().forEach((k, v) -> entries.add(new Cell.Plain(k + ": " + text(v))));
            return new Cell.ListCell(entries);
        }
        return new Cell.Empty();
    }

    /** The name a file shows: its last path segment without {@code .md}. */
    public static String title(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
    }

    /** As JavaScript prints a number: no trailing zeros, no exponent for ordinary sizes. */
    public static String number(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() <= 0 ? stripped.toBigInteger().toString() : stripped.toPlainString();
    }

    static String date(DqlValue.DateValue d) {
        String local = d.lexical().replaceAll("(Z|[+-]\\d{2}:\\d{2})$", "");
        if (!d.hasTime()) return LocalDate.parse(local.substring(0, 10)).format(DATE);
        LocalDateTime time = LocalDateTime.parse(local);
        return time.toLocalTime().toSecondOfDay() == 0 && time.getNano() == 0 ? time.format(DATE) : time.format(DATE_TIME);
    }

    /** Luxon's human form of a duration, e.g. "4 hours, 15 minutes". */
    public static String duration(String lexical) {
        Matcher m = DURATION.matcher(lexical);
        if (!m.matches()) return lexical;
        String[] units = {"year", "month", "day", "hour", "minute", "second"};
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < units.length; i++) {
            String amount = m.group(i + 1);
            if (amount == null || new BigDecimal(amount).signum() == 0) continue;
            parts.add(number(new BigDecimal(amount)) + " " + units[i] + (new BigDecimal(amount).compareTo(BigDecimal.ONE) == 0 ? "" : "s"));
        }
        return parts.isEmpty() ? "0 seconds" : String.join(", ", parts);
    }

    private static String text(DqlValue v) {
        Cell c = of(v);
        if (c instanceof Cell.Plain p) return p.text();
        if (c instanceof Cell.Markdown m) return m.text();
        if (c instanceof Cell.LinkCell l) return l.display();
        return "-";
    }
}
