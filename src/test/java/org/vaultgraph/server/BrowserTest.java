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
 * The landing page's SPARQL editor in a real headless Chromium (Debian's chromium and
 * chromium-driver): it opens on the tag-table query, runs it, and shows the seed page's four rows.
 * Screenshots are kept in {@code target/browser/}.
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
        WebElement activeTab = waitUpTo(30).until(b -> b.findElement(By.cssSelector(".tabsList .tab.active")));
        assertTrue(activeTab.getText().startsWith("tag-table"), activeTab.getText());
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
