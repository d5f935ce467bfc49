package org.vaultgraph.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;

/**
 * Bounds what one request may ask of the server: a request body larger than the limit is refused
 * (413), a query that would call an endpoint the {@link OutboundPolicy} does not allow is refused
 * (403, naming the reason) before it runs, and a query that could return more rows than the cap gets
 * the cap as its LIMIT (the answer says so in a {@code Vaultgraph-Row-Cap} header). The time a query
 * may run is bounded by the dataset's query timeout.
 */
final class QueryLimitsFilter implements Filter {
    static final String ROW_CAP_HEADER = "Vaultgraph-Row-Cap";

    private static final int REMEMBERED_QUERIES = 512;
    // Only short texts are remembered, so the memory held stays small whatever clients send.
    private static final int REMEMBERED_QUERY_CHARS = 8 * 1024;
    private static final int SMALL_ANSWER_BYTES = 64 * 1024;

    private final long maxBodyBytes;
    private final long maxRows;
    private final OutboundPolicy outbound;
    // Clients repeat the same queries (a tag table per page view): parsing each once saves half the work of a small query.
    private final Map<String, Checked> checkedByText = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Checked> eldest) {
            return size() > REMEMBERED_QUERIES;
        }
    });

    /** What the filter makes of a query text: the text with the row cap (null when it needs none), or why it is refused. */
    private record Checked(String capped, String refusal) {}

    private static final Checked AS_SENT = new Checked(null, null);

    QueryLimitsFilter(long maxBodyBytes, long maxRows, OutboundPolicy outbound) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxRows = maxRows;
        this.outbound = outbound;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (request.getContentLengthLong() > maxBodyBytes) {
            RdfResponse.sendText(response, 413, "Request too large: " + request.getContentLengthLong() + " bytes, the limit is " + maxBodyBytes + "\n");
            return;
        }
        String path = request.getRequestURI();
        boolean queryEndpoint = path.equals(VaultServer.DATASET + "/sparql") || path.equals(VaultServer.DATASET + "/query");
        if (!queryEndpoint) {
            chain.doFilter(new BoundedBody(request, null, maxBodyBytes), res);
            return;
        }
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        boolean inBody = request.getMethod().equals("POST") && contentType.startsWith("application/sparql-query");
        String text;
        if (inBody) {
            byte[] body = readBounded(request.getInputStream());
            if (body == null) {
                RdfResponse.sendText(response, 413, "Request too large: the limit is " + maxBodyBytes + " bytes\n");
                return;
            }
            text = new String(body, StandardCharsets.UTF_8);
        } else {
            text = request.getParameter("query");
        }
        Checked checked = text == null ? AS_SENT : checked(text);
        if (checked.refusal() != null) {
            RdfResponse.sendText(response, 403, "Forbidden: " + checked.refusal() + "\n");
            return;
        }
        String capped = checked.capped();
        if (capped != null) response.setHeader(ROW_CAP_HEADER, Long.toString(maxRows));
        String effective = capped != null ? capped : text;
        if (effective != null) request.setAttribute(QueryAdmission.QUERY_TEXT, effective);
        BufferedResponse buffered = new BufferedResponse(response, SMALL_ANSWER_BYTES);
        chain.doFilter(inBody ? new BoundedBody(request, effective, maxBodyBytes) : new QueryParameter(request, effective), buffered);
        buffered.finish();
    }

    private Checked checked(String text) {
        if (text.length() > REMEMBERED_QUERY_CHARS) return check(text);
        Checked known = checkedByText.get(text);
        if (known == null) {
            // Parsed outside the map's lock, so one long parse does not hold up the others.
            known = check(text);
            checkedByText.put(text, known);
        }
        return known;
    }

    /** A query that does not parse goes on as sent: Fuseki says why. */
    private Checked check(String text) {
        try {
            Query query = QueryFactory.create(text, Syntax.syntaxARQ);
            String refusal = outbound.refusal(query);
            if (refusal != null) return new Checked(null, refusal);
            if (query.isAskType()) return AS_SENT;
            if (query.hasLimit() && query.getLimit() <= maxRows) return AS_SENT;
            query.setLimit(maxRows);
            return new Checked(query.serialize(), null);
        } catch (QueryParseException e) {
            return AS_SENT;
        }
    }

    /** The body, or null when it is longer than the limit. */
    private byte[] readBounded(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        return bytes.length > maxBodyBytes ? null : bytes;
    }

    /** A request whose {@code query} parameter is replaced. */
    private static final class QueryParameter extends HttpServletRequestWrapper {
        private final String query;

        QueryParameter(HttpServletRequest request, String query) {
            super(request);
            this.query = query;
        }

        @Override
        public String getParameter(String name) {
            return name.equals("query") && query != null ? query : super.getParameter(name);
        }

        @Override
        public String[] getParameterValues(String name) {
            return name.equals("query") && query != null ? new String[] {query} : super.getParameterValues(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> map = new HashMap<>(super.getParameterMap());
            if (query != null) map.put("query", new String[] {query});
            return Collections.unmodifiableMap(map);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }
    }

    /** A request whose body is given (a rewritten query), or read through a counter that stops at the limit. */
    private static final class BoundedBody extends HttpServletRequestWrapper {
        private final byte[] replaced;
        private final long limit;

        BoundedBody(HttpServletRequest request, String body, long limit) {
            super(request);
            this.replaced = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            InputStream source = replaced != null ? new ByteArrayInputStream(replaced) : super.getInputStream();
            return new BodyStream(source, limit);
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return replaced != null ? replaced.length : super.getContentLength();
        }

        @Override
        public long getContentLengthLong() {
            return replaced != null ? replaced.length : super.getContentLengthLong();
        }
    }
}
