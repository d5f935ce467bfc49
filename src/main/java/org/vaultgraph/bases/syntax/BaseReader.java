package org.vaultgraph.bases.syntax;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads the YAML of a {@code .base} file or a {@code ```base} block into a {@link BaseSpec}, parsing
 * every filter statement and formula and checking the whole base before anything runs: functions
 * exist and get the right number of arguments, summaries exist, no formula uses itself. The first
 * thing wrong is thrown as a {@link BaseSyntaxException} with its line.
 *
 * <pre>{@code BaseSpec base = BaseReader.read(Files.readString(Path.of("Books.base")));}</pre>
 */
public final class BaseReader {
    private static final LoadSettings SETTINGS = LoadSettings.builder()
            .setSchema(new CoreSchema())
            .setAllowDuplicateKeys(false)
            .setAllowRecursiveKeys(false)
            .setMaxAliasesForCollections(50)
            .setCodePointLimit(1024 * 1024)
            .setUseMarks(true)
            .build();

    /** The view a base without views shows, as Obsidian does for a new base. */
    private static final String DEFAULT_VIEW = "Table";

    private BaseReader() {}

    public static BaseSpec read(String text) {
        Optional<Node> root;
        try {
            root = new Compose(SETTINGS).composeString(text);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(1);
            int column = e.getProblemMark().map(m -> m.getColumn() + 1).orElse(0);
            throw new BaseSyntaxException("not valid YAML: " + e.getProblem(), line, column);
        } catch (YamlEngineException e) {
            throw new BaseSyntaxException("not valid YAML: " + firstLine(e.getMessage()), 1, 0);
        } catch (StackOverflowError e) {
            throw new BaseSyntaxException("not valid YAML: nested too deeply", 1, 0);
        }
        BaseSpec.Filter filters = null;
        Map<String, BaseSpec.Formula> formulas = new LinkedHashMap<>();
        Map<String, String> displayNames = new LinkedHashMap<>();
        Map<String, BaseSpec.Formula> summaries = new LinkedHashMap<>();
        List<BaseSpec.View> views = new ArrayList<>();
        if (root.isPresent() && !isNull(root.get())) {
            if (!(root.get() instanceof MappingNode top)) {
                throw error(root.get(), "a base is a set of keys (filters, formulas, properties, summaries, views), not " + describe(root.get()));
            }
            for (NodeTuple tuple : top.getValue()) {
                Node value = tuple.getValueNode();
                switch (keyOf(tuple)) {
                    case "filters" -> filters = filter(value);
                    case "formulas" -> formulas(value, formulas);
                    case "properties" -> properties(value, displayNames);
                    case "summaries" -> formulas(value, summaries);
                    case "views" -> views(value, views);
                    default -> { } // Obsidian keeps keys it does not know; so do we.
                }
            }
        }
        if (views.isEmpty()) {
            views.add(new BaseSpec.View("table", DEFAULT_VIEW, 1, null, List.of("file.name"), List.of(), null, null, Map.of(), null, Map.of()));
        }
        BaseSpec base = new BaseSpec(text, filters, java.util.Collections.unmodifiableMap(formulas),
                java.util.Collections.unmodifiableMap(displayNames), java.util.Collections.unmodifiableMap(summaries), List.copyOf(views));
        BaseChecks.check(base);
        return base;
    }

    private static BaseSpec.Filter filter(Node node) {
        if (isNull(node)) return null;
        if (node instanceof ScalarNode scalar) return statement(scalar);
        if (node instanceof SequenceNode list) return new BaseSpec.Group(BaseSpec.Conjunction.AND, items(list), line(node));
        MappingNode map = (MappingNode) node;
        if (map.getValue().size() != 1) {
            throw error(node, "a filter group has one key, 'and', 'or' or 'not', with a list of filters");
        }
        NodeTuple tuple = map.getValue().get(0);
        String key = keyOf(tuple);
        BaseSpec.Conjunction conjunction = switch (key) {
            case "and" -> BaseSpec.Conjunction.AND;
            case "or" -> BaseSpec.Conjunction.OR;
            case "not" -> BaseSpec.Conjunction.NOT;
            default -> throw error(tuple.getKeyNode(), "a filter group is 'and', 'or' or 'not', not '" + key + "'");
        };
        Node value = tuple.getValueNode();
        List<BaseSpec.Filter> items = new ArrayList<>();
        if (value instanceof SequenceNode list) items.addAll(items(list));
        else if (!isNull(value)) items.add(filter(value));
        return new BaseSpec.Group(conjunction, List.copyOf(items), line(tuple.getKeyNode()));
    }

    private static List<BaseSpec.Filter> items(SequenceNode list) {
        List<BaseSpec.Filter> out = new ArrayList<>();
        for (Node item : list.getValue()) {
            BaseSpec.Filter f = filter(item);
            if (f != null) out.add(f);
        }
        return out;
    }

    private static BaseSpec.Statement statement(ScalarNode scalar) {
        String text = scalar.getValue();
        return new BaseSpec.Statement(text, expression(scalar, text), line(scalar), column(scalar, text, 0));
    }

    /** Parses an expression written in a scalar; an error names the line and column in the base. */
    static Expr expression(ScalarNode scalar, String text) {
        try {
            return ExprParser.parse(text);
        } catch (ExprParser.Failure f) {
            throw new BaseSyntaxException("'" + oneLine(text) + "': " + f.getMessage(), lineAt(scalar, text, f.offset()),
                    column(scalar, text, f.offset()));
        }
    }

    private static void formulas(Node node, Map<String, BaseSpec.Formula> into) {
        if (isNull(node)) return;
        if (!(node instanceof MappingNode map)) throw error(node, "formulas are 'name: expression' lines, not " + describe(node));
        for (NodeTuple tuple : map.getValue()) {
            String name = keyOf(tuple);
            if (!(tuple.getValueNode() instanceof ScalarNode scalar) || isNull(scalar)) {
                throw error(tuple.getValueNode(), "formula '" + name + "' has no expression");
            }
            into.put(name, new BaseSpec.Formula(name, scalar.getValue(), expression(scalar, scalar.getValue()), line(scalar),
                    column(scalar, scalar.getValue(), 0)));
        }
    }

    private static void properties(Node node, Map<String, String> into) {
        if (isNull(node)) return;
        if (!(node instanceof MappingNode map)) throw error(node, "properties are 'id: {displayName: ...}' entries, not " + describe(node));
        for (NodeTuple tuple : map.getValue()) {
            if (!(tuple.getValueNode() instanceof MappingNode settings)) continue;
            for (NodeTuple setting : settings.getValue()) {
                if (keyOf(setting).equals("displayName") && setting.getValueNode() instanceof ScalarNode shown && !isNull(shown)) {
                    into.put(PropertyId.normalize(keyOf(tuple)), shown.getValue());
                }
            }
        }
    }

    private static void views(Node node, List<BaseSpec.View> into) {
        if (isNull(node)) return;
        if (!(node instanceof SequenceNode list)) throw error(node, "views are a list, each starting with '- type:', not " + describe(node));
        for (Node item : list.getValue()) {
            if (!(item instanceof MappingNode map)) throw error(item, "a view is a set of keys (type, name, order...), not " + describe(item));
            into.add(view(map, into.size()));
        }
    }

    private static BaseSpec.View view(MappingNode map, int index) {
        String type = "table";
        String name = null;
        BaseSpec.Filter filters = null;
        List<String> order = new ArrayList<>();
        List<BaseSpec.SortKey> sort = new ArrayList<>();
        BaseSpec.SortKey groupBy = null;
        Integer limit = null;
        Map<String, String> summaries = new LinkedHashMap<>();
        String image = null;
        Map<String, String> options = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            Node value = tuple.getValueNode();
            String key = keyOf(tuple);
            switch (key) {
                case "type" -> type = text(value, "type");
                case "name" -> name = text(value, "name");
                case "filters" -> filters = filter(value);
                case "order" -> {
                    for (Node item : sequence(value, "order")) order.add(PropertyId.normalize(text(item, "order")));
                }
                case "sort" -> {
                    for (Node item : sequence(value, "sort")) sort.add(sortKey(item));
                }
                case "groupBy" -> groupBy = isNull(value) ? null : sortKey(value);
                case "limit" -> limit = isNull(value) ? null : limit(value);
                case "summaries" -> {
                    if (value instanceof MappingNode m) {
                        for (NodeTuple t : m.getValue()) summaries.put(PropertyId.normalize(keyOf(t)), text(t.getValueNode(), "summary"));
                    } else if (!isNull(value)) {
                        throw error(value, "a view's summaries are 'property: summary' lines");
                    }
                }
                case "image" -> image = isNull(value) ? null : PropertyId.normalize(text(value, "image"));
                default -> {
                    if (value instanceof ScalarNode scalar && !isNull(scalar)) options.put(key, scalar.getValue());
                }
            }
        }
        if (name == null) name = type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1) + (index == 0 ? "" : " " + (index + 1));
        return new BaseSpec.View(type, name, line(map), filters, List.copyOf(order), List.copyOf(sort), groupBy, limit,
                java.util.Collections.unmodifiableMap(summaries), image, java.util.Collections.unmodifiableMap(options));
    }

    /** {@code {property: x, direction: DESC}}, or a property alone (ascending). */
    private static BaseSpec.SortKey sortKey(Node node) {
        if (node instanceof ScalarNode) return new BaseSpec.SortKey(PropertyId.normalize(text(node, "property")), false);
        if (!(node instanceof MappingNode map)) throw error(node, "a sort key is 'property:' and 'direction:', not " + describe(node));
        String property = null;
        boolean descending = false;
        for (NodeTuple t : map.getValue()) {
            String key = keyOf(t);
            if (key.equals("property")) property = text(t.getValueNode(), "property");
            else if (key.equals("direction")) {
                String direction = text(t.getValueNode(), "direction").toUpperCase(Locale.ROOT);
                if (!direction.equals("ASC") && !direction.equals("DESC")) {
                    throw error(t.getValueNode(), "direction is ASC or DESC, not '" + direction + "'");
                }
                descending = direction.equals("DESC");
            }
        }
        if (property == null) throw error(node, "a sort key needs a 'property:'");
        return new BaseSpec.SortKey(PropertyId.normalize(property), descending);
    }

    private static Integer limit(Node node) {
        String text = text(node, "limit");
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit < 0) throw new NumberFormatException();
            return limit;
        } catch (NumberFormatException e) {
            throw error(node, "limit is a whole number of rows, not '" + text + "'");
        }
    }

    private static List<Node> sequence(Node node, String what) {
        if (isNull(node)) return List.of();
        if (node instanceof SequenceNode list) return list.getValue();
        throw error(node, what + " is a list, not " + describe(node));
    }

    private static String text(Node node, String what) {
        if (node instanceof ScalarNode scalar && !isNull(scalar)) return scalar.getValue();
        throw error(node, what + " is a single value, not " + describe(node));
    }

    private static String keyOf(NodeTuple tuple) {
        return tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : describe(tuple.getKeyNode());
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    private static String describe(Node node) {
        if (node instanceof MappingNode) return "a set of keys";
        if (node instanceof SequenceNode) return "a list";
        return "'" + oneLine(((ScalarNode) node).getValue()) + "'";
    }

    static BaseSyntaxException error(Node node, String message) {
        return new BaseSyntaxException(message, line(node), node.getStartMark().map(m -> m.getColumn() + 1).orElse(0));
    }

    static int line(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    /** The line of a character of a scalar's value: block scalars start on the line after their indicator. */
    private static int lineAt(ScalarNode scalar, String text, int offset) {
        int line = line(scalar);
        if (line == 0) return 0;
        int breaks = 0;
        for (int i = 0; i < Math.min(offset, text.length()); i++) if (text.charAt(i) == '\n') breaks++;
        boolean block = scalar.getScalarStyle() == ScalarStyle.LITERAL || scalar.getScalarStyle() == ScalarStyle.FOLDED;
        return line + breaks + (block ? 1 : 0);
    }

    /** The column of a character of a one-line scalar's value; 0 when it cannot be told (escapes, several lines). */
    private static int column(ScalarNode scalar, String text, int offset) {
        Optional<Mark> mark = scalar.getStartMark();
        ScalarStyle style = scalar.getScalarStyle();
        if (mark.isEmpty() || text.substring(0, Math.min(offset, text.length())).contains("\n")) return 0;
        if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) return 0;
        if (style == ScalarStyle.DOUBLE_QUOTED && text.contains("\\")) return 0;
        boolean quoted = style == ScalarStyle.SINGLE_QUOTED || style == ScalarStyle.DOUBLE_QUOTED;
        return mark.get().getColumn() + 1 + (quoted ? 1 : 0) + offset;
    }

    private static String oneLine(String text) {
        String line = text.strip().replace('\n', ' ');
        return line.length() > 80 ? line.substring(0, 77) + "..." : line;
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
