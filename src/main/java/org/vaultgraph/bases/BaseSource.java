package org.vaultgraph.bases;

import org.vaultgraph.bases.syntax.BaseReader;
import org.vaultgraph.bases.syntax.BaseSpec;
import org.vaultgraph.bases.syntax.BaseSyntaxException;

/**
 * A base as written somewhere in the vault: a {@code .base} file, or a {@code ```base} block of a
 * note, whose text starts at {@code firstLine} of that note.
 *
 * <pre>{@code BaseSpec spec = new BaseSource("Books.base", 1, text).read();}</pre>
 *
 * @param path      vault path of the file the base is written in; links in the base resolve from it
 * @param firstLine the line of the file the base's text starts on (1 for a .base file)
 * @param text      the base's YAML
 */
public record BaseSource(String path, int firstLine, String text) {

    public boolean inNote() {
        return !path.toLowerCase(java.util.Locale.ROOT).endsWith(".base");
    }

    /** The base, checked; a {@link BaseException} naming this file and the line when it cannot be read. */
    public BaseSpec read() {
        try {
            return BaseReader.read(text);
        } catch (BaseSyntaxException e) {
            throw new BaseException(path, e.line() > 0 ? firstLine + e.line() - 1 : firstLine, e.column(), e.getMessage());
        }
    }
}
