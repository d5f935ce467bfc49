package org.vaultgraph.render;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vaultgraph.dql.value.DateFormatter;
import org.vaultgraph.dql.value.DvDate;
import org.vaultgraph.dql.value.DvDuration;
import org.vaultgraph.dql.value.DvLink;
import org.vaultgraph.dql.value.JsNumbers;
import org.vaultgraph.dql.value.QuerySettings;
import org.vaultgraph.dql.value.Value;

/**
 * Turns query values into cells the way Dataview's views draw them: text as markdown, links as
 * {@code [[path|name]]}, numbers and booleans as JavaScript prints them, dates in the local zone in
 * the default formats, durations in words, lists and objects as lists, nothing deeper than four levels.
 *
 * <pre>{@code new Cells(QuerySettings.DEFAULTS, zone).of(value)}</pre>
 */
public final class Cells {
    private final QuerySettings settings;
    private final ZoneId zone;

    public Cells(QuerySettings settings, ZoneId zone) {
        this.settings = settings;
        this.zone = zone;
    }

    public Cell of(Value value) {
        return of(value, 0);
    }

    private Cell of(Value value, int depth) {
        if (depth >= 4) return new Cell.Plain("...");
        if (value instanceof Value.Null) return new Cell.Markdown(settings.renderNullAs());
        if (value instanceof Value.Text s) return new Cell.Markdown(s.value());
        if (value instanceof Value.Num n) return new Cell.Plain(JsNumbers.toString(n.value()));
        if (value instanceof Value.Bool b) return new Cell.Plain(Boolean.toString(b.value()));
        if (value instanceof DvDate d) return new Cell.Plain(minimalDate(d));
        if (value instanceof DvDuration d) return new Cell.Plain(d.toHuman());
        if (value instanceof DvLink l) return link(l);
        if (value instanceof Value.ListPair p) return new Cell.Pair(of(p.key(), depth), of(p.value(), depth));
        if (value instanceof Value.ExternalLink e) return new Cell.ExternalLink(e.url(), e.display() != null ? e.display() : e.url());
        if (value instanceof Value.Function) return new Cell.Plain("<function>");
        if (value instanceof Value.Array a) return new Cell.ListCell(a.items().stream().map(v -> of(v, depth + 1)).toList());
        if (value instanceof Value.Obj o) {
            List<Map.Entry<String, Cell>> entries = new ArrayList<>();
            o.entries().forEach((k, v) -> entries.add(Map.entry(k, of(v, depth + 1))));
            return new Cell.ObjectCell(entries);
        }
        return new Cell.Plain(value.toString());
    }

    /** Dataview's link markdown: without an alias it shows the file's name (and the heading or block after " > "). */
    private static Cell link(DvLink l) {
        String subpath = switch (l.type()) {
            case HEADER -> "#" + l.subpath();
            case BLOCK -> "#^" + l.subpath();
            default -> "";
        };
        String display = l.display() != null && !l.display().isEmpty() ? l.display()
                : title(l.path()) + (l.type() == DvLink.Type.FILE ? "" : " > " + l.subpath());
        return new Cell.LinkCell(l.path(), subpath, display);
    }

    /** Dataview's renderMinimalDate: in the local zone, the date format at midnight, else the date-time format. */
    public String minimalDate(DvDate d) {
        DvDate local = d.toLocal(zone);
        boolean midnight = local.second() == 0 && local.minute() == 0 && local.hour() == 0;
        return DateFormatter.format(local, midnight ? settings.defaultDateFormat() : settings.defaultDateTimeFormat());
    }

    /** The name a file shows: its last path segment without {@code .md}. */
    public static String title(String path) {
        return DvLink.fileTitle(path);
    }
}
