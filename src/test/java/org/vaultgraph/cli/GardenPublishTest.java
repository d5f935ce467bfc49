package org.vaultgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultgraph.render.SiteCheck;
import picocli.CommandLine;

/**
 * Publishes the garden test vault ({@code src/test/resources/garden}: a note for each rule of the
 * Digital Garden plugin) as a site and as the plugin's markdown, then crawls the site: every link
 * leads to a page or file of it, nothing of a private note is in it, and each rule shows.
 */
class GardenPublishTest {
    private static final Path VAULT = Path.of("src/test/resources/garden");
    /** The notes whose front matter says dg-publish: true. */
    private static final int PUBLISHED = 23;

    @TempDir
    static Path tmp;
    static Path site;
    static Path markdown;
    static String siteErr;
    static String markdownErr;

    @BeforeAll
    static void publish() {
        site = tmp.resolve("site");
        markdown = tmp.resolve("markdown");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "publish", VAULT.toString(), "--out", site.toString()), err.toString());
        siteErr = err.toString();
        StringWriter err2 = new StringWriter();
        assertEquals(0, run(err2, "publish", VAULT.toString(), "--out", markdown.toString(), "--format", "markdown"), err2.toString());
        markdownErr = err2.toString();
    }

    private static int run(StringWriter err, String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private static String page(String permalink) throws Exception {
        return Files.readString(site.resolve(permalink.substring(1)).resolve("index.html"));
    }

    private static List<Path> files(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void everyLinkOfTheSiteLeadsSomewhere() {
        SiteCheck.Report report = SiteCheck.check(site);
        assertEquals(List.of(), report.broken());
        assertEquals(PUBLISHED + 1, report.pages(), "a page per published note and the home page at /");
        assertTrue(report.links() > 60, "links checked: " + report.links());
        assertTrue(siteErr.contains("published " + PUBLISHED + " pages and 7 attachments"), siteErr);
    }

    @Test
    void basesAreDrawnInPlaceAndLinkNoAttachment() throws Exception {
        String page = page("/embeds/embedded-base/");
        assertTrue(page.contains("All seeds</span>"), "the embedded base file's view: " + page);
        assertTrue(page.contains("Inline base</span>"), "the base block's view: " + page);
        assertFalse(page.contains("![[Seed catalogue.base]]"), page);
        // The inline base lists every file of the vault; a picture only a private note shows is named, never linked nor copied.
        assertTrue(page.contains("<span class=\"internal-link is-unresolved\">private-sketch.png</span>"), page);
        assertFalse(Files.exists(site.resolve("img/user/Bases/Seed catalogue.base")));
    }

    @Test
    void nothingOfAPrivateNoteIsPublished() throws Exception {
        for (Path root : List.of(site, markdown)) {
            for (Path file : files(root)) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String marker : List.of("PRIVATE-DIARY", "PRIVATE-TEXT-FLAG", "PRIVATE-SHARED", "HIDDEN-REMARK")) {
                    assertFalse(text.contains(marker), file + " holds " + marker);
                }
            }
        }
        assertFalse(Files.exists(site.resolve("img/user/Media/private-sketch.png")), "a picture only a private note shows stays home");
        assertTrue(Files.isRegularFile(site.resolve("img/user/Media/shared-sketch.png")), "a picture a published note shows too is copied");
        assertTrue(siteErr.contains("Kept private.md: not published: its front matter says 'dg-publish: false'"), siteErr);
        assertTrue(siteErr.contains("Flag as text.md: not published: 'dg-publish' is \"yes\", not true"), siteErr);
        assertTrue(siteErr.contains("Headings/Sections.md: not published: no 'dg-publish: true' in its front matter"), siteErr);
        assertTrue(page("/links-everywhere/").contains("<span class=\"internal-link is-unresolved\">Kept private</span>"));
    }

    @Test
    void permalinksFollowTheFrontMatter() throws Exception {
        assertTrue(Files.isRegularFile(site.resolve("elsewhere/my-own-address/index.html")), "dg-permalink");
        assertTrue(Files.isRegularFile(site.resolve("other-place/relocated-here/index.html")), "dg-path, slugified");
        assertTrue(Files.isRegularFile(site.resolve("chosen address/CamelCase Kept/index.html")), "dg-permalink wins over dg-path, as written");
        assertTrue(Files.readString(site.resolve("index.html")).contains("A garden of notes"), "the dg-home note is the site's home");
        assertTrue(page("/named/").contains("<title>A Title Of Its Own</title>"), "title");
    }

    @Test
    void theFrontMatterIsThePluginsOwn() throws Exception {
        String named = Files.readString(markdown.resolve("src/site/notes/Named.md"));
        assertTrue(named.startsWith("---\n{\"dg-publish\":true,\"permalink\":\"/named/\",\"title\":\"A Title Of Its Own\",\"metatags\":\"garden, test\","
                + "\"pinned\":true,\"dgShowBacklinks\":true,\"dgShowToc\":true,\"updated\":\""), named);
        assertTrue(Files.readString(markdown.resolve("src/site/notes/Start.md")).startsWith(
                "---\n{\"dg-publish\":true,\"permalink\":\"/start/\",\"tags\":[\"garden\",\"index\",\"gardenEntry\"],\"updated\":\""));
        assertTrue(Files.readString(markdown.resolve("src/site/notes/Relocated twice.md")).startsWith("---\n{\"dg-publish\":true,"
                + "\"dg-path\":\"Other Place/Not Used For The Link\",\"dg-permalink\":\"chosen address/CamelCase Kept\",\"permalink\":\"/chosen address/CamelCase Kept/\","));
        assertTrue(Files.readString(markdown.resolve("src/site/notes/Tucked away.md")).startsWith("---\n{\"dg-publish\":true,\"permalink\":\"/tucked-away/\","
                + "\"hide\":true,\"hideInFiletree\":true,\"hideInGraph\":true,"));
        assertTrue(Files.readString(markdown.resolve("src/site/notes/Remarks.md")).contains("\"updated\":\"2024-03-05T10:00:00+01:00\"}"));
        assertTrue(Files.isRegularFile(markdown.resolve("src/site/img/user/Media/cover.png")), "a cover named in front matter is uploaded");
    }

    @Test
    void linksAreWrittenWithFullPathsAndResolvedOnTheSite() throws Exception {
        String md = Files.readString(markdown.resolve("src/site/notes/Links everywhere.md"));
        assertTrue(md.contains("[[Tucked away\\|Tucked away]]"), md);
        assertTrue(md.contains("[[Start \\| spaces around the bar]]"), "a name with a space before the bar does not resolve in the plugin: " + md);
        assertTrue(md.contains("[[Links everywhere#Second part\\|#Second part]]"), md);
        assertTrue(md.contains("[[Headings/Sections#Roots\\|Relative markdown link]]"), md);
        String html = page("/links-everywhere/");
        assertTrue(html.contains("<a class=\"internal-link\" href=\"/tucked-away/\">Tucked away</a>"), html);
        assertTrue(html.contains("<span class=\"internal-link is-unresolved\">Missing note</span>"), html);
        assertTrue(html.contains("href=\"/links-everywhere/#second-part\">the second part</a>"), html);
        assertTrue(html.contains("<span class=\"internal-link is-unresolved\">Relative markdown link</span>"), "Sections is not published: " + html);
        assertTrue(html.contains("<a class=\"internal-link\" href=\"/start/\">one that climbs</a>"), html);
        assertTrue(html.contains("<h2 id=\"second-part\">Second part</h2>"), html);
    }

    @Test
    void calloutsHoldTheirQueriesAndEmbeds() throws Exception {
        String html = page("/callouts/");
        assertTrue(html.contains("<div class=\"callout\" data-callout=\"note\"><div class=\"callout-title\"><div class=\"callout-title-inner\">Note</div>"), html);
        assertTrue(html.contains("data-callout=\"warning\" data-callout-fold=\"-\""), html);
        assertTrue(html.contains("<div class=\"callout\" data-callout=\"success\">"), "a callout in a callout: " + html);
        int query = html.indexOf("With a query inside");
        assertTrue(query > 0 && html.indexOf("<ul class=\"dataview list-view-ul\">", query) > query, html);
        assertTrue(html.contains("href=\"/callouts/\" class=\"internal-link\">Callouts</a>"), html);
        int embed = html.indexOf("With a note inside");
        assertTrue(html.indexOf("print(\"![[Start]] is not an embed here\")", embed) > embed, "the embedded note stays in its callout: " + html);
    }

    @Test
    void transclusionsGoFourLevelsDeep() throws Exception {
        String html = page("/embeds/depth/level-0/");
        for (String level : List.of("LEVEL-ONE", "LEVEL-TWO", "LEVEL-THREE", "LEVEL-FOUR")) assertTrue(html.contains(level), level + ": " + html);
        assertFalse(html.contains("LEVEL-FIVE"), html);
        assertTrue(html.contains("<a class=\"internal-link\" href=\"/embeds/depth/level-5/\">Heading for level 5</a>"), html);
        assertTrue(html.contains("<h1 id=\"heading-for-level-2\">Heading for level 2</h1>"), html);
        String block = page("/embeds/a-block/");
        assertTrue(block.contains("Roots hold the soil.") && !block.contains("Leaves catch light"), block);
        String section = page("/embeds/a-section/");
        int cut = section.indexOf("A section that is not there");
        assertTrue(section.substring(0, cut).contains("Roots hold the soil") && !section.substring(0, cut).contains("Leaves catch light"), section);
        assertTrue(section.substring(cut).contains("Before any heading."), "an unknown heading embeds the whole note: " + section);
        assertTrue(section.contains("Leaves catch light"), "a heading found by its slug: " + section);
        String foreign = page("/headings/foreign-heading/");
        assertTrue(foreign.contains("Text under a heading made only of Chinese characters.") && !foreign.contains("Not part of"), foreign);
        String titled = Files.readString(markdown.resolve("src/site/notes/Embeds/Titled embeds.md"));
        assertTrue(titled.contains("# spaced   title"), titled);
        assertTrue(titled.contains("## ## hashes ## inside #tag"), titled);
        assertTrue(titled.contains("# Empty page by name"), titled);
        String code = page("/embeds/embed-in-code/");
        assertFalse(code.contains("Before any heading"), "code is not searched for embeds here: " + code);
    }

    @Test
    void codeCommentsAndBlockIds() throws Exception {
        String html = page("/code-on-a-page/");
        assertTrue(html.contains("Embeds in code: ![[Tucked away]]\nA block id in code ^kept-as-is"), html);
        assertTrue(html.contains("id=\"outside-id\""), html);
        String remarks = page("/remarks/");
        assertTrue(remarks.contains("Visible words.") && remarks.contains("%% a comment inside code stays %%"), remarks);
    }

    @Test
    void picturesAndFilesAreCopiedAndShown() throws Exception {
        String html = page("/embeds/pictures/");
        assertTrue(html.contains("<img src=\"/img/user/Media/meadow.png\" alt=\"meadow.png\">"), html);
        assertTrue(html.contains("<img src=\"/img/user/Media/meadow.png\" alt=\"meadow.png\" width=\"120\">"), html);
        assertTrue(html.contains("<img src=\"/img/user/Media/seedling.webp\""), html);
        assertTrue(html.contains("<img src=\"/img/user/Media/trellis.svg\""), html);
        assertTrue(html.contains("<td><img src=\"/img/user/Media/shared-sketch.png\" alt=\"shared-sketch.png\" width=\"80\"></td>"), html);
        assertTrue(html.contains("<a href=\"/img/user/Media/planting-guide.pdf\">planting-guide.pdf</a>"), html);
        assertTrue(html.contains("<a class=\"internal-link\" href=\"/img/user/Media/harvest.csv\">harvest.csv</a>"), html);
        for (String file : List.of("meadow.png", "seedling.webp", "trellis.svg", "planting-guide.pdf", "harvest.csv", "cover.png")) {
            assertTrue(Files.isRegularFile(site.resolve("img/user/Media/" + file)), file);
        }
        assertTrue(Files.readString(markdown.resolve("src/site/notes/Embeds/Pictures.md")).contains("![meadow.png\\|a meadow\\|120](/img/user/Media/meadow.png)"));
    }

    @Test
    void queriesAnswerFromTheGraph() throws Exception {
        String html = page("/plugins/queries/");
        assertTrue(html.contains("The note's own name: Queries"), html);
        assertTrue(html.contains("A field of another note: late summer"), html);
        assertTrue(html.contains("Its own field: sunny, and a link made of one: <a class=\"external-link\" href=\"https://example.org/garden\""), html);
        assertTrue(html.contains("<code>=this.nothing</code>"), "a query with nothing to show is left as written: " + html);
        assertTrue(html.contains("<code>$=dv.pages().length</code>"), html);
        assertTrue(html.contains("<span class=\"internal-link is-unresolved\">Facts</span>"), html);
        assertTrue(siteErr.contains("Plugins/Queries.md:20: an inline JavaScript query is not run; left as code"), siteErr);
        assertTrue(siteErr.contains("Plugins/Queries.md:22: a dataviewjs block is JavaScript, which vaultgraph does not run; left as code"), siteErr);
        String embedding = page("/plugins/embedding-queries/");
        assertTrue(embedding.contains("The note's own name: Queries"), "an embedded note's queries run in that note: " + embedding);
    }
}
