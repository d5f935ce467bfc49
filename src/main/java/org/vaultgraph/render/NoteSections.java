package org.vaultgraph.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headings and blocks of a note's text, by line, as Obsidian's metadata cache lists them: what a
 * transclusion of {@code ![[Note#Heading]]} or {@code ![[Note#^block]]} cuts out of the note.
 *
 * <pre>{@code
 * NoteSections sections = NoteSections.of(text);
 * sections.heading("Header").map(h -> h.line()); // 0-based line of "## Header"
 * sections.block("c954d2");                      // the lines of the paragraph ending in "^c954d2"
 * }</pre>
 */
final class NoteSections {
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})[ \\t]+(.*?)[ \\t#]*$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
    private static final Pattern BLOCK_ID = Pattern.compile("(?:^|\\s)\\^([A-Za-z0-9-]+)\\s*$");

    /** A heading: its text, level and 0-based line. */
    record Heading(String text, int level, int line) {}

    /** A block: its id and the 0-based lines it spans, both included. */
    record Block(String id, int start, int end) {}

    private final List<Heading> headings = new ArrayList<>();
    private final List<Block> blocks = new ArrayList<>();

    private NoteSections() {}

    static NoteSections of(String text) {
        NoteSections sections = new NoteSections();
        String[] lines = text.split("\n", -1);
        boolean inFence = false;
        int paragraphStart = -1;
        int frontMatterEnd = frontMatterEnd(lines);
        for (int i = frontMatterEnd; i < lines.length; i++) {
            String line = lines[i];
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                paragraphStart = -1;
                continue;
            }
            if (inFence) continue;
            if (line.isBlank()) {
                paragraphStart = -1;
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                sections.headings.add(new Heading(heading.group(2).strip(), heading.group(1).length(), i));
                paragraphStart = -1;
                continue;
            }
            if (paragraphStart < 0) paragraphStart = i;
            Matcher id = BLOCK_ID.matcher(line);
            if (id.find()) {
                // "^id" alone on a line names the block above it; at the end of a line, the paragraph it ends.
                boolean alone = line.strip().equals("^" + id.group(1));
                int start = alone && paragraphStart == i ? previousBlockStart(lines, i) : paragraphStart;
                int end = alone && paragraphStart == i ? Math.max(start, i - 1) : i;
                sections.blocks.add(new Block(id.group(1), start, end));
            }
        }
        return sections;
    }

    private static int frontMatterEnd(String[] lines) {
        if (lines.length == 0 || !lines[0].strip().equals("---")) return 0;
        for (int i = 1; i < lines.length; i++) if (lines[i].strip().equals("---")) return i + 1;
        return 0;
    }

    private static int previousBlockStart(String[] lines, int idLine) {
        int i = idLine - 1;
        while (i >= 0 && lines[i].isBlank()) i--;
        while (i > 0 && !lines[i - 1].isBlank()) i--;
        return Math.max(i, 0);
    }

    List<Heading> headings() {
        return headings;
    }

    java.util.Optional<Block> block(String id) {
        return blocks.stream().filter(b -> b.id().equalsIgnoreCase(id)).findFirst();
    }
}
