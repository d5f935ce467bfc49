package org.vaultgraph.vault;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a note's markdown with flexmark a part at a time, so that the syntax tree held at once stays
 * small however large the note: flexmark's tree takes many times the size of the text it describes.
 *
 * <pre>{@code
 * MarkdownParts.Report report = MarkdownParts.parse(parser, masked, MarkdownParts.PART, (block, shift) -> visit(block, shift));
 * }</pre>
 *
 * A part ends where a top-level block begins, so each block is parsed exactly as a parse of the whole
 * text would parse it (the blocks before a new top-level block are closed for good). A note smaller
 * than a part is one part. Only a single block larger than a part (a paragraph of a hundred thousand
 * lines, say) has to be cut inside: at a line break, preferably before a line that starts no block of
 * its own; a code span or link written across that line break is then not seen, which the report says.
 * Code and HTML blocks, whose content flexmark keeps as plain lines, are never cut.
 */
final class MarkdownParts {
    /** The size of text parsed at once. */
    static final int PART = 256 * 1024;

    private MarkdownParts() {}

    /** Receives each top-level block; its offsets plus {@code shift} are offsets in the whole text. */
    interface Visitor {
        void block(Node block, int shift);
    }

    /** Where blocks larger than a part had to be cut, as offsets in the text. */
    record Report(List<Integer> cuts) {}

    static Report parse(Parser parser, MaskedText text, int partSize, Visitor visitor) {
        List<Integer> cuts = new ArrayList<>();
        int n = text.length();
        int start = 0;
        while (start < n) {
            int window = partSize;
            while (true) {
                int end = n - start <= window ? n : breakBefore(text, start, start + window);
                List<Node> blocks = topLevel(parser.parse(text.subSequence(start, end)));
                if (end == n) {
                    for (Node b : blocks) visitor.block(b, start);
                    start = n;
                    break;
                }
                if (blocks.isEmpty()) {
                    start = end;
                    break;
                }
                int last = lineStart(text, start + blocks.get(blocks.size() - 1).getStartOffset());
                if (blocks.size() > 1 && last > start) {
                    // The last block may go on past the part: it begins the next part.
                    for (Node b : blocks.subList(0, blocks.size() - 1)) visitor.block(b, start);
                    start = last;
                    break;
                }
                if (hidesContent(blocks.get(0))) {
                    window *= 2;
                    continue;
                }
                int cut = cutInside(text, start, end);
                if (cut < end) blocks = topLevel(parser.parse(text.subSequence(start, cut)));
                for (Node b : blocks) visitor.block(b, start);
                cuts.add(cut);
                start = cut;
                break;
            }
        }
        return new Report(List.copyOf(cuts));
    }

    /** Visits {@code block} and every node inside it, in the order written. */
    static void walk(Node block, java.util.function.Consumer<Node> visit) {
        Node node = block;
        while (node != null) {
            visit.accept(node);
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                continue;
            }
            while (node != block && node.getNext() == null) node = node.getParent();
            node = node == block ? null : node.getNext();
        }
    }

    private static List<Node> topLevel(Document document) {
        List<Node> blocks = new ArrayList<>();
        for (Node child = document.getFirstChild(); child != null; child = child.getNext()) blocks.add(child);
        return blocks;
    }

    /** Blocks whose text flexmark does not parse further: parsing them whole costs little, and cutting them would expose their text. */
    private static boolean hidesContent(Node block) {
        return block instanceof FencedCodeBlock || block instanceof IndentedCodeBlock || block instanceof HtmlBlockBase;
    }

    /** Where a part that may end at {@code limit} ends: after the last line break before it, else after the last space, else at the limit. */
    private static int breakBefore(MaskedText text, int start, int limit) {
        for (int i = limit - 1; i > start; i--) if (text.charAt(i - 1) == '\n') return i;
        for (int i = limit - 1; i > start; i--) if (Character.isWhitespace(text.charAt(i - 1))) return i;
        return limit;
    }

    private static int lineStart(MaskedText text, int offset) {
        int i = offset;
        while (i > 0 && text.charAt(i - 1) != '\n') i--;
        return i;
    }

    /**
     * Where to cut one block that fills the part from {@code start} to {@code end}: at a line start in its
     * second half whose line could not begin a block of its own (so the next part reads it as the whole
     * parse would), else at {@code end}.
     */
    private static int cutInside(MaskedText text, int start, int end) {
        if (text.charAt(end - 1) != '\n') return end;
        for (int i = end; i > start + (end - start) / 2; i--) {
            if (text.charAt(i - 1) == '\n' && i < text.length() && continuesAnyBlock(text.charAt(i))) return i;
        }
        return end;
    }

    /** A line starting with this character starts no block: not a space (code, continuation), marker, fence, HTML or number. */
    private static boolean continuesAnyBlock(char first) {
        return !Character.isWhitespace(first) && "#>-+*=_<`~|:0123456789".indexOf(first) < 0;
    }
}
