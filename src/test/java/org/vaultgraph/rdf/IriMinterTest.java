package org.vaultgraph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.apache.jena.irix.IRIx;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IriMinterTest {
    private final IriMinter iris = new IriMinter("http://127.0.0.1:3030/");

    @Test
    void namesKeepTheirLettersAndSpacesAreEncoded() {
        assertEquals("http://127.0.0.1:3030/note/Research/Tags/Hypoxic-Cultured%20Autologous%20Mesenchymal%20Stem%20Cells%20(MSCs)",
                iris.note("Research/Tags/Hypoxic-Cultured Autologous Mesenchymal Stem Cells (MSCs).md"));
        assertEquals("http://127.0.0.1:3030/note/Notizen/Über%20Straße", iris.note("Notizen/Über Straße.md"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b.md", "(x).md", "日本語のノート.md", "Über Straße.md", "100% #1?.md", "\"quoted\" 'single'.md",
        "emoji 🎉.md", "שלום עולם.md", "mixed \u200F rtl mark.md", "back\\slash.md", "pipe|and^caret`{}.md", "./dot/../dots.md",
        "tab\there.md", "nfd cafe\u0301.md", "ctrl\u0001char.md"})
    void everyMintedIriIsValid(String path) {
        for (String iri : new String[] {iris.note(path), iris.attachment(path), iris.tag(path), iris.unresolved(path), iris.field(path)}) {
            IRIx parsed = IRIx.create(iri);
            assertFalse(parsed.hasViolations(), iri);
        }
    }

    @Test
    void tagsAndUnresolvedTargetsCompareCaseInsensitively() {
        assertEquals(iris.tag("Research/Spine"), iris.tag("research/spine"));
        assertEquals(iris.unresolved("Discography"), iris.unresolved("discography"));
    }
}
