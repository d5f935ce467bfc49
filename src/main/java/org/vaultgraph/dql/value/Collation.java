package org.vaultgraph.dql.value;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;

/**
 * Orders text as JavaScript's {@code localeCompare} does in an en-US runtime (ICU's collation, which
 * Node uses too): "a" before "A" before "b", "Éclair" before "idea one".
 */
public final class Collation {
    private static final Collator COLLATOR = Collator.getInstance(ULocale.forLanguageTag("en-US")).freeze();

    private Collation() {}

    /** -1, 0 or 1, as {@code a.localeCompare(b)}. */
    public static int compare(String a, String b) {
        return Integer.signum(COLLATOR.compare(a, b));
    }
}
