package org.vaultgraph.dql.syntax;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaultgraph.dql.value.DvClock;
import org.vaultgraph.dql.value.DvLink;
import org.vaultgraph.dql.value.DvParsers;
import org.vaultgraph.dql.value.Value;
import org.vaultgraph.dql.value.Emoji;

/**
 * Parses Dataview queries with Dataview's own grammar: a query type, an optional FROM, then WHERE,
 * SORT, GROUP BY, FLATTEN and LIMIT in any order, {@code //} comment lines anywhere.
 *
 * <pre>{@code
 * Dql.Query q = DqlParser.parse("TABLE WITHOUT ID file.link AS \"Note\" FROM #book SORT file.name");
 * }</pre>
 *
 * Like Dataview's parser (a PEG), each choice takes the first alternative that matches and does not
 * come back to it; so {@code trueish} is not a variable. A failure reports the farthest position
 * reached and what was expected there, as a {@link DqlSyntaxException}.
 */
public final class DqlParser {
    private static final List<String> KEYWORDS = List.of("FROM", "WHERE", "LIMIT", "GROUP", "FLATTEN");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern BOOL = Pattern.compile("true|false|True|False");
    private static final Pattern BOOL_OP = Pattern.compile("(?i)and|or|&|\\|");
    private static final Pattern COMPARE_OP = Pattern.compile(">=|<=|!=|>|<|=");
    private static final Pattern LINK = Pattern.compile("\\[\\[([^\\[\\]]*?)\\]\\]");
    private static final Pattern TAG = Pattern.compile("#[^\\u2000-\\u206F\\u2E00-\\u2E7F'!\"#$%&()*+,.:;<=>?@^`{|}~\\[\\]\\\\\\s]*");

    private final String in;
    private final DvClock clock;
    private int pos;
    private int farthest;
    private final TreeSet<String> expected = new TreeSet<>();

    private DqlParser(String text, DvClock clock) {
        this.in = text;
        this.clock = clock;
    }

    /** Parses a whole query; date literals such as {@code date(today)} are read with the system clock. */
    public static Dql.Query parse(String text) {
        return parse(text, DvClock.system());
    }

    /** Parses a whole query; {@code date(today)} and the other shorthands are taken from {@code clock}, as Dataview does when it parses. */
    public static Dql.Query parse(String text, DvClock clock) {
        DqlParser p = new DqlParser(text, clock);
        Dql.Query query = p.query();
        if (query == null) throw p.failure();
        return query;
    }

    /** Parses one expression (as in a WHERE clause), date shorthands read with the system clock. */
    public static Dql.Expr parseExpression(String text) {
        return parseExpression(text, DvClock.system());
    }

    /** Parses one expression (as in a WHERE clause). */
    public static Dql.Expr parseExpression(String text, DvClock clock) {
        DqlParser p = new DqlParser(text, clock);
        Dql.Expr expr = p.field();
        if (expr == null || p.pos != p.in.length()) {
            if (expr != null) p.fail("end of expression");
            throw p.failure();
        }
        return expr;
    }

    private DqlSyntaxException failure() {
        // A failure in the blank space at the end is a failure at the end of the last line.
        int end = in.stripTrailing().length();
        if (farthest > end) farthest = end;
        int line = 1;
        int column = 1;
        for (int i = 0; i < farthest && i < in.length(); i++) {
            if (in.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        String found = farthest >= end ? "the end of the query" : "'" + snippet(farthest) + "'";
        return new DqlSyntaxException("expected " + String.join(" or ", expected) + " but found " + found, line, column, farthest);
    }

    private String snippet(int at) {
        int end = Math.min(in.length(), at + 12);
        int newline = in.indexOf('\n', at);
        if (newline >= 0 && newline < end) end = newline;
        return in.substring(at, Math.max(end, at + 1));
    }

    // --- The query ---------------------------------------------------------------------------

    private Dql.Query query() {
        skipSpaceAndComments();
        Dql.Header header = header();
        if (header == null) return null;
        skipSpaceAndComments();
        Dql.Source source = new Dql.FolderSource("");
        int mark = pos;
        if (keyword("FROM") && whitespace()) {
            Dql.Source from = source();
            if (from == null) return null;
            source = from;
            skipSpaceAndComments();
        } else {
            pos = mark;
        }
        List<Dql.Operation> operations = new ArrayList<>();
        while (pos < in.length()) {
            Dql.Operation op = clause();
            if (op == null) return null;
            operations.add(op);
            skipSpaceAndComments();
        }
        return new Dql.Query(header, source, List.copyOf(operations));
    }

    private Dql.Header header() {
        Matcher m = regex("(?i)TABLE|LIST|TASK|CALENDAR", "query type ('TABLE', 'LIST', 'TASK', or 'CALENDAR')");
        if (m == null) return null;
        Dql.QueryType type = Dql.QueryType.valueOf(m.group().toUpperCase(Locale.ROOT));
        switch (type) {
            case TABLE -> {
                if (pos == in.length()) return new Dql.Header(type, true, List.of());
                if (!whitespace()) return null;
                boolean withoutId = withoutId();
                List<Dql.NamedExpr> fields = new ArrayList<>();
                Dql.NamedExpr first = namedField();
                if (first != null) {
                    fields.add(first);
                    while (true) {
                        int mark = pos;
                        optionalWhitespace();
                        if (!literal(",")) {
                            pos = mark;
                            break;
                        }
                        optionalWhitespace();
                        Dql.NamedExpr next = namedField();
                        if (next == null) return null;
                        fields.add(next);
                    }
                }
                return new Dql.Header(type, !withoutId, List.copyOf(fields));
            }
            case LIST -> {
                if (pos == in.length()) return new Dql.Header(type, true, List.of());
                if (!whitespace()) return null;
                boolean withoutId = withoutId();
                int mark = pos;
                Dql.Expr format = field();
                if (format == null) pos = mark;
                return new Dql.Header(type, !withoutId,
                        format == null ? List.of() : List.of(new Dql.NamedExpr(raw(mark), format)));
            }
            case TASK -> {
                return new Dql.Header(type, true, List.of());
            }
            default -> {
                if (!whitespace()) return null;
                Dql.NamedExpr field = namedField();
                return field == null ? null : new Dql.Header(type, true, List.of(field));
            }
        }
    }

    private boolean withoutId() {
        int mark = pos;
        if (regex("(?i)WITHOUT\\s+ID", "WITHOUT ID") != null) {
            optionalWhitespace();
            return true;
        }
        pos = mark;
        return false;
    }

    private Dql.Operation clause() {
        int mark = pos;
        if (keyword("WHERE") && whitespace()) {
            Dql.Expr condition = field();
            return condition == null ? null : new Dql.Where(condition);
        }
        pos = mark;
        if (keyword("SORT") && whitespace()) {
            List<Dql.SortKey> keys = new ArrayList<>();
            while (true) {
                Dql.Expr expr = field();
                if (expr == null) return null;
                int afterExpr = pos;
                optionalWhitespace();
                Matcher dir = regex("(?i)ASCENDING|DESCENDING|ASC|DESC", "ASC or DESC");
                if (dir == null) pos = afterExpr;
                keys.add(new Dql.SortKey(expr, dir == null || dir.group().toUpperCase(Locale.ROOT).startsWith("ASC")));
                int beforeComma = pos;
                optionalWhitespace();
                if (!literal(",")) {
                    pos = beforeComma;
                    break;
                }
                optionalWhitespace();
            }
            return new Dql.Sort(List.copyOf(keys));
        }
        pos = mark;
        if (keyword("LIMIT") && whitespace()) {
            Dql.Expr amount = field();
            return amount == null ? null : new Dql.Limit(amount);
        }
        pos = mark;
        if (regex("(?i)GROUP BY", "GROUP BY") != null && whitespace()) {
            Dql.NamedExpr key = namedField();
            return key == null ? null : new Dql.GroupBy(key);
        }
        pos = mark;
        if (keyword("FLATTEN") && whitespace()) {
            Dql.NamedExpr value = namedField();
            return value == null ? null : new Dql.Flatten(value);
        }
        pos = mark;
        fail("FROM, WHERE, SORT, LIMIT, GROUP BY or FLATTEN");
        return null;
    }

    /** {@code expr AS name}, or an expression named by its own text. */
    private Dql.NamedExpr namedField() {
        int start = pos;
        Dql.Expr expr = field();
        if (expr == null) return null;
        int afterExpr = pos;
        if (whitespace() && regex("(?i)AS", "AS") != null && whitespace()) {
            String name = identifierOrString();
            if (name != null) return new Dql.NamedExpr(name, expr);
        }
        pos = afterExpr;
        return new Dql.NamedExpr(raw(start), expr);
    }

    /** The text from {@code start} to here, without line breaks and the spaces around them (Dataview's column names). */
    private String raw(int start) {
        StringBuilder out = new StringBuilder();
        for (String part : in.substring(start, pos).split("[\\r\\n]+")) out.append(part.strip());
        return out.toString();
    }

    private String identifierOrString() {
        String id = identifier();
        return id != null ? id : string();
    }

    // --- Sources -----------------------------------------------------------------------------

    private Dql.Source source() {
        Dql.Source left = atomSource();
        if (left == null) return null;
        while (true) {
            int mark = pos;
            optionalWhitespace();
            Matcher op = regex(BOOL_OP, "'and' or 'or'");
            if (op == null) {
                pos = mark;
                return left;
            }
            optionalWhitespace();
            Dql.Source right = atomSource();
            if (right == null) {
                pos = mark;
                return left;
            }
            String o = op.group().toLowerCase(Locale.ROOT);
            left = new Dql.BinarySource(o.equals("and") || o.equals("&"), left, right);
        }
    }

    private Dql.Source atomSource() {
        int mark = pos;
        if (literal("(")) {
            optionalWhitespace();
            Dql.Source inner = source();
            if (inner != null) {
                optionalWhitespace();
                if (literal(")")) return inner;
            }
            pos = mark;
        }
        if (literal("-") || literal("!")) {
            Dql.Source child = atomSource();
            if (child != null) return new Dql.NegatedSource(child);
            pos = mark;
        }
        if (literal("outgoing(")) {
            optionalWhitespace();
            DvLink link = link();
            if (link != null && literal(")")) return new Dql.LinkSource(link.path(), false);
            pos = mark;
        }
        DvLink link = link();
        if (link != null) return new Dql.LinkSource(link.path(), true);
        String folder = string();
        if (folder != null) return new Dql.FolderSource(folder);
        Matcher tag = regex(TAG, "tag ('#hello/stuff')");
        if (tag != null) return new Dql.TagSource(tag.group().substring(1));
        if (literal("csv(")) {
            optionalWhitespace();
            String path = string();
            if (path != null && literal(")")) return new Dql.CsvSource(path);
            pos = mark;
        }
        fail("a source: #tag, \"folder\", [[link]], outgoing([[link]]) or csv(\"file\")");
        return null;
    }

    // --- Expressions -------------------------------------------------------------------------

    /** An expression: boolean operators bind loosest, then comparisons, then + -, then * / %. */
    Dql.Expr field() {
        return binary(0);
    }

    private static final Pattern[] LEVELS = {BOOL_OP, COMPARE_OP, Pattern.compile("\\+|-"), Pattern.compile("\\*|/|%")};
    private static final String[] LEVEL_NAMES = {"'and' or 'or'", "a comparison", "'+' or '-'", "'*', '/' or '%'"};

    private Dql.Expr binary(int level) {
        if (level == LEVELS.length) return indexField();
        Dql.Expr left = binary(level + 1);
        if (left == null) return null;
        while (true) {
            int mark = pos;
            optionalWhitespace();
            Matcher op = regex(LEVELS[level], LEVEL_NAMES[level]);
            if (op == null) {
                pos = mark;
                return left;
            }
            optionalWhitespace();
            Dql.Expr right = binary(level + 1);
            if (right == null) {
                pos = mark;
                return left;
            }
            String o = op.group().toLowerCase(Locale.ROOT);
            if (o.equals("and")) o = "&";
            if (o.equals("or")) o = "|";
            left = new Dql.Binary(o, left, right);
        }
    }

    private Dql.Expr indexField() {
        Dql.Expr result = atomField();
        if (result == null) return null;
        while (true) {
            int mark = pos;
            if (literal(".")) {
                String name = identifier();
                if (name != null) {
                    result = new Dql.Index(result, new Dql.Literal(Value.of(name)));
                    continue;
                }
                pos = mark;
            }
            if (literal("[")) {
                optionalWhitespace();
                Dql.Expr key = field();
                if (key != null) {
                    optionalWhitespace();
                    if (literal("]")) {
                        result = new Dql.Index(result, key);
                        continue;
                    }
                }
                pos = mark;
            }
            if (literal("(")) {
                optionalWhitespace();
                List<Dql.Expr> args = separated(this::field);
                if (args != null) {
                    optionalWhitespace();
                    if (literal(")")) {
                        result = new Dql.Call(result, args);
                        continue;
                    }
                }
                pos = mark;
            }
            return result;
        }
    }

    private Dql.Expr atomField() {
        int mark = pos;
        // An embed link first: '![[x]]' would otherwise read as the negation of a link.
        if (literal("!")) {
            DvLink link = link();
            if (link != null) return linkLiteral(link.withEmbed(true));
            pos = mark + 1;
            Dql.Expr negated = indexField();
            if (negated != null) return new Dql.Negated(negated);
            pos = mark;
        }
        DvLink link = link();
        if (link != null) return linkLiteral(link);
        if (literal("[")) {
            optionalWhitespace();
            List<Dql.Expr> items = separated(this::field);
            if (items != null) {
                optionalWhitespace();
                if (literal("]")) return new Dql.ListExpr(items);
            }
            pos = mark;
        }
        if (literal("{")) {
            Dql.Expr object = objectRest();
            if (object != null) return object;
            pos = mark;
        }
        if (literal("(")) {
            optionalWhitespace();
            List<String> args = separated(this::identifier);
            if (args != null) {
                optionalWhitespace();
                if (literal(")")) {
                    optionalWhitespace();
                    if (literal("=>")) {
                        optionalWhitespace();
                        Dql.Expr body = field();
                        if (body != null) return new Dql.Lambda(args, body);
                    }
                }
            }
            pos = mark + 1;
            optionalWhitespace();
            Dql.Expr inner = field();
            if (inner != null) {
                optionalWhitespace();
                if (literal(")")) return inner;
            }
            pos = mark;
        }
        Matcher bool = regex(BOOL, "boolean ('true' or 'false')");
        if (bool != null) return new Dql.Literal(Value.of(bool.group().equalsIgnoreCase("true")));
        Matcher number = regex(NUMBER, "number");
        if (number != null) return new Dql.Literal(Value.of(Double.parseDouble(number.group())));
        String string = string();
        if (string != null) return new Dql.Literal(Value.of(string));
        if (literal("date(")) {
            optionalWhitespace();
            Dql.Expr date = dateLiteral();
            if (date != null) {
                optionalWhitespace();
                if (literal(")")) return date;
            }
            pos = mark;
        }
        if (literal("dur(")) {
            optionalWhitespace();
            DvParsers.Parsed<org.vaultgraph.dql.value.DvDuration> duration = DvParsers.duration(in, pos);
            if (duration != null) {
                pos = duration.end();
                optionalWhitespace();
                if (literal(")")) return new Dql.Literal(duration.value());
            } else {
                fail("duration like 4hr2min");
            }
            pos = mark;
        }
        if (literal("null")) return new Dql.Literal(Value.NULL);
        String name = identifier();
        if (name != null) {
            if (KEYWORDS.contains(name.toUpperCase(Locale.ROOT))) {
                pos = mark;
                fail("a variable (not a keyword: " + String.join(", ", KEYWORDS) + ")");
                return null;
            }
            return new Dql.Variable(name);
        }
        fail("an expression");
        return null;
    }

    private Dql.Expr dateLiteral() {
        for (String shorthand : DvClock.SHORTHANDS) {
            if (in.startsWith(shorthand, pos)) {
                pos += shorthand.length();
                return new Dql.Literal(clock.shorthand(shorthand));
            }
        }
        DvParsers.Parsed<org.vaultgraph.dql.value.DvDate> date = DvParsers.date(in, pos, clock.zone());
        if (date == null) {
            fail("date in format YYYY-MM[-DDTHH-MM-SS.MS] or in shorthand");
            return null;
        }
        pos = date.end();
        return new Dql.Literal(date.value());
    }

    private Dql.Expr objectRest() {
        optionalWhitespace();
        Map<String, Dql.Expr> entries = new LinkedHashMap<>();
        if (!literal("}")) {
            while (true) {
                String key = identifierOrString();
                if (key == null) return null;
                optionalWhitespace();
                if (!literal(":")) return null;
                optionalWhitespace();
                Dql.Expr value = field();
                if (value == null) return null;
                entries.put(key, value);
                optionalWhitespace();
                if (literal("}")) break;
                if (!literal(",")) return null;
                optionalWhitespace();
            }
        }
        return new Dql.ObjectExpr(entries);
    }

    private Dql.Expr linkLiteral(DvLink link) {
        return new Dql.Literal(link);
    }

    private interface Item<T> {
        T parse();
    }

    /** Zero or more items separated by commas; null when an item after a comma fails. */
    private <T> List<T> separated(Item<T> item) {
        List<T> items = new ArrayList<>();
        int mark = pos;
        T first = item.parse();
        if (first == null) {
            pos = mark;
            return items;
        }
        items.add(first);
        while (true) {
            int beforeComma = pos;
            optionalWhitespace();
            if (!literal(",")) {
                pos = beforeComma;
                return items;
            }
            optionalWhitespace();
            T next = item.parse();
            if (next == null) return null;
            items.add(next);
        }
    }

    // --- Tokens ------------------------------------------------------------------------------

    /** A letter or emoji, then letters, digits, '_', '-' or emoji. */
    private String identifier() {
        int start = pos;
        if (pos >= in.length()) {
            fail("variable identifier");
            return null;
        }
        int cp = in.codePointAt(pos);
        if (!Character.isLetter(cp) && !isEmoji(cp)) {
            fail("variable identifier");
            return null;
        }
        pos += Character.charCount(cp);
        while (pos < in.length()) {
            cp = in.codePointAt(pos);
            if (!(Character.isLetter(cp) || (cp >= '0' && cp <= '9') || cp == '_' || cp == '-' || isEmoji(cp))) break;
            pos += Character.charCount(cp);
        }
        return in.substring(start, pos);
    }

    private static boolean isEmoji(int cp) {
        return Emoji.isEmoji(cp);
    }

    /** A double-quoted string; {@code \"} and {@code \\} are unescaped, other escapes kept as written. */
    private String string() {
        if (pos >= in.length() || in.charAt(pos) != '"') {
            fail("string");
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = pos + 1; i < in.length(); i++) {
            char c = in.charAt(i);
            if (c == '"') {
                pos = i + 1;
                return out.toString();
            }
            if (c == '\\' && i + 1 < in.length()) {
                char next = in.charAt(++i);
                if (next == '"' || next == '\\') out.append(next);
                else out.append('\\').append(next);
            } else {
                out.append(c);
            }
        }
        fail("closing '\"'");
        return null;
    }

    private DvLink link() {
        Matcher m = regex(LINK, "file link");
        return m == null ? null : DvLink.parseInner(m.group(1));
    }

    private boolean keyword(String word) {
        if (in.regionMatches(true, pos, word, 0, word.length())) {
            pos += word.length();
            return true;
        }
        fail(word);
        return false;
    }

    private boolean literal(String text) {
        if (in.startsWith(text, pos)) {
            pos += text.length();
            return true;
        }
        fail("'" + text + "'");
        return false;
    }

    private Matcher regex(String pattern, String description) {
        return regex(Pattern.compile(pattern), description);
    }

    private Matcher regex(Pattern pattern, String description) {
        Matcher m = pattern.matcher(in).region(pos, in.length());
        if (m.lookingAt()) {
            pos = m.end();
            return m;
        }
        fail(description);
        return null;
    }

    private boolean whitespace() {
        int start = pos;
        optionalWhitespace();
        if (pos > start) return true;
        fail("whitespace");
        return false;
    }

    private void optionalWhitespace() {
        while (pos < in.length() && Character.isWhitespace(in.charAt(pos))) pos++;
    }

    private void skipSpaceAndComments() {
        while (true) {
            optionalWhitespace();
            if (in.startsWith("//", pos)) {
                int newline = in.indexOf('\n', pos);
                pos = newline < 0 ? in.length() : newline;
            } else {
                return;
            }
        }
    }

    private void fail(String what) {
        if (pos > farthest) {
            farthest = pos;
            expected.clear();
        }
        if (pos == farthest) expected.add(what);
    }
}
