package org.vaultgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultgraph.SampleVault;
import org.vaultgraph.store.VaultLoader;

/**
 * The served site draws every base, over HTTP from the real server: base blocks and embedded base
 * files in note pages, a page of its own for each base file, listed on the landing page; every view
 * one after the other, with nothing of a note's able to run as script.
 */
class BasePagesTest {
    @TempDir
    static Path temp;
    private static VaultLoader.LoadedVault loaded;
    private static VaultServer server;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path vault = temp.resolve("vault");
        // The sample vault, with a note whose properties and formulas carry markup.
        try (var files = Files.walk(SampleVault.ROOT)) {
            for (Path p : files.toList()) {
                Path target = vault.resolve(SampleVault.ROOT.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        Files.writeString(vault.resolve("Hostile.md"), "---\ndg-publish: true\ntitle: \"<script>alert(1)</script>\"\n"
                + "x: \"<img src=x onerror=alert(2)>\"\n---\n```base\nfilters: 'file.name == \"Hostile.md\"'\nformulas:\n"
                + "  bold: 'html(\"<b onclick=alert(3)>hi</b><script>alert(4)</script>\")'\n  ok: 'true'\nviews:\n"
                + "  - type: table\n    name: \"<i>markup</i>\"\n    order: [file.name, x, title, formula.bold, formula.ok]\n```\n");
        loaded = SampleVault.load(vault);
        server = SampleVault.serve(loaded, "vault");
    }

    @AfterAll
    static void stop() {
        server.stop();
        loaded.store().close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path.replaceFirst("^/", ""))).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theLandingPageListsTheBaseFilesAndEachHasAPage() throws Exception {
        HttpResponse<String> landing = get("/");
        assertTrue(landing.body().contains("<h2>Bases</h2>"), landing.body());
        assertTrue(landing.body().contains("<a href=\"/research/tags/tag-table-base/\">Research/Tags/Tag table.base</a>"), landing.body());
        HttpResponse<String> page = get("/research/tags/tag-table-base/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        Document doc = Jsoup.parse(page.body());
        // Opened on its own, `this` is the base file, which no insight links to: three views, no rows.
        assertEquals(3, doc.select("div.obsidian-bases-views").size());
        assertEquals(3, doc.select("p.obsidian-base-empty").size());
    }

    @Test
    void anEmbeddedBaseListsTheInsightsThatLinkToItsNote() throws Exception {
        Document doc = Jsoup.parse(get("/research/tags/l5-s1/").body());
        Element first = doc.select("div.obsidian-bases-views").first();
        assertTrue(first.text().contains("Insights 4 results"), first.text());
        assertEquals("2025-01-30 14-48-20", first.select("table.obsidian-base-table tbody tr td a").first().text());
        assertEquals("/note/Research/Insights/2025-01-30%2014-48-20", first.select("table.obsidian-base-table tbody tr td a").first().attr("href"));
        // The other views follow, each with its own toolbar: groups with their summary, then cards.
        assertEquals(3, doc.select("div.obsidian-bases-views").size());
        // Grouped by source, each group named after its source note's title, two insights each.
        assertEquals(2, doc.select("tr.obsidian-base-group-row").size());
        assertTrue(doc.select("tr.obsidian-base-group-row").first().text().startsWith("Treatment of lumbar degenerative"), doc.text());
        assertEquals("2", doc.select("tr.obsidian-base-group-row .obsidian-base-group-count").first().text());
        assertEquals(2, doc.select("div.obsidian-base-card").size());
    }

    @Test
    void aBaseBlockIsDrawnInItsNotesPage() throws Exception {
        Document doc = Jsoup.parse(get("/research/overview/").body());
        Element list = doc.select("div.obsidian-bases-views").first();
        assertTrue(list.text().startsWith("Insights by month 10 results"), list.text());
        assertEquals("2025-02", list.select(".obsidian-base-group-label").first().text());
        assertEquals(10, list.select("ul.obsidian-base-list li").size());
    }

    @Test
    void nothingANoteWritesRunsAsScript() throws Exception {
        HttpResponse<String> page = get("/hostile/");
        assertEquals(200, page.statusCode());
        Document doc = Jsoup.parse(page.body());
        assertTrue(doc.select("script").isEmpty(), page.body());
        for (Element e : doc.getAllElements()) {
            e.attributes().forEach(a -> assertFalse(a.getKey().toLowerCase().startsWith("on"), e.outerHtml()));
        }
        assertTrue(doc.text().contains("<img src=x onerror=alert(2)>"), "the property is shown as text");
        assertTrue(doc.text().contains("<i>markup</i>"), "the view's name is shown as text");
        assertEquals("hi", doc.select("td b").text(), "a formula's HTML keeps its formatting only");
        Element box = doc.select("td input").first();
        assertEquals("checkbox", box.attr("type"));
        assertTrue(box.hasAttr("checked") && box.hasAttr("disabled"));
    }
}
