package org.vaultgraph.bases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultgraph.render.GardenPublisher;

/**
 * Bases in published pages, drawn as the Digital Garden site draws a base: cards with covers given
 * every way the plugin's own test vault gives them (a link with its folder, a plain path, an address,
 * a link by name alone) and a colour, a base file embedded, a table grouped by a link property whose
 * target is published (its title) or not (a dead link named after the note), and several views.
 */
class BasesPublishTest {
    @TempDir
    static Path temp;
    private static BaseVaults.Loaded garden;
    private static BaseVaults.Loaded examples;
    private static String cards;

    @BeforeAll
    static void load() {
        garden = BaseVaults.load(BaseVaults.copy("garden", temp));
        examples = BaseVaults.load(BaseVaults.copy("examples", temp));
        GardenPublisher.Page page = new GardenPublisher(garden.sparql(), garden.vault().mapper().iris(), ZoneOffset.UTC).page("Covers/Cards.md").orElseThrow();
        assertTrue(page.errors().isEmpty(), page.errors().toString());
        cards = page.markdown();
    }

    @AfterAll
    static void close() {
        garden.close();
        examples.close();
    }

    /** The HTML the page has in place of its n-th base (0-based), as one line between blank lines. */
    private static String base(String markdown, int n) {
        Matcher m = Pattern.compile("(?m)^<div class=\"obsidian-bases-views\">.*$").matcher(markdown);
        for (int i = 0; i <= n; i++) assertTrue(m.find(), "no base " + n + " in " + markdown);
        return m.group();
    }

    private static List<String> images(String html) {
        Matcher m = Pattern.compile("<div class=\"obsidian-base-card-image\">(<img src=\"([^\"]*)\"|<svg[^>]*><rect[^>]*fill=\"([^\"]*)\")").matcher(html);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) out.add(m.group(2) != null ? m.group(2) : m.group(3));
        return out;
    }

    @Test
    void everyCardShowsItsCoverWhateverWayThePropertyGivesIt() {
        // Cards view, "Image property": a link to a local attachment, an external link, a hex colour code.
        List<String> expected = List.of("#8a2be2", "/img/user/Pictures/scan.png", "/img/user/Pictures/scan.png", "/img/user/Pictures/scan.webp",
                "https://example.org/covers/third.png");
        for (int i = 0; i < 3; i++) assertEquals(expected, images(base(cards, i)), "base " + i);
        String first = base(cards, 0);
        assertTrue(first.startsWith("<div class=\"obsidian-bases-views\"><div class=\"obsidian-bases-toolbar\"><span class=\"obsidian-bases-single-view-name\"><svg"), first);
        assertTrue(first.contains("</svg> Covers as note.cover</span> <span class=\"obsidian-bases-result-count\">5 results</span>"), first);
        assertTrue(first.contains("<div class=\"obsidian-base-card-title\"><a href=\"/covers/books/first/\" class=\"internal-link\">First</a></div>"
                + "<div class=\"obsidian-base-card-field\"><span class=\"obsidian-base-card-label\">year</span>: <span class=\"obsidian-base-card-value\">2020</span></div>"), first);
        assertTrue(first.contains("<img src=\"/img/user/Pictures/scan.png\" style=\"object-fit: cover; aspect-ratio: 1.5;\" loading=\"lazy\" />"), first);
    }

    @Test
    void anEmbeddedBaseFileIsDrawnWithItsDisplayNames() {
        String shelf = base(cards, 2);
        assertTrue(shelf.contains("</svg> Shelf</span>"), shelf);
        assertTrue(shelf.contains("<span class=\"obsidian-base-card-label\">Year</span>: <span class=\"obsidian-base-card-value\">2024</span>"), shelf);
        assertFalse(cards.contains("![[Shelf.base]]"), cards);
    }

    @Test
    void groupsByALinkUnderItsNotesTitleAndUnpublishedNotesAreDeadLinks() {
        String table = base(cards, 3);
        assertTrue(table.contains("<tr class=\"obsidian-base-group-row\"><td colspan=\"3\"><span class=\"obsidian-base-group-label\">Grace Hopper</span> "
                + "<span class=\"obsidian-base-group-count\">1</span></td></tr>"), table);
        assertTrue(table.contains("<span class=\"obsidian-base-group-label\">(empty)</span> <span class=\"obsidian-base-group-count\">4</span>"), table);
        assertTrue(table.contains("<td><a href=\"/covers/books/writer-grace-hopper/\" class=\"internal-link\">Grace Hopper</a></td>"
                + "<td><a href=\"/404\" class=\"internal-link is-unresolved\">Reviewer Kept Private</a></td>"), table);
        assertTrue(table.indexOf("Grace Hopper</span>") < table.indexOf("(empty)</span>"), "the group with a writer first");
        assertFalse(table.contains("Someone Private"), "an unpublished note's title is not shown");
    }

    @Test
    void severalViewsShareAToolbarWithAMenuAndAnEmbedCanNameItsView() {
        GardenPublisher publisher = new GardenPublisher(examples.sparql(), examples.vault().mapper().iris(), ZoneOffset.UTC);
        GardenPublisher.Page home = publisher.page("Home.md").orElseThrow();
        assertTrue(home.errors().isEmpty(), home.errors().toString());
        String catalog = base(home.markdown(), 0);
        assertTrue(catalog.contains("<div class=\"obsidian-bases-view-selector\"><button class=\"obsidian-bases-active-view\" aria-expanded=\"false\">"), catalog);
        for (String view : List.of("Stock table", "Rounded", "Two cheapest")) assertTrue(catalog.contains("</svg> " + view + "</button>"), view);
        assertTrue(catalog.contains("<span class=\"obsidian-bases-count-value\">4</span> results"), catalog);
        assertTrue(catalog.contains("<div class=\"obsidian-bases-view-panel\" data-view-index=\"1\" style=\"display:none\">"), catalog);
        assertTrue(catalog.contains("<div class=\"obsidian-base-summary-bar\"><div class=\"obsidian-base-summary-item\"><span class=\"obsidian-base-summary-col\">per_year</span> "
                + "<span class=\"obsidian-base-summary-label\">Average</span>"), catalog);
        // ![[Catalog.base#Two cheapest]] keeps that view only: a list, each item the file and its price.
        String list = base(home.markdown(), 1);
        assertTrue(list.contains("</svg> Two cheapest</span> <span class=\"obsidian-bases-result-count\">2 results</span></div><ul class=\"obsidian-base-list\">"
                + "<li><a href=\"/404\" class=\"internal-link is-unresolved\">Mug</a> — 1.5</li>"), list);
        // The served site draws the views one after the other instead, without script.
        String served = publisher.page("Home.md", false).orElseThrow().markdown();
        assertFalse(served.contains("<button"), served);
        assertTrue(served.contains("<a href=\"/note/Shop/Mug\" class=\"internal-link\">Mug</a> — 1.5"), served);
    }

    @Test
    void publishingWritesTheNotesMarkedForIt() {
        GardenPublisher publisher = new GardenPublisher(garden.sparql(), garden.vault().mapper().iris(), ZoneOffset.UTC);
        // Every note marked dg-publish: true, with a base or not.
        assertEquals(List.of("Covers/Books/Fifth.md", "Covers/Books/First.md", "Covers/Books/Fourth.md", "Covers/Books/Second.md", "Covers/Books/Third.md",
                "Covers/Books/Writer Grace Hopper.md", "Covers/Cards.md"), publisher.publishablePaths());
    }
}
