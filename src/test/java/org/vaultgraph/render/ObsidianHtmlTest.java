package org.vaultgraph.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ObsidianHtmlTest {
    private final ObsidianHtml html = new ObsidianHtml(path -> Optional.ofNullable(Map.of(
            "Known", new ObsidianHtml.LinkTarget(null, null, "Known.md"),
            "Typed.md", new ObsidianHtml.LinkTarget("Research Links", "package", "Typed.md")).get(path)));

    @Test
    void plainLinkHasNoTooltip() {
        assertEquals("<a data-href=\"Known\" href=\"Known\" class=\"internal-link\" target=\"_blank\" rel=\"noopener nofollow\">Known</a>",
                html.inline("[[Known]]"));
    }

    @Test
    void aliasedLinkHasTheTooltipFirst() {
        assertEquals("<a data-tooltip-position=\"top\" aria-label=\"Known\" data-href=\"Known\" href=\"Known\" class=\"internal-link\""
                + " target=\"_blank\" rel=\"noopener nofollow\">shown</a>", html.inline("[[Known|shown]]"));
    }

    @Test
    void unresolvedLinkIsMarked() {
        assertTrue(html.inline("[[Missing]]").contains("class=\"internal-link is-unresolved\""));
    }

    @Test
    void textIsEscapedAsTheBrowserSerialisesIt() {
        assertEquals("a &gt;= 25% &lt;b&gt; &amp; \"q\"", html.inline("a >= 25% <b> & \"q\""));
    }

    @Test
    void emphasisAndCodeRender() {
        assertEquals("<strong>b</strong> <em>i</em> <code>x &lt; y</code>", html.inline("**b** *i* `x < y`"));
    }

    @Test
    void linkToANoteWithAFileClassCarriesMetadataMenusIcon() {
        String link = html.link("Typed.md", "", "Typed");
        assertTrue(link.contains(" fileclass-name=\"Research Links\">Typed</a><a class=\"metadata-menu fileclass-icon\"><svg "), link);
        assertTrue(link.endsWith("class=\"svg-icon lucide-package\"><path d=\"m7.5 4.27 9 5.15\"></path>"
                + "<path d=\"M21 8a2 2 0 0 0-1-1.73l-7-4a2 2 0 0 0-2 0l-7 4A2 2 0 0 0 3 8v8a2 2 0 0 0 1 1.73l7 4a2 2 0 0 0 2 0l7-4A2 2 0 0 0 21 16Z\"></path>"
                + "<path d=\"m3.3 7 8.7 5 8.7-5\"></path><path d=\"M12 22V12\"></path></svg></a>"), link);
    }

    @Test
    void unknownIconNamesGiveNoMarkup() {
        assertEquals(Optional.empty(), LucideIcons.svg("no-such-icon"));
        assertEquals(Optional.empty(), LucideIcons.svg("../../etc/passwd"));
    }
}
