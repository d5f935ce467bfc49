package org.vaultgraph.bases.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vaultgraph.bases.value.BaseValue;
import org.vaultgraph.dql.value.DvDate;

/**
 * What a base knows of one file of the vault (Obsidian's file properties, from the Bases syntax and
 * Functions pages), and, for a note, its front matter properties.
 *
 * @param path        vault path, with its extension
 * @param note        whether it is a markdown note (else another kind of file)
 * @param size        bytes
 * @param ctime       created, as the file system says
 * @param mtime       modified, as the file system says
 * @param tags        the note's tags as written, each once, with '#': front matter first, then the text's
 * @param tagNames    the same tags in lower case without '#', as {@code hasTag} matches them
 * @param links       the internal links of the note, front matter included, embeds left out
 * @param embeds      the embeds of the note
 * @param linkTargets what every link and embed names: the vault path it resolves to, or its text in
 *                    lower case when it resolves to nothing
 * @param properties  front matter properties by key, in the order written
 */
public record FileFacts(String path, boolean note, double size, DvDate ctime, DvDate mtime, List<String> tags,
                        Set<String> tagNames, List<BaseValue.LinkValue> links, List<BaseValue.LinkValue> embeds,
                        Set<String> linkTargets, Map<String, BaseValue> properties) {

    /** The file name with its extension ({@code file.name}). */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The file name without its extension ({@code file.basename}). */
    public String basename() {
        String name = name();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    /** The extension, without the dot ({@code file.ext}); "" when there is none. */
    public String ext() {
        String name = name();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1);
    }

    /** The folder, "" at the vault's root ({@code file.folder}). */
    public String folder() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** {@code file.hasTag(tag)}: the tag, or a tag nested below it, in any case. */
    public boolean hasTag(String tag) {
        String wanted = (tag.startsWith("#") ? tag.substring(1) : tag).toLowerCase(Locale.ROOT);
        for (String t : tagNames) if (t.equals(wanted) || t.startsWith(wanted + "/")) return true;
        return false;
    }

    /** The front matter property of this name, as written or else in any case; null when there is none. */
    public BaseValue property(String key) {
        BaseValue exact = properties.get(key);
        if (exact != null) return exact;
        for (Map.Entry<String, BaseValue> e : properties.entrySet()) if (e.getKey().equalsIgnoreCase(key)) return e.getValue();
        return null;
    }
}
