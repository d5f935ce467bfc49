package org.vaultgraph.vault;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads the YAML front matter of a note into fields, tags, aliases and links.
 *
 * <p>YAML 1.2 core schema, as Obsidian reads properties ({@code yes} is text, not a boolean); string
 * values are then typed as Dataview types front matter: a whole date, duration or link, else text.
 * Aliases and node counts are bounded, so a YAML bomb yields a problem, not an exhausted heap.
 */
final class FrontMatterReader {
    private static final Pattern CLOSING_LINE = Pattern.compile("(?m)^---[ \\t]*$");
    private static final int MAX_DEPTH = 64;
    private static final int MAX_NODES = 20_000;

    private final LoadSettings settings = LoadSettings.builder()
            .setSchema(new CoreSchema())
            .setAllowDuplicateKeys(true)
            .setAllowRecursiveKeys(false)
            .setMaxAliasesForCollections(50)
            .setCodePointLimit(4 * 1024 * 1024)
            .setUseMarks(true)
            .build();

    /** Where the front matter sits: the YAML text and the offset just after the closing line. */
    record Block(String yaml, int end) {
        static final Block NONE = new Block("", 0);
    }

    /** What the front matter holds. */
    record Content(List<Field> fields, List<TagRef> tags, List<String> aliases, List<Link> links) {
        static Content empty() {
            return new Content(List.of(), List.of(), List.of(), List.of());
        }
    }

    /** Finds front matter: a first line {@code ---} and a later line {@code ---}; else {@link Block#NONE}. */
    static Block locate(String text) {
        if (!(text.startsWith("---\n") || text.matches("(?s)^---[ \\t]+\n.*"))) return Block.NONE;
        int firstNewline = text.indexOf('\n');
        Matcher closing = CLOSING_LINE.matcher(text);
        if (!closing.find(firstNewline + 1)) return Block.NONE;
        int end = closing.end() < text.length() ? closing.end() + 1 : closing.end();
        return new Block(text.substring(firstNewline + 1, closing.start()), end);
    }

    /** Whether the text opens a front matter block that is never closed. */
    static boolean isUnclosed(String text) {
        return text.startsWith("---\n") && locate(text) == Block.NONE;
    }

    private final boolean flatFastPath;
    private final ScalarResolver resolver = settings.getSchema().getScalarResolver();

    FrontMatterReader() {
        this(true);
    }

    /** @param flatFastPath whether flat {@code key: value} front matter is read without SnakeYAML ({@link FlatYaml}) */
    FrontMatterReader(boolean flatFastPath) {
        this.flatFastPath = flatFastPath;
    }

    Content read(String path, Block block, List<Problem> problems) {
        if (block.yaml().isBlank()) return Content.empty();
        Optional<MappingNode> flat = flatFastPath ? FlatYaml.read(block.yaml(), resolver) : Optional.empty();
        Optional<Node> root;
        try {
            root = flat.isPresent() ? Optional.of(flat.get()) : new Compose(settings).composeString(block.yaml());
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 2).orElse(1);
            int column = e.getProblemMark().map(m -> m.getColumn() + 1).orElse(0);
            String context = e.getContext() == null ? "" : " (" + e.getContext()
                    + e.getContextMark().map(m -> " that starts at line " + (m.getLine() + 2)).orElse("") + ")";
            problems.add(Problem.at(path, line, column, "front matter is not valid YAML: " + e.getProblem() + context
                    + "; the note is read without its properties"));
            return Content.empty();
        } catch (YamlEngineException e) {
            problems.add(Problem.at(path, 1, 0, "front matter could not be read: " + firstLine(e.getMessage())
                    + "; the note is read without its properties"));
            return Content.empty();
        } catch (StackOverflowError e) {
            problems.add(Problem.at(path, 1, 0, "front matter is nested too deeply to read; the note is read without its properties"));
            return Content.empty();
        }
        if (root.isEmpty()) return Content.empty();
        if (!(root.get() instanceof MappingNode mapping)) {
            problems.add(Problem.at(path, 2, 1, "front matter should be 'key: value' lines, but found "
                    + describe(root.get()) + "; the note is read without its properties"));
            return Content.empty();
        }
        Walk walk = new Walk(path, problems);
        List<Field> fields = new ArrayList<>();
        List<TagRef> tags = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = keyText(tuple.getKeyNode());
            if (key.equals("position")) continue; // Obsidian's own key, which Dataview skips
            int line = lineOf(tuple.getKeyNode());
            FieldValue value = walk.value(tuple.getValueNode(), 0);
            // A date or duration read from text keeps that text: the raw front matter shows it as written.
            String written = tuple.getValueNode() instanceof ScalarNode scalar && scalar.getTag().equals(Tag.STR)
                    && (value instanceof FieldValue.DateValue || value instanceof FieldValue.Duration) ? scalar.getValue() : null;
            fields.add(new Field(key, FieldNames.canonicalize(key), value, Field.Origin.FRONT_MATTER, line, written));
            String lower = key.toLowerCase(Locale.ROOT);
            if (lower.equals("tags") || lower.equals("tag")) {
                splitTagsOrAliases(value, true).forEach(t -> tags.add(new TagRef(t, line, true)));
            } else if (lower.equals("aliases") || lower.equals("alias")) {
                aliases.addAll(splitTagsOrAliases(value, false));
            }
        }
        return new Content(List.copyOf(fields), List.copyOf(tags), List.copyOf(aliases), List.copyOf(walk.links));
    }

    /** Dataview splits tag strings on commas and whitespace and strips a leading '#'; aliases only on commas. */
    private static List<String> splitTagsOrAliases(FieldValue value, boolean tags) {
        List<String> out = new ArrayList<>();
        if (value instanceof FieldValue.ListValue list) {
            for (FieldValue item : list.items()) {
                if (tags) out.addAll(splitTagsOrAliases(item, true));
                else if (!(item instanceof FieldValue.Null)) out.add(scalarText(item).strip());
            }
            return out;
        }
        if (value instanceof FieldValue.Null) return out;
        for (String piece : scalarText(value).split(tags ? "[,\\s]+" : ",")) {
            String trimmed = piece.strip();
            if (tags && trimmed.startsWith("#")) trimmed = trimmed.substring(1);
            if (!trimmed.isEmpty()) out.add(trimmed);
        }
        return out;
    }

    private static String scalarText(FieldValue value) {
        if (value instanceof FieldValue.Text t) return t.text();
        if (value instanceof FieldValue.Number n) return n.value().toPlainString();
        if (value instanceof FieldValue.Bool b) return Boolean.toString(b.value());
        if (value instanceof FieldValue.DateValue d) return d.lexical();
        if (value instanceof FieldValue.Duration d) return d.lexical();
        if (value instanceof FieldValue.LinkValue l) return l.link().target();
        return "";
    }

    /** Converts YAML nodes to values, counting nodes so that aliases cannot blow the structure up. */
    private static final class Walk {
        private final String path;
        private final List<Problem> problems;
        private final List<Link> links = new ArrayList<>();
        private final Map<Node, Boolean> inProgress = new IdentityHashMap<>();
        private int nodes;
        private boolean reportedLimit;

        Walk(String path, List<Problem> problems) {
            this.path = path;
            this.problems = problems;
        }

        FieldValue value(Node node, int depth) {
            if (++nodes > MAX_NODES || depth > MAX_DEPTH || inProgress.containsKey(node)) {
                if (!reportedLimit) {
                    reportedLimit = true;
                    problems.add(Problem.at(path, lineOf(node), 0, "front matter value is too large or refers to itself"
                            + " (over " + MAX_NODES + " values or " + MAX_DEPTH + " levels); the rest of it is left out"));
                }
                return new FieldValue.Null();
            }
            inProgress.put(node, Boolean.TRUE);
            try {
                if (node instanceof ScalarNode scalar) return scalar(scalar);
                if (node instanceof SequenceNode sequence) {
                    List<FieldValue> items = new ArrayList<>();
                    for (Node item : sequence.getValue()) items.add(value(item, depth + 1));
                    return new FieldValue.ListValue(List.copyOf(items));
                }
                MappingNode mapping = (MappingNode) node;
                Map<String, FieldValue> entries = new LinkedHashMap<>();
                for (NodeTuple tuple : mapping.getValue()) {
                    entries.put(keyText(tuple.getKeyNode()), value(tuple.getValueNode(), depth + 1));
                }
                return new FieldValue.ObjectValue(entries);
            } finally {
                inProgress.remove(node);
            }
        }

        private FieldValue scalar(ScalarNode scalar) {
            String text = scalar.getValue();
            Tag tag = scalar.getTag();
            if (tag.equals(Tag.NULL)) return new FieldValue.Null();
            if (tag.equals(Tag.BOOL)) return new FieldValue.Bool(text.equalsIgnoreCase("true"));
            if (tag.equals(Tag.INT)) return integer(text);
            if (tag.equals(Tag.FLOAT)) return decimal(text);
            Matcher m = WikiLinks.WIKILINK.matcher(text);
            while (m.find()) {
                Link link = WikiLinks.parseInner(m.group(2), !m.group(1).isEmpty(), lineOf(scalar), 0);
                links.add(new Link(link.target(), link.subpath(), link.display(), link.embed(),
                        Link.Syntax.FRONT_MATTER, link.line(), 0));
            }
            return DataviewValues.parseFrontMatterString(text);
        }
    }

    private static FieldValue integer(String text) {
        try {
            String t = text.replace("_", "");
            if (t.startsWith("0x")) return new FieldValue.Number(new BigDecimal(new BigInteger(t.substring(2), 16)));
            if (t.startsWith("0o")) return new FieldValue.Number(new BigDecimal(new BigInteger(t.substring(2), 8)));
            return new FieldValue.Number(new BigDecimal(t));
        } catch (NumberFormatException e) {
            return new FieldValue.Text(text);
        }
    }

    private static FieldValue decimal(String text) {
        try {
            return new FieldValue.Number(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return new FieldValue.Text(text); // .inf and .nan have no xsd:decimal form
        }
    }

    private static String keyText(Node key) {
        return key instanceof ScalarNode scalar ? scalar.getValue() : describe(key);
    }

    private static String describe(Node node) {
        if (node instanceof ScalarNode scalar) return "the text '" + abbreviate(scalar.getValue()) + "'";
        if (node instanceof SequenceNode) return "a list";
        return "a mapping";
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /** Front matter YAML starts on line 2 of the note; marks count from 0. */
    private static int lineOf(Node node) {
        return node.getStartMark().map(Mark::getLine).orElse(0) + 2;
    }

    private static String firstLine(String message) {
        if (message == null) return "unknown error";
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline);
    }
}
