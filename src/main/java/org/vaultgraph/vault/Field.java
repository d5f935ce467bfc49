package org.vaultgraph.vault;

/**
 * One field of a note: a front matter key or a Dataview inline field ({@code key:: value}).
 *
 * @param key          the name as written (e.g. "Date Created")
 * @param canonicalKey Dataview's normalised name (e.g. "date-created"), see {@link FieldNames#canonicalize}
 * @param value        the typed value
 * @param origin       where the field was written
 * @param line         1-based line of the note (for a field of a list item, the item's first line)
 * @param written      the front matter text a date or duration was read from ("3 hours 30 minutes"), or null
 */
public record Field(String key, String canonicalKey, FieldValue value, Origin origin, int line, String written) {

    public Field(String key, String canonicalKey, FieldValue value, Origin origin, int line) {
        this(key, canonicalKey, value, origin, line, null);
    }


    /** Front matter, an inline field in the text, or an inline field of a list item (a task's fields stay with the task). */
    public enum Origin { FRONT_MATTER, INLINE, LIST_ITEM }
}
