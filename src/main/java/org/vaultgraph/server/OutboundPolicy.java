package org.vaultgraph.server;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateRequest;

/**
 * Which URLs the server may call: none, unless endpoints are listed for SPARQL {@code SERVICE}
 * (federation). A listed prefix names a scheme, a host and a port; a call goes out only to a URL under
 * one of them, never with user info, dot segments or redirects, and never to a loopback or link-local
 * address unless the prefix names that address itself. {@code LOAD} is never run: the server reads no
 * URL and no file for a client.
 *
 * <pre>{@code
 * OutboundPolicy policy = OutboundPolicy.of(List.of("https://query.wikidata.org/sparql"));
 * policy.install(dataset.getContext());       // enforced where SERVICE runs
 * String refusal = policy.refusal(query);     // null, or why the query is refused (before it runs)
 * }</pre>
 */
final class OutboundPolicy {
    static final String LOAD_REFUSED = "LOAD is not accepted: this server fetches no URL and reads no file for a client;"
            + " send the data itself to the Graph Store endpoint (/vault/data)";

    /** Looks up a host name's addresses (the system's resolver, unless a test gives its own). */
    interface Resolver {
        InetAddress[] addresses(String host) throws UnknownHostException;
    }

    private final List<URI> prefixes;
    private final Resolver resolver;

    private OutboundPolicy(List<URI> prefixes, Resolver resolver) {
        this.prefixes = List.copyOf(prefixes);
        this.resolver = resolver;
    }

    /** No outbound calls at all (the default). */
    static OutboundPolicy none() {
        return new OutboundPolicy(List.of(), InetAddress::getAllByName);
    }

    /**
     * Allows SERVICE calls to URLs under these prefixes.
     *
     * @throws IllegalArgumentException naming a prefix that is not an http(s) URL with a host
     */
    static OutboundPolicy of(List<String> prefixes) {
        return of(prefixes, InetAddress::getAllByName);
    }

    static OutboundPolicy of(List<String> prefixes, Resolver resolver) {
        List<URI> parsed = new ArrayList<>();
        for (String prefix : prefixes) {
            URI uri;
            try {
                uri = new URI(prefix);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("not a URL: " + prefix);
            }
            if (!isHttp(uri) || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                    || uri.getRawFragment() != null || hasDotSegments(uri)) {
                throw new IllegalArgumentException("a SERVICE prefix is an http or https URL with a host and a path, nothing else: " + prefix);
            }
            parsed.add(uri);
        }
        return new OutboundPolicy(parsed, resolver);
    }

    boolean allowsAny() {
        return !prefixes.isEmpty();
    }

    /** The listed prefixes, for the start-up banner. */
    List<String> prefixes() {
        return prefixes.stream().map(URI::toString).toList();
    }

    /**
     * Puts the policy where Jena runs SERVICE, so it holds whatever the request looked like: every call
     * is checked (host names resolved) before it is made, redirects are not followed, and with no prefix
     * listed SERVICE is off altogether.
     */
    void install(Context context) {
        context.set(ARQ.httpServiceAllowed, allowsAny());
        // Jena's default client follows every redirect, which would lead a listed endpoint anywhere.
        context.set(ARQ.httpQueryClient, HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build());
        ServiceExecutorRegistry registry = new ServiceExecutorRegistry();
        ServiceExecutorRegistry.initWithDefaults(registry);
        ChainingServiceExecutor guard = (opExecute, original, binding, execCxt, chain) -> {
            Node service = opExecute.getService();
            String refusal = service.isURI() ? refusalAfterResolving(service.getURI()) : "SERVICE needs a fixed endpoint IRI";
            if (refusal != null) throw new QueryDeniedException(refusal);
            return chain.createExecution(opExecute, original, binding, execCxt);
        };
        registry.addSingleLink(guard);
        ServiceExecutorRegistry.set(context, registry);
    }

    /** Why the query may not run as it is (a SERVICE it may not call), or null. */
    String refusal(Query query) {
        return refusal(Algebra.compile(query));
    }

    /** Why the update may not run (a LOAD, or a SERVICE in a WHERE clause), or null. */
    String refusal(UpdateRequest request) {
        for (Update update : request.getOperations()) {
            if (update instanceof UpdateLoad) return LOAD_REFUSED;
            if (update instanceof UpdateModify modify && modify.getWherePattern() != null) {
                String refusal = refusal(Algebra.compile(modify.getWherePattern()));
                if (refusal != null) return refusal;
            }
        }
        return null;
    }

    private String refusal(Op op) {
        Set<Node> services = new LinkedHashSet<>();
        // The expression visitor makes the walk enter EXISTS and NOT EXISTS patterns too.
        Walker.walk(op, new OpVisitorBase() {
            @Override
            public void visit(OpService service) {
                services.add(service.getService());
            }
        }, new ExprVisitorBase());
        for (Node service : services) {
            String refusal = service.isURI() ? refusal(service.getURI()) : "SERVICE with a variable endpoint is not accepted: name the endpoint";
            if (refusal != null) return refusal;
        }
        return null;
    }

    /** Why a call to this URL is refused by its name alone, or null. */
    String refusal(String url) {
        if (prefixes.isEmpty()) {
            return "SERVICE is off on this server: it calls no other endpoint (serve --allow-service URL_PREFIX allows listed ones)";
        }
        URI target;
        try {
            target = new URI(url);
        } catch (URISyntaxException e) {
            return "SERVICE <" + url + "> is not a URL";
        }
        if (!isHttp(target) || target.getHost() == null) return "SERVICE calls only http and https endpoints, not <" + url + ">";
        if (target.getRawUserInfo() != null) return "SERVICE <" + url + "> carries user info; it is not called";
        if (hasDotSegments(target)) return "SERVICE <" + url + "> has dot segments; it is not called";
        return matchingPrefix(target) != null ? null : "SERVICE <" + url + "> is not under an endpoint this server may call (--allow-service)";
    }

    /** As {@link #refusal(String)}, and the host's addresses must be public unless the prefix names that address. */
    String refusalAfterResolving(String url) {
        String refusal = refusal(url);
        if (refusal != null) return refusal;
        URI target = URI.create(url);
        URI prefix = matchingPrefix(target);
        if (isInternalLiteral(prefix.getHost())) return null;
        try {
            for (InetAddress address : resolver.addresses(target.getHost())) {
                if (isInternal(address)) {
                    return "SERVICE <" + url + "> resolves to the internal address " + address.getHostAddress()
                            + "; list that address itself with --allow-service to call it";
                }
            }
        } catch (UnknownHostException e) {
            return "SERVICE <" + url + ">: unknown host";
        }
        return null;
    }

    private URI matchingPrefix(URI target) {
        for (URI prefix : prefixes) {
            boolean sameOrigin = prefix.getScheme().equalsIgnoreCase(target.getScheme())
                    && prefix.getHost().equalsIgnoreCase(target.getHost()) && port(prefix) == port(target);
            String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
            String prefixPath = prefix.getRawPath() == null || prefix.getRawPath().isEmpty() ? "/" : prefix.getRawPath();
            if (sameOrigin && path.startsWith(prefixPath)) return prefix;
        }
        return null;
    }

    private static boolean isHttp(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    private static boolean hasDotSegments(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || !uri.normalize().getRawPath().equals(path);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) return uri.getPort();
        return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    /** Whether a host as written in a prefix is itself a loopback or link-local name or address. */
    private static boolean isInternalLiteral(String host) {
        if (host.equalsIgnoreCase("localhost")) return true;
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+") && !literal.contains(":")) return false;
        try {
            return isInternal(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isInternal(InetAddress address) {
        return address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress() || address.isMulticastAddress();
    }
}
