package org.vaultgraph.vault;

/**
 * How much of one note the reader keeps, so that the memory a note takes stays bounded whatever it
 * holds; what is left out is reported with the note's path and the line where it starts, and the
 * note's text (its {@code vg:content}) keeps everything.
 *
 * <pre>{@code NoteParser.builder().limits(NoteLimits.DEFAULT).build()}</pre>
 *
 * @param asWritten   links, tags and web links kept as written, in order (each a resource of its own in the graph)
 * @param distinct    after those, only the first link (tag, web link) to each target not seen before is
 *                    kept, up to this many in all, so that the note's set of targets stays whole
 * @param fields      inline fields, those of list items and tasks included (front matter has a limit of its own)
 * @param listItems   list items and tasks
 * @param codeBlocks  fenced code blocks
 */
public record NoteLimits(int asWritten, int distinct, int fields, int listItems, int codeBlocks) {
    /** Far above what any note written by hand holds: 10,000 of each, and 20,000 distinct targets. */
    public static final NoteLimits DEFAULT = new NoteLimits(10_000, 20_000, 10_000, 10_000, 10_000);

    public NoteLimits {
        if (asWritten < 0 || distinct < asWritten || fields < 0 || listItems < 0 || codeBlocks < 0) {
            throw new IllegalArgumentException("limits must be >= 0, and distinct >= asWritten");
        }
    }
}
