package org.vaultgraph.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.vaultgraph.SampleVault;
import org.vaultgraph.render.GardenPublisher;
import org.vaultgraph.store.VaultLoader;

/**
 * The server's pages in a real headless Chromium (Debian's chromium and chromium-driver): the landing
 * page's SPARQL editor runs the tag-table query and shows the seed page's four rows; the graph pages
 * draw the vault and a note's neighbourhood, filter them, and open a note on a click. Screenshots are
 * kept in {@code target/browser/}.
 */
@Tag("browser")
class BrowserTest {
    private static final Path SCREENSHOTS = Path.of("target/browser");
    private static final List<String> SEED_ROWS = List.of(
            "2025-01-30 14-48-20", "2025-01-30 14-29-17", "2025-01-29 10-39-27", "2025-01-29 10-27-22");

    private static VaultLoader.LoadedVault loaded;
    private static VaultServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        loaded = SampleVault.load();
        server = VaultServer.builder()
                .dataset(loaded.store().dataset())
                .iris(loaded.mapper().iris())
                .publisher(new GardenPublisher(SampleVault.sparql(loaded), loaded.mapper().iris()))
                .landing(new LandingPage("vault", loaded.report().notes(), loaded.mapping().base()))
                .port(0)
                .build()
                .start();
        Path profile = Files.createTempDirectory("vaultgraph-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        // Without the background-networking flags Chromium keeps trying to reach Google's hosts.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1100", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        server.stop();
        loaded.store().close();
    }

    private static WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private static void screenshot(String name) throws IOException {
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4), "a PNG screenshot");
        Files.write(SCREENSHOTS.resolve(name), png);
    }

    @Test
    void theEditorRunsTheTagTableQueryAndShowsTheSeedRows() throws IOException {
        browser.get(server.url());
        WebElement firstTab = waitUpTo(30).until(b -> b.findElement(By.cssSelector(".tabsList .tab.active")));
        assertTrue(firstTab.getText().startsWith("top-tags"), "the editor opens on a query for any vault: " + firstTab.getText());
        WebElement tagTable = browser.findElements(By.cssSelector(".tabsList .tab")).stream()
                .filter(tab -> tab.getText().startsWith("tag-table")).findFirst().orElseThrow();
        tagTable.click();
        waitUpTo(30).until(b -> b.findElement(By.cssSelector(".tabsList .tab.active")).getText().startsWith("tag-table"));
        String query = (String) browser.executeScript("return window.vaultgraphEditor.getTab().getYasqe().getValue();");
        assertTrue(query.contains("Hypoxic-Cultured Autologous Mesenchymal Stem Cells (MSCs)"), query);

        browser.findElement(By.cssSelector(".tabPanel.active .yasqe_queryButton")).click();
        List<WebElement> rows = waitUpTo(30).until(b -> {
            List<WebElement> found = b.findElements(By.cssSelector(".tabPanel.active .yasr_results table tbody tr"));
            return found.size() == SEED_ROWS.size() ? found : null;
        });
        for (int i = 0; i < SEED_ROWS.size(); i++) {
            String row = rows.get(i).getText();
            assertTrue(row.contains(SEED_ROWS.get(i)), "row " + (i + 1) + " shows " + SEED_ROWS.get(i) + ": " + row);
        }
        assertTrue(rows.get(0).getText().contains("The number of [[Hypoxic-Cultured Autologous Mesenchymal Stem Cells (MSCs)]]"),
                rows.get(0).getText());
        screenshot("tag-table.png");
    }

    /** Waits until the graph page has drawn {@code draws} times and gives its Cytoscape instance's answer to {@code script}. */
    private static Object afterDraw(int draws, String script) {
        waitUpTo(60).until(b -> {
            Object done = browser.executeScript("return window.vaultgraphGraph && window.vaultgraphGraph.draws;");
            return done instanceof Number n && n.intValue() >= draws;
        });
        return browser.executeScript("var cy = window.vaultgraphGraph.cy; " + script);
    }

    @Test
    void theGraphPageDrawsEveryNodeOfTheSampleVaultAndAClickOpensANote() throws IOException {
        browser.get(server.url() + "graph");
        long drawn = ((Number) afterDraw(1, "return cy.nodes().length;")).longValue();
        var rows = SampleVault.sparql(loaded).select(org.apache.jena.query.QueryFactory.create(
                "PREFIX vg: <https://w3id.org/vaultgraph/ns#> SELECT (COUNT(DISTINCT ?n) AS ?c) WHERE { { ?n a vg:Note } "
                        + "UNION { ?n a vg:Attachment } UNION { ?n a vg:UnresolvedTarget . ?m vg:linksTo ?n } }"));
        assertEquals(((Number) rows.next().get("c").getLiteralValue()).longValue(), drawn, "every note, attachment and link target");
        assertTrue(((Number) afterDraw(1, "return cy.edges().length;")).longValue() > 50);
        System.out.println("graph page of the sample vault: first drawn "
                + browser.executeScript("return window.vaultgraphGraph.firstDrawMs;") + " ms after it was opened");
        screenshot("graph-vault.png");

        // The whole drawing in view, so that the pointer's offsets count from its centre.
        browser.executeScript("document.getElementById('graph').scrollIntoView({block: 'start'});");
        // A concept note that no other node covers, so that the click lands on it alone.
        @SuppressWarnings("unchecked")
        List<Object> target = (List<Object>) afterDraw(1, """
                var nodes = cy.nodes();
                function free(n) {
                  var p = n.renderedPosition(), r = n.renderedWidth() / 2 + 6;
                  return nodes.every(function (m) {
                    if (m.same(n)) return true;
                    var q = m.renderedPosition();
                    return Math.hypot(p.x - q.x, p.y - q.y) > r + m.renderedWidth() / 2;
                  });
                }
                var wanted = nodes.filter(function (n) { return n.data('cls') === 'AnatomicalStructure' && free(n); });
                var n = wanted.filter(function (n) { return n.data('label') === 'L5-S1'; }).length ? wanted.filter(function (n) {
                  return n.data('label') === 'L5-S1'; })[0] : wanted[0];
                var box = cy.container().getBoundingClientRect();
                return [n.data('href'), n.renderedPosition().x - box.width / 2, n.renderedPosition().y - box.height / 2];
                """);
        String href = (String) target.get(0);
        new org.openqa.selenium.interactions.Actions(browser)
                .moveToElement(browser.findElement(By.id("graph")), ((Number) target.get(1)).intValue(), ((Number) target.get(2)).intValue())
                .click().perform();
        waitUpTo(30).until(b -> java.net.URI.create(b.getCurrentUrl()).getRawPath().equals(href));
        assertTrue(href.startsWith("/note/Research/Tags/"), href);
    }

    @Test
    void aNotesGraphPageShowsItsNeighbourhoodAndItsFiltersRedrawIt() throws IOException {
        browser.get(server.url() + "graph/note/Research/Tags/L5-S1");
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) afterDraw(1, "return cy.nodes().map(function (n) { return n.data('label'); });");
        assertTrue(labels.containsAll(SEED_ROWS), "the insights about L5-S1: " + labels);
        Object allNeighbours = afterDraw(1, "var f = cy.nodes('[?focus]'); return f.length === 1 && f.data('label') === 'L5-S1'"
                + " && cy.nodes().every(function (n) { return n.same(f) || n.edgesWith(f).length > 0; });");
        assertEquals(Boolean.TRUE, allNeighbours, "the note, and only what it links with");
        screenshot("graph-note.png");

        WebElement insights = browser.findElements(By.cssSelector("#graph-controls label")).stream()
                .filter(l -> l.getText().startsWith("Insight")).findFirst().orElseThrow();
        insights.findElement(By.tagName("input")).click();
        @SuppressWarnings("unchecked")
        List<String> without = (List<String>) afterDraw(2, "return cy.nodes().map(function (n) { return n.data('label'); });");
        assertTrue(without.contains("L5-S1") && without.stream().noneMatch(SEED_ROWS::contains), "no insight left: " + without);
        assertTrue(browser.getCurrentUrl().contains("class="), "the filters are in the page's address: " + browser.getCurrentUrl());
    }

    @Test
    void aNoteIriOpensAsAPageWithItsInsights() throws IOException {
        browser.get(server.url() + "note/Research/Tags/L5-S1");
        assertEquals("L5-S1", browser.findElement(By.tagName("h1")).getText());
        List<WebElement> insights = browser.findElements(By.cssSelector("h2 + ul li"));
        assertTrue(insights.stream().anyMatch(li -> li.getText().startsWith("2025-01-30 14-48-20: The number of")),
                "the page lists the insights about L5-S1");
        screenshot("note-page.png");
    }
}
