package org.vaultgraph.server;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.vaultgraph.SampleVault;
import org.vaultgraph.generate.VaultGenerator;
import org.vaultgraph.store.VaultLoader;

/**
 * How long the graph pages take to draw a generated vault (10,000 notes by default, {@code -Dgraph.notes=N})
 * in headless Chromium: the first view after the server starts (which reads the network from the graph),
 * the same view again, larger views and a note's neighbourhood. Prints figures, keeps screenshots in
 * {@code target/bench-graph/}; asserts nothing.
 *
 * <pre>mvn -B test -Dtests.excluded=none -Dtest=GraphPageBenchmark</pre>
 */
@Tag("benchmark")
class GraphPageBenchmark {
    private static final Path VAULTS = Path.of("target/bench-graph");

    @Test
    void timeToFirstDraw() throws Exception {
        int notes = Integer.getInteger("graph.notes", 10_000);
        Path vault = VAULTS.resolve("vault-" + notes);
        if (!Files.isDirectory(vault)) new VaultGenerator(notes, 7).write(vault);
        VaultLoader.LoadedVault loaded = SampleVault.load(vault);
        VaultServer server = VaultServer.builder().dataset(loaded.store().dataset()).iris(loaded.mapper().iris()).port(0).build().start();
        ChromeDriver browser = chromium();
        try {
            System.out.printf("graph pages of a generated vault of %,d notes (%s)%n", notes, vault);
            draw(browser, server.url() + "graph", "whole vault, first view after start (reads the network)");
            draw(browser, server.url() + "graph", "whole vault, again");
            screenshot(browser, "graph-" + notes + ".png");
            draw(browser, server.url() + "graph?limit=1000", "whole vault, 1,000 nodes");
            screenshot(browser, "graph-" + notes + "-1000.png");
            draw(browser, server.url() + "graph?limit=2000", "whole vault, 2,000 nodes");
            String hub = (String) browser.executeScript("return window.vaultgraphGraph.data.nodes[0].graph;");
            draw(browser, server.url() + hub.substring(1), "the most linked note, 1 link away");
            draw(browser, server.url() + hub.substring(1) + "?depth=2", "the most linked note, 2 links away");
            HttpClient http = HttpClient.newHttpClient();
            long start = System.nanoTime();
            HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create(server.url() + "graph.json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.printf("  /graph.json once the network is read: %d ms, %,d bytes%n", (System.nanoTime() - start) / 1_000_000,
                    json.body().length());
        } finally {
            browser.quit();
            server.stop();
            loaded.store().close();
        }
    }

    private static void draw(ChromeDriver browser, String url, String what) {
        browser.get(url);
        new WebDriverWait(browser, Duration.ofMinutes(3)).until(b -> {
            Object draws = browser.executeScript("return window.vaultgraphGraph && window.vaultgraphGraph.draws;");
            return draws instanceof Number n && n.intValue() >= 1;
        });
        Object[] figures = ((java.util.List<?>) browser.executeScript("var g = window.vaultgraphGraph; "
                + "return [g.firstDrawMs, g.cy.nodes().length, g.cy.edges().length, g.data.matching];")).toArray();
        System.out.printf("  %-60s first drawn %6s ms after opening; %5s nodes (of %s), %5s edges%n", what, figures[0], figures[1],
                figures[3], figures[2]);
    }

    private static void screenshot(ChromeDriver browser, String name) throws java.io.IOException {
        Files.write(VAULTS.resolve(name), browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    private static ChromeDriver chromium() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1100", "--user-data-dir=" + Files.createTempDirectory("vaultgraph-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
