package org.vaultgraph.vault;

import java.util.List;
import java.util.Optional;

/**
 * One markdown note of a vault, as read: its text and everything Obsidian and Dataview see in it.
 *
 * <pre>{@code
 * Note note = vault.notes().get(0);
 * note.path();   // "Research/Tags/L4-L5.md"
 * note.name();   // "L4-L5"
 * note.field("type"); // the first field whose canonical name is "type"
 * }</pre>
 *
 * @param path       vault-relative path with '/' separators, extension included
 * @param text       the whole text, line breaks normalised to '\n', byte order mark removed
 * @param fields     the page's fields in Dataview's order: front matter, then fields of plain list items,
 *                   then the other inline fields (tasks keep theirs)
 * @param links      links of the body and of front matter values, in the order they are written
 * @param tags       tags as written, those of the text first, then those of the front matter, duplicates kept
 * @param aliases    front matter aliases
 * @param codeBlocks fenced code blocks
 * @param listItems  list items and tasks, in the order they are written
 * @param externalLinks web addresses the note links to, as written
 * @param file       what the file system says about the file
 * @param created    creation time: a front matter date when the note has one, else the file system's
 * @param modified   modification time: a front matter date when the note has one, else the file system's
 */
public record Note(String path, String text, List<Field> fields, List<Link> links, List<TagRef> tags,
                   List<String> aliases, List<CodeBlock> codeBlocks, List<ListItem> listItems, List<String> externalLinks, FileStamp file,
                   FieldValue.DateValue created, FieldValue.DateValue modified) {

    /** The file name without its extension, as Dataview's {@code file.name}. */
    public String name() {
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        return fileName.regionMatches(true, fileName.length() - 3, ".md", 0, 3)
                ? fileName.substring(0, fileName.length() - 3) : fileName;
    }

    /** The folder, "" at the vault root, as Dataview's {@code file.folder}. */
    public String folder() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The first field with this canonical name, front matter first. */
    public Optional<Field> field(String canonicalKey) {
        return fields.stream().filter(f -> f.canonicalKey().equals(canonicalKey)).findFirst();
    }
}
