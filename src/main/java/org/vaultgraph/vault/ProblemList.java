package org.vaultgraph.vault;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Problems collected while reading, bounded so that a hostile vault cannot exhaust memory.
 *
 * <pre>{@code
 * ProblemList problems = new ProblemList(1000);
 * problems.add(Problem.at(path, line, 1, "..."));
 * problems.dropped(); // how many were counted but not kept
 * }</pre>
 */
final class ProblemList {
    private final int capacity;
    private final List<Problem> problems = new ArrayList<>();
    private long dropped;

    public ProblemList(int capacity) {
        if (capacity < 0) throw new IllegalArgumentException("capacity must be >= 0: " + capacity);
        this.capacity = capacity;
    }

    public synchronized void add(Problem problem) {
        if (problems.size() < capacity) problems.add(problem);
        else dropped++;
    }

    public synchronized void addAll(List<Problem> more) {
        more.forEach(this::add);
    }

    /** The problems kept, in the order they were added. */
    public synchronized List<Problem> list() {
        return Collections.unmodifiableList(new ArrayList<>(problems));
    }

    /** How many problems were reported beyond the capacity and not kept. */
    public synchronized long dropped() {
        return dropped;
    }

    public synchronized boolean isEmpty() {
        return problems.isEmpty() && dropped == 0;
    }

    public synchronized long total() {
        return problems.size() + dropped;
    }
}
