package org.vaultgraph.bases.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the expressions of a base. Precedence, lowest first: {@code ||}, {@code &&}, {@code == !=},
 * {@code < <= > >=}, {@code + -}, {@code * / %}, unary {@code ! -}, then member access, indexing and
 * calls. A number followed by a dot and a name is a call on the number ({@code 123.toString()}, as the
 * Functions page writes it), and a {@code /} where a value is expected starts a regular expression.
 *
 * <pre>{@code Expr e = ExprParser.parse("file.hasTag(\"book\") && price > 2.1");}</pre>
 */
public final class ExprParser {
    private final String text;
    private int pos;

    private ExprParser(String text) {
        this.text = text;
    }

    /** Why an expression does not parse, and where (a 0-based offset in its text). */
    public static final class Failure extends RuntimeException {
        private final int offset;

        Failure(String message, int offset) {
            super(message);
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }

    public static Expr parse(String text) {
        ExprParser parser = new ExprParser(text);
        parser.skipSpace();
        if (parser.atEnd()) throw new Failure("the expression is empty", 0);
        Expr expr = parser.or();
        parser.skipSpace();
        if (!parser.atEnd()) throw new Failure("unexpected '" + parser.text.charAt(parser.pos) + "'", parser.pos);
        return expr;
    }

    private Expr or() {
        Expr left = and();
        while (take("||")) left = new Expr.Binary("||", left, and(), left.offset());
        return left;
    }

    private Expr and() {
        Expr left = equality();
        while (take("&&")) left = new Expr.Binary("&&", left, equality(), left.offset());
        return left;
    }

    private Expr equality() {
        Expr left = comparison();
        while (true) {
            if (take("==")) left = new Expr.Binary("==", left, comparison(), left.offset());
            else if (take("!=")) left = new Expr.Binary("!=", left, comparison(), left.offset());
            else return left;
        }
    }

    private Expr comparison() {
        Expr left = additive();
        while (true) {
            String op = take("<=") ? "<=" : take(">=") ? ">=" : takeSingle('<', '=') ? "<" : takeSingle('>', '=') ? ">" : null;
            if (op == null) return left;
            left = new Expr.Binary(op, left, additive(), left.offset());
        }
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (true) {
            String op = take("+") ? "+" : take("-") ? "-" : null;
            if (op == null) return left;
            left = new Expr.Binary(op, left, multiplicative(), left.offset());
        }
    }

    private Expr multiplicative() {
        Expr left = unary();
        while (true) {
            String op = take("*") ? "*" : take("/") ? "/" : take("%") ? "%" : null;
            if (op == null) return left;
            left = new Expr.Binary(op, left, unary(), left.offset());
        }
    }

    private Expr unary() {
        skipSpace();
        int start = pos;
        if (takeSingle('!', '=')) return new Expr.Unary("!", unary(), start);
        if (take("-")) return new Expr.Unary("-", unary(), start);
        return postfix(primary());
    }

    private Expr postfix(Expr target) {
        while (true) {
            skipSpace();
            int start = pos;
            if (take(".")) {
                skipSpace();
                int nameStart = pos;
                String name = identifier();
                if (name == null) throw new Failure("a name is expected after '.'", pos);
                skipSpace();
                if (take("(")) target = new Expr.MethodCall(target, name, arguments(), nameStart);
                else target = new Expr.Member(target, name, nameStart);
            } else if (take("[")) {
                Expr index = or();
                expect("]");
                target = new Expr.Index(target, index, start);
            } else {
                return target;
            }
        }
    }

    private Expr primary() {
        skipSpace();
        if (atEnd()) throw new Failure("the expression ends too early", pos);
        int start = pos;
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            Expr inner = or();
            expect(")");
            return inner;
        }
        if (c == '"' || c == '\'') return new Expr.Literal(string(c), start);
        if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
            return new Expr.Literal(number(), start);
        }
        if (c == '/') return regex();
        if (c == '[') {
            pos++;
            List<Expr> items = new ArrayList<>();
            skipSpace();
            if (!take("]")) {
                do items.add(or()); while (take(","));
                expect("]");
            }
            return new Expr.ListLiteral(items, start);
        }
        if (c == '{') return object();
        String name = identifier();
        if (name == null) throw new Failure("unexpected '" + c + "'", pos);
        switch (name) {
            case "true": return new Expr.Literal(Boolean.TRUE, start);
            case "false": return new Expr.Literal(Boolean.FALSE, start);
            case "null": return new Expr.Literal(null, start);
            default: break;
        }
        skipSpace();
        if (take("(")) return new Expr.Call(name, arguments(), start);
        return new Expr.Name(name, start);
    }

    private List<Expr> arguments() {
        List<Expr> args = new ArrayList<>();
        skipSpace();
        if (take(")")) return args;
        do args.add(or()); while (take(","));
        expect(")");
        return args;
    }

    private Expr object() {
        int start = pos++;
        List<String> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        skipSpace();
        if (take("}")) return new Expr.ObjectLiteral(keys, values, start);
        do {
            skipSpace();
            if (atEnd()) throw new Failure("the object is not closed with '}'", pos);
            char c = text.charAt(pos);
            String key = c == '"' || c == '\'' ? string(c) : identifier();
            if (key == null) throw new Failure("an object key is expected", pos);
            expect(":");
            keys.add(key);
            values.add(or());
        } while (take(","));
        expect("}");
        return new Expr.ObjectLiteral(keys, values, start);
    }

    private String string(char quote) {
        int start = pos++;
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) return out.toString();
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) break;
            char e = text.charAt(pos++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000B');
                case '0' -> out.append('\0');
                case 'u' -> {
                    if (pos + 4 > text.length()) throw new Failure("\\u needs four hexadecimal digits", pos);
                    try {
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException bad) {
                        throw new Failure("\\u needs four hexadecimal digits", pos);
                    }
                    pos += 4;
                }
                default -> out.append(e);
            }
        }
        throw new Failure("the text that starts here is not closed with " + quote, start);
    }

    private Double number() {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
        // A dot is the number's only when a digit follows: "1.isTruthy()" calls a function on 1.
        if (pos + 1 < text.length() && text.charAt(pos) == '.' && Character.isDigit(text.charAt(pos + 1))) {
            pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int mark = pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) pos++;
            if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
            } else {
                pos = mark;
            }
        }
        return Double.parseDouble(text.substring(start, pos));
    }

    private Expr regex() {
        int start = pos++;
        StringBuilder pattern = new StringBuilder();
        boolean inClass = false;
        while (true) {
            if (pos >= text.length() || text.charAt(pos) == '\n') throw new Failure("the regular expression is not closed with /", start);
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                pattern.append(c).append(text.charAt(pos++));
                continue;
            }
            if (c == '[') inClass = true;
            else if (c == ']') inClass = false;
            else if (c == '/' && !inClass) break;
            pattern.append(c);
        }
        int flagsStart = pos;
        while (pos < text.length() && "gimsuy".indexOf(text.charAt(pos)) >= 0) pos++;
        return new Expr.RegexLiteral(pattern.toString(), text.substring(flagsStart, pos), start);
    }

    private String identifier() {
        if (atEnd()) return null;
        int start = pos;
        int first = text.codePointAt(pos);
        if (!(Character.isLetter(first) || first == '_' || first == '$')) return null;
        pos += Character.charCount(first);
        while (pos < text.length()) {
            int c = text.codePointAt(pos);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '$')) break;
            pos += Character.charCount(c);
        }
        return text.substring(start, pos);
    }

    private boolean take(String token) {
        skipSpace();
        if (!text.startsWith(token, pos)) return false;
        pos += token.length();
        return true;
    }

    /** Takes {@code c} only when {@code notFollowedBy} does not follow it ("<" but not "<="). */
    private boolean takeSingle(char c, char notFollowedBy) {
        skipSpace();
        if (pos >= text.length() || text.charAt(pos) != c) return false;
        if (pos + 1 < text.length() && text.charAt(pos + 1) == notFollowedBy) return false;
        pos++;
        return true;
    }

    private void expect(String token) {
        if (!take(token)) {
            throw new Failure(atEnd() ? "'" + token + "' is missing at the end" : "'" + token + "' is expected here, not '" + text.charAt(pos) + "'", pos);
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private boolean atEnd() {
        return pos >= text.length();
    }
}
