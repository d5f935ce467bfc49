package org.vaultgraph.vault;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes what the reader found in a vault as plain lines, one fact a line, so that a rule's test can
 * compare them with the lines its {@code expected.txt} states.
 */
final class VaultFacts {
    private VaultFacts() {}

    static List<String> of(Vault vault) {
        LinkResolver resolver = LinkResolver.of(vault);
        List<String> lines = new ArrayList<>();
        for (Note note : vault.notes()) {
            String p = note.path();
            lines.add("note " + p);
            for (Link link : note.links()) {
                lines.add(p + " link " + link.target() + " | " + link.subpath() + " | " + link.display() + " | "
                        + (link.embed() ? "embed" : "link") + " | " + link.syntax() + " @" + link.line() + ":" + link.column()
                        + " -> " + resolver.resolve(link.target(), p).orElse("UNRESOLVED"));
            }
            for (String url : note.externalLinks()) lines.add(p + " web " + url);
            for (TagRef tag : note.tags()) lines.add(p + " tag " + tag.name() + " @" + tag.line());
            for (Field field : note.fields()) {
                lines.add(p + " field " + field.key() + " [" + field.canonicalKey() + "] = " + value(field.value())
                        + " @" + field.line() + " " + field.origin());
            }
            for (String alias : note.aliases()) lines.add(p + " alias " + alias);
            for (CodeBlock block : note.codeBlocks()) lines.add(p + " code " + block.language() + " @" + block.line());
            lines.add(p + " created " + (fromFile(note, note.created()) ? "(file)" : note.created().lexical()));
            lines.add(p + " modified " + (fromFile(note, note.modified()) ? "(file)" : note.modified().lexical()));
        }
        for (Attachment attachment : vault.attachments()) lines.add("attachment " + attachment.path());
        for (Problem problem : vault.problems()) lines.add("problem " + problem);
        return lines;
    }

    /** Whether a time is the file system's (those differ from machine to machine, so they are not written out). */
    private static boolean fromFile(Note note, FieldValue.DateValue date) {
        return note.fields().stream().noneMatch(f -> f.value().equals(date));
    }

    static String value(FieldValue value) {
        if (value instanceof FieldValue.Text t) return "text(" + t.text() + ")";
        if (value instanceof FieldValue.Number n) return "number(" + n.value().toPlainString() + ")";
        if (value instanceof FieldValue.Bool b) return "bool(" + b.value() + ")";
        if (value instanceof FieldValue.DateValue d) return (d.hasTime() ? "datetime(" : "date(") + d.lexical() + ")";
        if (value instanceof FieldValue.Duration d) return "duration(" + d.lexical() + ")";
        if (value instanceof FieldValue.LinkValue l) {
            Link link = l.link();
            return "link(" + link.target() + link.subpath() + (link.display() == null ? "" : "|" + link.display()) + ")";
        }
        if (value instanceof FieldValue.ListValue l) return "list(" + l.items().stream().map(VaultFacts::value).collect(Collectors.joining(", ")) + ")";
        if (value instanceof FieldValue.ObjectValue o) {
            return "object(" + o.entries().entrySet().stream().map(e -> e.getKey() + ": " + value(e.getValue()))
                    .collect(Collectors.joining(", ")) + ")";
        }
        return "null";
    }
}
