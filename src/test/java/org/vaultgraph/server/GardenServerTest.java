package org.vaultgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.vaultgraph.SampleVault;
import org.vaultgraph.render.GardenPublisher;
import org.vaultgraph.store.VaultLoader;

/**
 * The served site as a reader walks it: from the index, every page and file a page links to answers
 * 200, note pages show their notes rendered (no markdown left), links grouped under their notes,
 * attachments with their media types.
 */
class GardenServerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private record Served(VaultLoader.LoadedVault loaded, VaultServer server) implements AutoCloseable {
        @Override
        public void close() {
            server.stop();
            loaded.store().close();
        }
    }

    private static Served serve(Path vault) {
        VaultLoader.LoadedVault loaded = SampleVault.load(vault);
        VaultServer server = VaultServer.builder().dataset(loaded.store().dataset()).iris(loaded.mapper().iris())
                .publisher(new GardenPublisher(SampleVault.sparql(loaded), loaded.mapper().iris())).vaultRoot(vault)
                .landing(new LandingPage("vault", loaded.report().notes(), loaded.mapping().base())).port(0).build().start();
        return new Served(loaded, server);
    }

    private static HttpResponse<byte[]> get(VaultServer server, String path, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url()).resolve(path));
        if (accept != null) request.header("Accept", accept);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String page(VaultServer server, String path) throws Exception {
        HttpResponse<byte[]> response = get(server, path, "text/html");
        assertEquals(200, response.statusCode(), path);
        return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Walks the site from the index: every link to this server (but the SPARQL endpoints and the editor) and what it answers. */
    private static Map<String, Integer> crawl(VaultServer server) throws Exception {
        Map<String, Integer> status = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/index"));
        Set<String> seen = new LinkedHashSet<>(queue);
        while (!queue.isEmpty()) {
            String path = queue.removeFirst();
            HttpResponse<byte[]> response = get(server, path, "text/html,*/*;q=0.8");
            status.put(path, response.statusCode());
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() != 200 || !type.startsWith("text/html")) continue;
            var document = Jsoup.parse(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8), server.url().replaceFirst("/$", "") + path);
            for (Element link : document.select("a[href], img[src]")) {
                String absolute = link.hasAttr("href") ? link.absUrl("href") : link.absUrl("src");
                if (!absolute.startsWith(server.url())) continue;
                String local = "/" + absolute.substring(server.url().length());
                local = local.replaceFirst("#.*$", "");
                if (local.equals("/") || local.startsWith("/vault/") || local.startsWith("/static/") || local.startsWith("/ns")) continue;
                if (seen.add(local)) queue.add(local);
            }
        }
        return status;
    }

    @ParameterizedTest
    @ValueSource(strings = {"data/vault", "src/test/resources/garden"})
    void everyPageAndFileTheSiteLinksToIsThere(String vault) throws Exception {
        try (Served served = serve(Path.of(vault))) {
            Map<String, Integer> status = crawl(served.server());
            List<String> broken = new ArrayList<>();
            status.forEach((path, code) -> {
                if (code != 200) broken.add(code + " " + path);
            });
            assertEquals(List.of(), broken);
            List<String> notes = status.keySet().stream().filter(p -> p.startsWith("/note/") && !p.contains("?")).toList();
            assertEquals(served.loaded().report().notes(), notes.size(), "every note is reached from the index: " + notes);
        }
    }

    @Test
    void notePagesShowTheNoteNotItsMarkdown() throws Exception {
        try (Served served = serve(Path.of("src/test/resources/garden"))) {
            VaultServer server = served.server();
            String callouts = page(server, "/note/Callouts");
            assertTrue(callouts.contains("<div class=\"callout\" data-callout=\"note\">"), callouts);
            assertFalse(callouts.contains("[!note]") || callouts.contains("```"), callouts);
            assertTrue(callouts.contains("<a class=\"tag\" href=\"/tag/garden/boxes\">#garden/boxes</a>"), callouts);
            String pictures = page(server, "/note/Embeds/Pictures");
            assertTrue(pictures.contains("<img src=\"/file/Media/meadow.png\" alt=\"meadow.png\" width=\"120\">"), pictures);
            assertTrue(pictures.contains("<tr><th>cover</th><td><span><a data-tooltip-position=\"top\" aria-label=\"Media/cover.png\" "
                    + "data-href=\"Media/cover.png\" href=\"/file/Media/cover.png\" class=\"internal-link\">cover.png</a></span></td></tr>"), pictures);
            String levels = page(server, "/note/Embeds/Depth/Level%201");
            assertTrue(levels.contains("<h2>Linked from</h2>"), levels);
            assertTrue(levels.contains("<a class=\"internal-link\" href=\"/note/Embeds/Depth/Level%200\">Level 0</a> <small class=\"folder\">Embeds/Depth</small> <small>1 embed</small>"),
                    levels);
            String queries = page(server, "/note/Plugins/Queries");
            assertTrue(queries.contains("<tr><th>mood</th><td><span>sunny</span></td></tr>"), queries);
            assertTrue(queries.contains("href=\"/note/Plugins/Facts\""), "a note not published is linked on the local server: " + queries);

            HttpResponse<byte[]> png = get(server, "/file/Media/meadow.png", "image/avif,image/webp,image/png,*/*;q=0.8");
            assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
            assertEquals(java.nio.file.Files.size(Path.of("src/test/resources/garden/Media/meadow.png")), png.body().length);
            assertEquals("image/svg+xml", get(server, "/file/Media/trellis.svg", null).headers().firstValue("Content-Type").orElse(""));
            assertEquals("application/pdf", get(server, "/file/Media/planting-guide.pdf", "text/html,*/*;q=0.8").headers().firstValue("Content-Type").orElse(""));
            assertTrue(new String(get(server, "/file/Media/meadow.png", "text/turtle").body()).contains("vg:Attachment"), "the description is one Accept away");
        }
    }

    @Test
    void theIndexCountsFoldersTagsAndClassesAndEachHasItsPage() throws Exception {
        try (Served served = serve(SampleVault.ROOT)) {
            VaultServer server = served.server();
            String index = page(server, "/index");
            assertTrue(index.contains("<a href=\"/folder/Research/Insights\">Insights</a> <small>10</small>"), index);
            assertTrue(index.contains("<a class=\"tag\" href=\"/tag/insight\">#insight</a> <small>10</small>"), index);
            assertTrue(index.contains("vg:Therapy</a> <small>2</small>"), index);
            String tag = page(server, "/tag/insight");
            assertTrue(tag.contains("<p>10 notes</p>"), tag);
            String folder = page(server, "/folder/Research");
            assertTrue(folder.contains("<a href=\"/folder/Research/Tags\">Tags</a> <small>13</small>"), folder);
            assertTrue(folder.contains("<a class=\"internal-link\" href=\"/note/Research/Overview\">Overview</a>"), folder);
            String therapies = page(server, "/class?iri=https%3A%2F%2Fw3id.org%2Fvaultgraph%2Fns%23Therapy");
            assertTrue(therapies.contains("<p>2 notes</p>"), therapies);
            assertEquals(404, get(server, "/folder/No/Such/Folder", "text/html").statusCode());
        }
    }
}
