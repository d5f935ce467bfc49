package org.vaultgraph.rdf;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.vaultgraph.vault.Field;
import org.vaultgraph.vault.FieldValue;
import org.vaultgraph.vault.Note;
import org.vaultgraph.vault.TagRef;

/**
 * Gives notes their classes from the rules of a {@link Mapping}: by folder, field value, fileClass or tag.
 *
 * <pre>{@code new NoteClassifier(mapping).classesOf(note) // e.g. [https://w3id.org/vaultgraph/ns#Therapy]}</pre>
 */
public final class NoteClassifier {
    private final Mapping mapping;

    public NoteClassifier(Mapping mapping) {
        this.mapping = mapping;
    }

    /** The IRIs of the classes every matching rule gives; a note in the fileClass folder is a vg:FileClass. */
    public Set<String> classesOf(Note note) {
        Set<String> classes = new LinkedHashSet<>();
        for (Mapping.ClassRule rule : mapping.classRules()) {
            if (matches(rule, note)) classes.add(rule.classIri());
        }
        if (!mapping.fileClassFolder().isEmpty() && inFolder(note, mapping.fileClassFolder())) {
            classes.add(VG.FileClass.getURI());
        }
        return classes;
    }

    private static boolean matches(Mapping.ClassRule rule, Note note) {
        if (!rule.folder().isEmpty() && !inFolder(note, rule.folder())) return false;
        if (!rule.field().isEmpty() && note.fields().stream().noneMatch(f -> fieldMatches(f, rule))) return false;
        return rule.tag().isEmpty() || note.tags().stream().anyMatch(t -> tagMatches(t, rule.tag()));
    }

    private static boolean inFolder(Note note, String folder) {
        String f = note.folder().toLowerCase(Locale.ROOT);
        String wanted = folder.toLowerCase(Locale.ROOT);
        return f.equals(wanted) || f.startsWith(wanted + "/");
    }

    private static boolean fieldMatches(Field field, Mapping.ClassRule rule) {
        return field.canonicalKey().equals(rule.field()) && (rule.value() == null || valueMatches(field.value(), rule.value()));
    }

    private static boolean valueMatches(FieldValue value, String wanted) {
        if (value instanceof FieldValue.ListValue list) return list.items().stream().anyMatch(v -> valueMatches(v, wanted));
        if (value instanceof FieldValue.LinkValue link) return link.link().target().equalsIgnoreCase(wanted);
        return !(value instanceof FieldValue.Null) && VaultMapper.text(value).strip().equalsIgnoreCase(wanted);
    }

    private static boolean tagMatches(TagRef tag, String wanted) {
        String name = tag.name().toLowerCase(Locale.ROOT);
        String w = wanted.toLowerCase(Locale.ROOT);
        return name.equals(w) || name.startsWith(w + "/");
    }
}
