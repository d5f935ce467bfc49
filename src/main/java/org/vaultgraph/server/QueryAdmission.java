package org.vaultgraph.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Bounds how many dataset operations (queries, Graph Store reads, updates) run at once, in total and
 * per client address. The rest wait in a bounded queue for at most the query timeout, then get 503
 * with {@code Retry-After}. A query text that just ran out of time is refused (503, {@code Retry-After}
 * saying when to try again) for a cool-down instead of being run again: it would only time out again,
 * holding a core all the while.
 */
final class QueryAdmission implements Filter {
    /** Request attribute under which {@link QueryLimitsFilter} leaves the query text it passes on. */
    static final String QUERY_TEXT = "vaultgraph.query";

    private static final Set<String> PATHS = Set.of("sparql", "query", "get", "data", "update").stream()
            .map(name -> VaultServer.DATASET + "/" + name).collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final int REMEMBERED_RUNAWAYS = 512;

    private final Limits limits;
    private final long timeoutMillis;
    private final Object lock = new Object();
    private int running;
    private int queued;
    private final Map<String, Integer> runningByClient = new HashMap<>();
    private final Map<String, Integer> queuedByClient = new HashMap<>();
    private final Map<String, Long> refusedUntil = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED_RUNAWAYS;
        }
    });

    /**
     * @param running   operations running at once, in total
     * @param perClient operations running at once for one client address
     * @param queued    operations that may wait for a place (one client may hold half of them)
     * @param cooldownMillis how long a query text that ran out of time is refused
     */
    record Limits(int running, int perClient, int queued, long cooldownMillis) {
        Limits {
            if (running < 1 || perClient < 1 || queued < 0 || cooldownMillis < 0) {
                throw new IllegalArgumentException("query limits must be positive: " + running + " running, " + perClient
                        + " per client, " + queued + " queued");
            }
        }

        /** Twice the cores in total, half of that per client, 128 waiting, one minute of cool-down. */
        static Limits defaults() {
            int total = 2 * Runtime.getRuntime().availableProcessors();
            return new Limits(total, Math.max(1, total / 2), 128, 60_000);
        }
    }

    QueryAdmission(Limits limits, long timeoutMillis) {
        this.limits = limits;
        this.timeoutMillis = timeoutMillis;
    }

    /** How many operations run now. */
    int running() {
        synchronized (lock) {
            return running;
        }
    }

    /** How many operations wait for a place now. */
    int queued() {
        synchronized (lock) {
            return queued;
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (!PATHS.contains(request.getRequestURI()) || request.getMethod().equals("OPTIONS")) {
            chain.doFilter(req, res);
            return;
        }
        String text = (String) request.getAttribute(QUERY_TEXT);
        Long until = text == null ? null : refusedUntil.get(text);
        long now = System.currentTimeMillis();
        if (until != null && until > now) {
            refuse(response, (until - now + 999) / 1000, "this query ran out of time a moment ago and would again; it is refused until the cool-down ends");
            return;
        }
        String client = request.getRemoteAddr();
        String refusal = enter(client, now + timeoutMillis);
        if (refusal != null) {
            refuse(response, 1, refusal);
            return;
        }
        long start = System.nanoTime();
        try {
            chain.doFilter(req, res);
        } finally {
            leave(client);
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            if (text != null && limits.cooldownMillis() > 0 && (response.getStatus() == 503 || elapsed >= timeoutMillis)) {
                refusedUntil.put(text, System.currentTimeMillis() + limits.cooldownMillis());
            }
        }
    }

    /** Takes a place, waiting in the queue until the deadline if need be; null when taken, else why not. */
    private String enter(String client, long deadline) {
        synchronized (lock) {
            if (!canRun(client)) {
                if (queued >= limits.queued() || queuedByClient.getOrDefault(client, 0) >= Math.max(1, limits.queued() / 2)) {
                    return "the server is busy: " + running + " operations running and " + queued + " waiting";
                }
                queued++;
                queuedByClient.merge(client, 1, Integer::sum);
                try {
                    while (!canRun(client)) {
                        long wait = deadline - System.currentTimeMillis();
                        if (wait <= 0) return "the server is busy: no place freed up within the query timeout";
                        lock.wait(wait);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return "the server is stopping";
                } finally {
                    queued--;
                    queuedByClient.merge(client, -1, (a, b) -> a + b == 0 ? null : a + b);
                }
            }
            running++;
            runningByClient.merge(client, 1, Integer::sum);
            return null;
        }
    }

    private boolean canRun(String client) {
        return running < limits.running() && runningByClient.getOrDefault(client, 0) < limits.perClient();
    }

    private void leave(String client) {
        synchronized (lock) {
            running--;
            runningByClient.merge(client, -1, (a, b) -> a + b == 0 ? null : a + b);
            lock.notifyAll();
        }
    }

    private static void refuse(HttpServletResponse response, long retryAfterSeconds, String reason) throws IOException {
        response.setHeader("Retry-After", Long.toString(Math.max(1, retryAfterSeconds)));
        RdfResponse.sendText(response, 503, "Service unavailable: " + reason + "\n");
    }
}
