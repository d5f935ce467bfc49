package org.vaultgraph.vault;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * Reads the front matter most notes have, {@code key: value} lines and lists of {@code - item} lines, into the nodes
 * SnakeYAML would compose from it, without running SnakeYAML's scanner, parser and composer.
 *
 * <pre>{@code FlatYaml.read("title: On discs\nyear: 2019\n", resolver) // a mapping of two scalars, or empty}</pre>
 *
 * Anything it is not sure of (other indentation, nested lists and maps, flow collections, anchors, tags, comments, escapes,
 * block scalars, tabs, unusual characters, long keys) gives empty, and the caller lets SnakeYAML read
 * the text: so the result is always what SnakeYAML gives, which a differential test checks.
 */
final class FlatYaml {
    private FlatYaml() {}

    /** Longer front matter is left to SnakeYAML, which bounds what it reads. */
    private static final int MAX_LINES = 500;
    private static final int MAX_CHARS = 64 * 1024;
    /** SnakeYAML reads an implicit key of at most 1024 characters; far below that, nothing can go wrong. */
    private static final int MAX_KEY = 128;
    private static final Optional<Mark> NO_MARK = Optional.empty();

    /**
     * The mapping SnakeYAML would compose from {@code yaml}, when every line is a flat {@code key: value},
     * or a {@code - item} of a list under a key with no value of its own; else empty.
     */
    static Optional<MappingNode> read(String yaml, ScalarResolver resolver) {
        if (yaml.length() > MAX_CHARS) return Optional.empty();
        List<NodeTuple> tuples = new ArrayList<>();
        OpenKey open = null;
        int lineStart = 0;
        int line = 0;
        while (lineStart < yaml.length()) {
            int newline = yaml.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? yaml.length() : newline;
            if (line >= MAX_LINES) return Optional.empty();
            int indent = 0;
            while (lineStart + indent < lineEnd && yaml.charAt(lineStart + indent) == ' ') indent++;
            if (lineStart + indent == lineEnd) {
                // A blank line: nothing to read.
            } else if (yaml.startsWith("- ", lineStart + indent)) {
                if (open == null || !open.addItem(yaml, lineStart, lineEnd, indent, line, resolver)) return Optional.empty();
            } else {
                if (open != null) tuples.add(open.close());
                open = null;
                NodeTuple tuple = entry(yaml, lineStart, lineEnd, line, resolver);
                if (tuple == null) return Optional.empty();
                if (tuple.getValueNode() instanceof ScalarNode value && value.getTag().equals(Tag.NULL) && value.getValue().isEmpty()) {
                    open = new OpenKey(tuple);
                } else {
                    tuples.add(tuple);
                }
            }
            lineStart = lineEnd + 1;
            line++;
        }
        if (open != null) tuples.add(open.close());
        if (tuples.isEmpty()) return Optional.empty();
        return Optional.of(new MappingNode(Tag.MAP, true, tuples, FlowStyle.BLOCK, mark(0, 0), NO_MARK));
    }

    /** A key written with no value: null, unless {@code - item} lines follow, all at one indentation, which make it a list. */
    private static final class OpenKey {
        private final NodeTuple empty;
        private final List<Node> items = new ArrayList<>();
        private int indent = -1;

        OpenKey(NodeTuple empty) {
            this.empty = empty;
        }

        boolean addItem(String yaml, int lineStart, int lineEnd, int itemIndent, int line, ScalarResolver resolver) {
            if (indent >= 0 && itemIndent != indent) return false;
            indent = itemIndent;
            int valueStart = lineStart + itemIndent + 2;
            while (valueStart < lineEnd && yaml.charAt(valueStart) == ' ') valueStart++;
            int valueEnd = lineEnd;
            while (valueEnd > valueStart && yaml.charAt(valueEnd - 1) == ' ') valueEnd--;
            if (valueStart == valueEnd) return false; // an empty item: left to SnakeYAML
            ScalarNode item = value(yaml.substring(valueStart, valueEnd), line, valueStart - lineStart, resolver);
            if (item == null) return false;
            items.add(item);
            return true;
        }

        NodeTuple close() {
            if (items.isEmpty()) return empty;
            return new NodeTuple(empty.getKeyNode(), new SequenceNode(Tag.SEQ, true, List.copyOf(items), FlowStyle.BLOCK,
                    items.get(0).getStartMark(), NO_MARK));
        }
    }

    /** One {@code key: value} line, or null when the line is anything else. */
    private static NodeTuple entry(String yaml, int start, int end, int line, ScalarResolver resolver) {
        int colon = yaml.indexOf(':', start);
        if (colon < 0 || colon >= end || colon == start) return null;
        if (colon + 1 < end && yaml.charAt(colon + 1) != ' ') return null;
        String key = yaml.substring(start, colon);
        if (!isSimpleKey(key)) return null;
        int valueStart = colon + 1;
        while (valueStart < end && yaml.charAt(valueStart) == ' ') valueStart++;
        int valueEnd = end;
        while (valueEnd > valueStart && yaml.charAt(valueEnd - 1) == ' ') valueEnd--;
        ScalarNode value = value(yaml.substring(valueStart, valueEnd), line, valueStart - start, resolver);
        if (value == null) return null;
        // The key's tag is never read (a key is its text), so it is not resolved.
        ScalarNode keyNode = new ScalarNode(Tag.STR, true, key, ScalarStyle.PLAIN, mark(line, 0), NO_MARK);
        return new NodeTuple(keyNode, value);
    }

    private static ScalarNode value(String text, int line, int column, ScalarResolver resolver) {
        if (!isPrintable(text)) return null;
        if (text.isEmpty()) return new ScalarNode(Tag.NULL, true, "", ScalarStyle.PLAIN, mark(line, column), NO_MARK);
        char first = text.charAt(0);
        if (first == '"') return quoted(text, '"', ScalarStyle.DOUBLE_QUOTED, line, column);
        if (first == '\'') return quoted(text, '\'', ScalarStyle.SINGLE_QUOTED, line, column);
        if (!isPlain(text)) return null;
        return new ScalarNode(resolver.resolve(text, true), true, text, ScalarStyle.PLAIN, mark(line, column), NO_MARK);
    }

    /** A quoted value on one line with nothing after its closing quote; escapes in double quotes are left to SnakeYAML. */
    private static ScalarNode quoted(String text, char quote, ScalarStyle style, int line, int column) {
        StringBuilder content = new StringBuilder(text.length());
        int i = 1;
        while (true) {
            if (i >= text.length()) return null;
            char c = text.charAt(i);
            if (c == '\\' && quote == '"') return null;
            if (c == quote) {
                if (quote == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    content.append('\'');
                    i += 2;
                    continue;
                }
                break;
            }
            content.append(c);
            i++;
        }
        if (i != text.length() - 1) return null;
        return new ScalarNode(Tag.STR, false, content.toString(), style, mark(line, column), NO_MARK);
    }

    /** A plain scalar that cannot be read as anything else: no indicator first, no ": " or " #" inside, no ':' last. */
    private static boolean isPlain(String text) {
        char first = text.charAt(0);
        if ("[]{}#&*!|>'\"%@`,?:".indexOf(first) >= 0) return false;
        if (first == '-' && (text.length() == 1 || text.charAt(1) == ' ')) return false;
        if (text.contains(": ") || text.contains(" #") || text.endsWith(":")) return false;
        return !text.equals("---") && !text.equals("...");
    }

    /** Letters, digits, '_', '-', '.', '/' and inner spaces, starting with a letter, digit or '_'. */
    private static boolean isSimpleKey(String key) {
        if (key.length() > MAX_KEY) return false;
        int first = key.codePointAt(0);
        if (!(Character.isLetterOrDigit(first) || first == '_')) return false;
        if (key.charAt(key.length() - 1) == ' ') return false;
        for (int i = 0; i < key.length(); ) {
            int cp = key.codePointAt(i);
            if (!(Character.isLetterOrDigit(cp) || cp == '_' || cp == '-' || cp == '.' || cp == '/' || cp == ' ')) return false;
            i += Character.charCount(cp);
        }
        return true;
    }

    /** Only characters SnakeYAML reads as ordinary text: no tabs or other controls, no line or paragraph separators, no BOM. */
    private static boolean isPrintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == '\u2028' || c == '\u2029' || c == '\uFEFF' || c >= '\uFFFE') return false;
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) return false;
                i++;
            }
        }
        return true;
    }

    private static Optional<Mark> mark(int line, int column) {
        return Optional.of(new Mark("front matter", 0, line, column, new int[0], 0));
    }
}
