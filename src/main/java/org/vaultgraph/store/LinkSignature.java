package org.vaultgraph.store;

import java.util.TreeSet;
import java.util.function.Function;
import org.vaultgraph.vault.LinkResolver;

/**
 * What a note's link texts resolve to, as one string: the resolved path of each text, whether it is
 * a note or another file, and for an insight the concept classes of the notes they name (which
 * decide vg:therapy, vg:outcome...). Two signatures differ exactly when the note's triples would.
 *
 * <pre>{@code LinkSignature.of(entry, index.resolver(), index::get)}</pre>
 */
final class LinkSignature {
    private LinkSignature() {
    }

    /**
     * @param note     the note's index entry (its targets and classes)
     * @param resolver resolves among the vault's paths as they are (or will be)
     * @param files    the index entry of each path, as they are (or will be)
     */
    static String of(SyncIndex.Entry note, LinkResolver resolver, Function<String, SyncIndex.Entry> files) {
        StringBuilder out = new StringBuilder();
        boolean insight = note.insight();
        for (String target : note.targets()) {
            String resolved = resolver.resolve(target, note.path()).orElse("");
            out.append(target).append('\u0000').append(resolved);
            SyncIndex.Entry entry = resolved.isEmpty() ? null : files.apply(resolved);
            if (entry != null && !entry.note()) out.append("\u0000file");
            if (insight && entry != null && entry.note()) {
                for (String c : new TreeSet<>(entry.classes())) if (SyncIndex.CONCEPT_CLASSES.contains(c)) out.append('\u0000').append(c);
            }
            out.append('\n');
        }
        return out.toString();
    }
}
