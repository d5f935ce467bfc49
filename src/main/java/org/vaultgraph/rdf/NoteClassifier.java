package org.vaultgraph.rdf;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.vaultgraph.vault.Field;
import org.vaultgraph.vault.FieldValue;
import org.vaultgraph.vault.Note;
import org.vaultgraph.vault.TagRef;

/**
 * Gives notes their classes from the rules of a {@link Mapping}: by folder, field value, fileClass or
 * tag; a note that no rule classifies gets a class of its own words (see {@link #defaultClass}).
 *
 * <pre>{@code new NoteClassifier(mapping).classesOf(note) // e.g. [https://w3id.org/vaultgraph/ns#Therapy]}</pre>
 */
public final class NoteClassifier {
    /** The fields whose value names a note's class when no rule gives one, in this order. */
    static final List<String> CLASS_FIELDS = List.of("type", "category");

    private final Mapping mapping;
    private final IriMinter iris;

    public NoteClassifier(Mapping mapping) {
        this.mapping = mapping;
        this.iris = new IriMinter(mapping.base());
    }

    /**
     * The IRIs of the classes every matching rule gives; a note in the fileClass folder is a vg:FileClass;
     * a note that gets neither gets its {@linkplain #defaultClass default class}, if it has one.
     */
    public Set<String> classesOf(Note note) {
        Set<String> classes = new LinkedHashSet<>();
        for (Mapping.ClassRule rule : mapping.classRules()) {
            if (matches(rule, note)) classes.add(rule.classIri());
        }
        if (!mapping.fileClassFolder().isEmpty() && inFolder(note, mapping.fileClassFolder())) {
            classes.add(VG.FileClass.getURI());
        }
        if (classes.isEmpty()) defaultClass(note).ifPresent(c -> classes.add(c.iri()));
        return classes;
    }

    /** A class minted from a note's own words: {@code <base>class/<name in lower case>}, labelled with that name. */
    public record DefaultClass(String iri, String label) {}

    /**
     * The class a note names itself: the value of its {@code type} field, else of its {@code category}
     * field, else its Metadata Menu fileClass, else its first tag (front matter tags before those of
     * the text; a tag on a task line is the task's). A list gives its first item, a link the name of
     * the note it names.
     */
    public Optional<DefaultClass> defaultClass(Note note) {
        for (String key : CLASS_FIELDS) {
            Optional<String> name = note.field(key).flatMap(f -> firstName(f.value()));
            if (name.isPresent()) return Optional.of(mint(name.get()));
        }
        Optional<String> fileClass = note.field(mapping.fileClassField()).flatMap(f -> firstName(f.value()));
        if (fileClass.isPresent()) return Optional.of(mint(fileClass.get()));
        Optional<TagRef> tag = note.tags().stream().filter(TagRef::frontMatter).findFirst()
                .or(() -> note.tags().stream().filter(t -> !onTaskLine(t, note)).findFirst());
        return tag.map(t -> mint(t.name()));
    }

    /** A tag written on a task marks the task (Dataview gives it to the task), not the note. */
    private static boolean onTaskLine(TagRef tag, Note note) {
        return note.listItems().stream().anyMatch(item -> item.isTask()
                && tag.line() >= item.line() && tag.line() < item.line() + item.lineCount());
    }

    private DefaultClass mint(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return new DefaultClass(iris.defaultClass(lower), lower);
    }

    /** The first name a field value gives: text, a number or date as written, a link's note name, a list's first such item. */
    private static Optional<String> firstName(FieldValue value) {
        if (value instanceof FieldValue.ListValue list) {
            return list.items().stream().map(NoteClassifier::firstName).flatMap(Optional::stream).findFirst();
        }
        if (value instanceof FieldValue.LinkValue link) {
            String target = link.link().target();
            return nonBlank(IriMinter.stripMarkdownExtension(target.substring(target.lastIndexOf('/') + 1)));
        }
        if (value instanceof FieldValue.Null || value instanceof FieldValue.ObjectValue) return Optional.empty();
        return nonBlank(VaultMapper.text(value));
    }

    private static Optional<String> nonBlank(String text) {
        return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
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
