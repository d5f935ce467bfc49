package org.vaultgraph.dql.value;

/**
 * Tells emoji code points apart from letters and punctuation, for Dataview's rules on names and tags.
 *
 * <p>Java 17 has no {@code \p{Emoji}}; these are the Unicode blocks that hold emoji and the
 * joiners and modifiers that build emoji sequences.
 */
public final class Emoji {
    private Emoji() {}

    public static boolean isEmoji(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF)      // pictographs, emoticons, transport, flags, symbols
                || (cp >= 0x2600 && cp <= 0x27BF)    // miscellaneous symbols and dingbats
                || (cp >= 0x2300 && cp <= 0x23FF)    // technical symbols (watch, hourglass)
                || (cp >= 0x2B00 && cp <= 0x2BFF)    // arrows and stars
                || (cp >= 0x2190 && cp <= 0x21FF)    // arrows
                || (cp >= 0xE0020 && cp <= 0xE007F)  // tag sequences
                || cp == 0x200D || cp == 0xFE0F || cp == 0x20E3
                || cp == 0x00A9 || cp == 0x00AE || cp == 0x203C || cp == 0x2049 || cp == 0x2122
                || cp == 0x2139 || cp == 0x3030 || cp == 0x303D || cp == 0x3297 || cp == 0x3299;
    }
}
