package org.vaultgraph.vault;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Collects one kind of thing found in a note up to a limit, and counts what it leaves out.
 *
 * <pre>{@code
 * Capped<Link> links = Capped.distinctAfter(10_000, 100_000, Link::target);
 * links.add(link);       // false when left out
 * links.kept();
 * links.problem("a.md", "links", "target", Link::line); // empty when nothing was left out
 * }</pre>
 */
final class Capped<T> {
    private final int asWritten;
    private final int total;
    private final Function<T, ?> key;
    private final List<T> kept = new ArrayList<>();
    private final Set<Object> keys = new HashSet<>();
    private int admitted;
    private long leftOut;
    private T firstLeftOut;

    private Capped(int asWritten, int total, Function<T, ?> key) {
        this.asWritten = asWritten;
        this.total = total;
        this.key = key;
    }

    /** Keeps the first {@code limit} items. */
    static <T> Capped<T> first(int limit) {
        return new Capped<>(limit, limit, null);
    }

    /** Keeps the first {@code asWritten} items, then only those with a key not seen before, up to {@code total} in all. */
    static <T> Capped<T> distinctAfter(int asWritten, int total, Function<T, ?> key) {
        return new Capped<>(asWritten, total, key);
    }

    /** Whether the item has room, counting it either way; the caller keeps it. */
    boolean admit(T item) {
        if (admitted < asWritten) {
            if (key != null) keys.add(key.apply(item));
            admitted++;
            return true;
        }
        if (key != null && admitted < total && keys.add(key.apply(item))) {
            admitted++;
            return true;
        }
        if (leftOut++ == 0) firstLeftOut = item;
        return false;
    }

    /** Keeps the item when it has room; false when it is left out. */
    boolean add(T item) {
        if (!admit(item)) return false;
        kept.add(item);
        return true;
    }

    List<T> kept() {
        return kept;
    }

    /**
     * One line saying what was left out, at the line of the first item left out; empty when nothing was.
     *
     * @param plural what the items are, e.g. "links"
     * @param target what their key names, e.g. "target"
     */
    java.util.Optional<Problem> problem(String path, String plural, String target, ToIntFunction<T> line) {
        if (leftOut == 0) return java.util.Optional.empty();
        String rule = key == null ? ""
                : String.format(Locale.ROOT, "; after those only the first to each other %s is kept (%,d here, at most %,d in all)",
                        target, admitted - asWritten, total);
        return java.util.Optional.of(Problem.minor(path, line.applyAsInt(firstLeftOut), 0, String.format(Locale.ROOT,
                "has %,d %s, more than the %,d kept as written%s, so %,d from this line on are left out of the graph"
                        + " (the note's text keeps them)", admitted + leftOut, plural, asWritten, rule, leftOut)));
    }
}
