package org.vaultgraph.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * A SPARQL query kept in a file, with the parameters it declares in comments.
 *
 * <pre>{@code
 * QueryFile file = QueryFile.load(Path.of("queries/tag-table.rq"));
 * Query query = file.bind("http://127.0.0.1:3030/", Map.of("tag", "L4-L5"));
 * }</pre>
 *
 * A parameter is declared by a comment line {@code # @param name what it is}; its value replaces
 * the variable {@code ?name} in the parsed query (and {@code # @example name=value} gives a value to try) (never by pasting text, so a value cannot change
 * the query). A value written {@code <...>} is an IRI, anything else a string literal. Relative IRIs
 * in the query, such as {@code PREFIX field: <field/>}, resolve against the vault's base IRI.
 */
public record QueryFile(String name, String text, Map<String, String> parameters, Map<String, String> examples) {
    private static final Pattern PARAM = Pattern.compile("(?m)^\\s*#\\s*@param\\s+(\\w+)\\s*(.*)$");
    private static final Pattern EXAMPLE = Pattern.compile("(?m)^\\s*#\\s*@example\\s+(\\w+)=(.*)$");

    public static QueryFile load(Path file) {
        try {
            return of(file.getFileName().toString(), Files.readString(file));
        } catch (IOException e) {
            throw new QueryException("cannot read query file " + file + ": " + e.getMessage());
        }
    }

    public static QueryFile of(String name, String text) {
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(text);
        while (m.find()) parameters.put(m.group(1), m.group(2).strip());
        Map<String, String> examples = new LinkedHashMap<>();
        Matcher e = EXAMPLE.matcher(text);
        while (e.find()) examples.put(e.group(1), e.group(2).strip());
        return new QueryFile(name, text, Map.copyOf(parameters), Map.copyOf(examples));
    }

    private static final Pattern ORDER = Pattern.compile("(?m)^\\s*#\\s*@order\\s+(\\d+)\\s*$");
    private static final Pattern ANY_VAULT = Pattern.compile("(?m)^\\s*#\\s*@any-vault\\s*$");

    /** Its place among the bundled queries ({@code # @order N}); files without one come last. */
    public int order() {
        Matcher m = ORDER.matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    /** Whether it answers on any vault ({@code # @any-vault}), not only on one mapped as the sample vault is. */
    public boolean anyVault() {
        return ANY_VAULT.matcher(text).find();
    }

    /** What the query is for: its first comment lines, up to an empty comment line or an annotation, as one text. */
    public String description() {
        StringBuilder out = new StringBuilder();
        for (String line : text.lines().toList()) {
            if (!line.startsWith("#")) break;
            String words = line.substring(1).strip();
            if (words.isEmpty() || words.startsWith("@")) break;
            if (out.length() > 0) out.append(' ');
            out.append(words);
        }
        return out.toString();
    }

    /** Parses the query, resolving relative IRIs against {@code base}. */
    public Query parse(String base) {
        try {
            return QueryFactory.create(text, base, Syntax.syntaxARQ);
        } catch (QueryParseException e) {
            throw new QueryException(syntaxError(e));
        }
    }

    private static final Pattern POSITION = Pattern.compile("(?i)\\s*\\b(?:at )?line (-?\\d+), column (-?\\d+)[.:]?");
    private static final Pattern TOKEN = Pattern.compile("Encountered \" \\S+ \"(.*?) \"\"");
    private static final Pattern CHARACTER = Pattern.compile("Lexical error\\s+Encountered: (?:'(\\d+)' \\(\\d+\\)|<EOF>),?(?: after prefix \"(.*)\")?");

    /**
     * The parser's complaint in one line, at one position: the one its message names (the token it
     * stopped at), which can differ from the one the exception carries.
     */
    private String syntaxError(QueryParseException e) {
        String message = firstLine(e.getMessage());
        int line = e.getLine();
        int column = e.getColumn();
        Matcher position = POSITION.matcher(message);
        if (position.find()) {
            line = Integer.parseInt(position.group(1));
            column = Integer.parseInt(position.group(2));
            message = (message.substring(0, position.start()) + " " + message.substring(position.end())).strip();
        }
        Matcher token = TOKEN.matcher(message);
        Matcher character = CHARACTER.matcher(message);
        if (message.startsWith("Encountered \"<EOF>\"")) {
            message = "unexpected end of the query";
        } else if (token.find()) {
            message = "syntax error at '" + token.group(1) + "'";
        } else if (character.find()) {
            message = (character.group(1) == null ? "unexpected end of the query"
                    : "unexpected character '" + Character.toString(Integer.parseInt(character.group(1))) + "'")
                    + (character.group(2) == null ? "" : " after '" + character.group(2).strip() + "'");
        }
        if (message.endsWith(".") || message.endsWith(",")) message = message.substring(0, message.length() - 1);
        String where = line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "";
        return name + where + ": " + message;
    }

    /** Parses the query and gives its declared parameters their values. */
    public Query bind(String base, Map<String, String> values) {
        checkValues(values);
        Query query = parse(base);
        if (values.isEmpty()) return query;
        Map<Var, Node> substitutions = new HashMap<>();
        values.forEach((k, v) -> substitutions.put(Var.alloc(k), valueNode(v)));
        return QueryTransformOps.replaceVars(query, substitutions);
    }

    /** Checks that {@code values} name every declared parameter and no other. */
    public void checkValues(Map<String, String> values) {
        List<String> unknown = new ArrayList<>(values.keySet());
        unknown.removeAll(parameters.keySet());
        if (!unknown.isEmpty()) {
            throw new QueryException(name + " has no parameter " + unknown + "; "
                    + (parameters.isEmpty() ? "it takes none" : "it takes " + parameters.keySet()));
        }
        List<String> missing = new ArrayList<>(parameters.keySet());
        missing.removeAll(values.keySet());
        if (!missing.isEmpty()) {
            String first = missing.get(0);
            throw new QueryException(name + " needs --param " + first + "=VALUE (" + parameters.get(first) + ")");
        }
    }

    static Node valueNode(String value) {
        if (value.length() > 2 && value.startsWith("<") && value.endsWith(">")) {
            return NodeFactory.createURI(value.substring(1, value.length() - 1));
        }
        return NodeFactory.createLiteralString(value);
    }

    private static String firstLine(String message) {
        return message == null ? "syntax error" : message.strip().split("\n")[0];
    }
}
