package org.vaultgraph.vault;

/**
 * One field of a note: a front matter key or a Dataview inline field ({@code key:: value}).
 *
 * @param key          the name as written (e.g. "Date Created")
 * @param canonicalKey Dataview's normalised name (e.g. "date-created"), see {@link FieldNames#canonicalize}
 * @param value        the typed value
 * @param origin       where the field was written
 * @param line         1-based line of the note
 */
public record Field(String key, String canonicalKey, FieldValue value, Origin origin, int line) {

    public enum Origin { FRONT_MATTER, INLINE }
}
