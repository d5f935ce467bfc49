package org.vaultgraph.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.nio.file.Path;
import org.vaultgraph.vault.VaultFiles;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.vaultgraph.export.GraphExporter;
import org.vaultgraph.export.JsonLdWriter;
import org.vaultgraph.rdf.IriMinter;
import org.vaultgraph.render.GardenPublisher;

/**
 * Makes every IRI the vault mints dereferenceable: a GET on {@code /note/…}, {@code /tag/…},
 * {@code /unresolved/…}, {@code /file/…}, {@code /field/…} or {@code /class/…} answers with the description of the IRI
 * formed by the vault's base IRI and that path, and {@code /ns} with the ontology; the representation
 * follows the {@code Accept} header, {@code ?format=}, or an extension such as {@code .ttl}.
 */
final class LinkedDataFilter implements Filter {
    private static final List<String> RESOURCE_ROOTS = List.of("/note/", "/tag/", "/unresolved/", "/file/", "/field/", "/class/");
    static final String ONTOLOGY_PATH = "/ns";

    private final IriMinter iris;
    private final Descriptions descriptions;
    private final Ontology ontology = new Ontology();
    private final PrefixMap prefixes;
    private final JsonLdWriter jsonLd;
    private final ResourcePage pages;
    private final Supplier<GardenPublisher> publishers;
    private final Supplier<GardenSite> sites;
    private final Path vaultRoot;
    private GardenPublisher publisher;
    private Map<String, String> tagPagesByIri = Map.of();

    /**
     * @param sites     the garden of the graph as it is now (null values when the server has no publisher)
     * @param vaultRoot the vault's folder, whose attachments {@code /file/...} serves; null serves none
     */
    LinkedDataFilter(Descriptions descriptions, IriMinter iris, Supplier<GardenPublisher> publishers, Supplier<GardenSite> sites, Path vaultRoot) {
        this.iris = iris;
        this.descriptions = descriptions;
        this.prefixes = GraphExporter.prefixes(iris);
        this.jsonLd = new JsonLdWriter(iris);
        this.pages = new ResourcePage(prefixes, iris.base());
        this.publishers = publishers;
        this.sites = sites;
        this.vaultRoot = vaultRoot;
    }

    /** The tag page of each note that has one, by the note's IRI; computed once per publisher. */
    private synchronized Map<String, String> tagPages() {
        GardenPublisher current = publishers == null ? null : publishers.get();
        if (current != null && current != publisher) {
            Map<String, String> byIri = new HashMap<>();
            current.permalinks().forEach((permalink, notePath) -> byIri.put(iris.note(notePath), permalink));
            tagPagesByIri = byIri;
            publisher = current;
        }
        return tagPagesByIri;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = request.getRequestURI();
        boolean read = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
        if (read && (path.equals(ONTOLOGY_PATH) || path.startsWith(ONTOLOGY_PATH + "."))) {
            serveOntology(request, response, extension(path.substring(ONTOLOGY_PATH.length())));
        } else if (read && RESOURCE_ROOTS.stream().anyMatch(path::startsWith)) {
            serveResource(request, response, path);
        } else {
            chain.doFilter(req, res);
        }
    }

    private void serveOntology(HttpServletRequest request, HttpServletResponse response, String extension) throws IOException {
        String mediaType = chooseOrRefuse(request, response, extension);
        if (mediaType == null) return;
        if (mediaType.equals(RdfResponse.HTML)) Pages.send(response, ontology.html());
        else RdfResponse.write(response, mediaType, ontology.graph(), () -> DatasetGraphFactory.wrap(ontology.graph()), prefixes, jsonLd);
    }

    private void serveResource(HttpServletRequest request, HttpServletResponse response, String rawPath) throws IOException {
        GardenSite site = sites.get();
        for (Candidate candidate : candidates(rawPath)) {
            if (site != null && serveFromGarden(site, request, response, candidate)) return;
            Optional<Graph> description = descriptions.describe(candidate.iri());
            if (description.isEmpty()) continue;
            String mediaType = chooseOrRefuse(request, response, candidate.extension());
            if (mediaType == null) return;
            if (mediaType.equals(RdfResponse.HTML)) {
                Graph neighbours = descriptions.neighbours(description.get());
                Pages.send(response, pages.html(candidate.iri(), description.get(), neighbours, tagPages().get(candidate.iri())));
            } else {
                RdfResponse.write(response, mediaType, description.get(), () -> descriptions.quads(candidate.iri(), description.get()), prefixes, jsonLd);
            }
            return;
        }
        RdfResponse.sendText(response, 404, "Not found: the vault has nothing about " + iris.base() + rawPath.substring(1) + "\n");
    }

    /**
     * A note's page, an attachment's file, a tag's page: what the garden answers for an IRI; false when
     * it has nothing for it (the description is then sent as for any other IRI).
     */
    private boolean serveFromGarden(GardenSite site, HttpServletRequest request, HttpServletResponse response, Candidate candidate) throws IOException {
        String iri = candidate.iri();
        boolean explicit = candidate.extension() != null || request.getParameter("format") != null;
        String attachment = site.attachmentPath(iri);
        if (attachment != null && vaultRoot != null && !explicit) {
            String mediaType = VaultFiles.mediaType(attachment);
            if (RdfResponse.prefersFile(request, mediaType.split(";")[0].strip())) {
                Optional<byte[]> bytes = VaultFiles.read(vaultRoot, attachment);
                if (bytes.isPresent()) {
                    response.setHeader("Vary", "Accept");
                    // A file is shown as itself, never as a page of this site: an SVG's script does not run here.
                    response.setHeader("Content-Security-Policy", "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox");
                    response.setHeader("Cache-Control", "no-cache");
                    RdfResponse.send(response, 200, mediaType, bytes.get());
                    return true;
                }
            }
            return false;
        }
        String notePath = site.notePath(iri);
        boolean tag = iri.startsWith(iris.tag(""));
        if (notePath == null && !tag) return false;
        String mediaType = RdfResponse.choose(request, candidate.extension());
        if (!RdfResponse.HTML.equals(mediaType)) return false;
        Optional<String> page = notePath != null ? site.note(notePath, tagPages().get(iri)) : site.tag(iri);
        if (page.isEmpty()) return false;
        response.setHeader("Vary", "Accept");
        Pages.send(response, page.get());
        return true;
    }

    /** An IRI the request may name, and the format extension stripped from it, if any. */
    private record Candidate(String iri, String extension) {}

    /**
     * The IRIs a request path may stand for, most literal first: the path as sent, the path
     * re-encoded the way the minter encodes (so {@code %C3%A9} finds {@code é}), and both again
     * without a format extension such as {@code .ttl}.
     */
    private List<Candidate> candidates(String rawPath) {
        List<String> paths = new ArrayList<>(List.of(rawPath));
        String decoded = percentDecode(rawPath);
        if (decoded != null) paths.add(IriMinter.encodePath(decoded));
        List<Candidate> out = new ArrayList<>();
        for (String p : paths) out.add(new Candidate(iris.base() + p.substring(1), null));
        for (String p : paths) {
            int dot = p.lastIndexOf('.');
            if (dot > p.lastIndexOf('/') && RdfResponse.isFormatExtension(p.substring(dot + 1))) {
                out.add(new Candidate(iris.base() + p.substring(1, dot), p.substring(dot + 1)));
            }
        }
        return out;
    }

    private static String extension(String rest) {
        return rest.isEmpty() ? null : rest.substring(1);
    }

    /** The media type to answer with, or null after answering 400 (unknown format) or 406 (nothing acceptable). */
    private static String chooseOrRefuse(HttpServletRequest request, HttpServletResponse response, String extension) throws IOException {
        response.setHeader("Vary", "Accept");
        String mediaType = RdfResponse.choose(request, extension);
        if (mediaType != null) return mediaType;
        if (request.getParameter("format") != null || extension != null) {
            RdfResponse.sendText(response, 400, "Unknown format; use one of: " + RdfResponse.formatNames() + "\n");
        } else {
            RdfResponse.sendText(response, 406, "Not acceptable: this resource is available as " + RdfResponse.offered() + "\n");
        }
        return null;
    }

    private static void sendHtml(HttpServletResponse response, String html) throws IOException {
        RdfResponse.send(response, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes %XX escapes as UTF-8, leaving '+' alone (it is a plus in a path); null when malformed. */
    static String percentDecode(String path) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(path.length());
        for (int i = 0; i < path.length(); i++) {
            int c = path.codePointAt(i);
            if (c == '%') {
                if (i + 2 >= path.length()) return null;
                int hi = Character.digit(path.charAt(i + 1), 16);
                int lo = Character.digit(path.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return null;
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c) - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
