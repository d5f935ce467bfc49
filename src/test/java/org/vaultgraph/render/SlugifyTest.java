package org.vaultgraph.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our slugs against the ones {@code @sindresorhus/slugify} 1.1.2 (with transliterate 0.1.2 and
 * lodash.deburr 4.1.0, as the Digital Garden plugin pins them) gives for the same text.
 */
class SlugifyTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Hypoxic-Cultured Autologous Mesenchymal Stem Cells (MSCs)|hypoxic-cultured-autologous-mesenchymal-stem-cells-ms-cs",
        "Tagged Content|tagged-content",
        // camel case
        "fooBar|foo-bar",
        "XMLHttpRequest|xml-http-request",
        "APIs|ap-is",
        "iPhone 12|i-phone-12",
        // digits
        "HTML5 guide|html-5-guide",
        "DNA2Go|dna-2-go",
        "2024-01-01 Daily|2024-01-01-daily",
        // accents and other alphabets
        "Ärger über Straße|aerger-ueber-strasse",
        "Æble Øl Åå é ł|a-eble-ol-aa-e-l",
        "café|cafe",
        "Ŋŧ|nt",
        // '&' and the other built-in replacements
        "Foo & Bar ♥ 🦄|foo-and-bar-love-unicorn",
        // repeated and edge separators
        "--Leading & trailing--|leading-and-trailing",
        "C++ / C#|c-c",
        "Dr. Smith's Notes|dr-smith-s-notes",
    })
    void slugsMatchTheLibrary(String text, String slug) {
        assertEquals(slug, Slugify.slug(text));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Research/Tags/Hypoxic-Cultured Autologous Mesenchymal Stem Cells (MSCs).md|/research/tags/hypoxic-cultured-autologous-mesenchymal-stem-cells-ms-cs/",
        // permalinks of the plugin's own snapshot test
        "P Plugins/PD Dataview/PD4 DataviewJs queries.md|/p-plugins/pd-dataview/pd-4-dataview-js-queries/",
        "B Bases/B0 Cards with covers.md|/b-bases/b0-cards-with-covers/",
        "011 Custom updatedAt.md|/011-custom-updated-at/",
    })
    void permalinksSlugifyEachSegment(String path, String permalink) {
        assertEquals(permalink, Slugify.permalink(path));
    }
}
