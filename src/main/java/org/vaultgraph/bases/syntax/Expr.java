package org.vaultgraph.bases.syntax;

import java.util.List;

/**
 * An expression of a base, as a filter statement, a formula or a summary formula writes it: the
 * JavaScript-like language of Obsidian's Bases syntax page (literals, property names, member access,
 * indexing, calls of global functions and of functions of a value, and the operators).
 *
 * <pre>{@code Expr e = ExprParser.parse("price.toFixed(2) + \" dollars\"");}</pre>
 *
 * Every node keeps the offset of its first character in the expression text, for error messages.
 */
public sealed interface Expr {
    int offset();

    /** {@code null}, {@code true}, a number (a double, as in JavaScript) or a string. */
    record Literal(Object value, int offset) implements Expr {}

    /** {@code /pattern/flags}. */
    record RegexLiteral(String pattern, String flags, int offset) implements Expr {}

    /** {@code [a, b]}. */
    record ListLiteral(List<Expr> items, int offset) implements Expr {}

    /** {@code {"a": 1}}: keys in the order written. */
    record ObjectLiteral(List<String> keys, List<Expr> values, int offset) implements Expr {}

    /** A bare name: {@code price}, {@code file}, {@code note}, {@code formula}, {@code this}, or a variable of a list function. */
    record Name(String name, int offset) implements Expr {}

    /** {@code target.name}. */
    record Member(Expr target, String name, int offset) implements Expr {}

    /** {@code target[index]}. */
    record Index(Expr target, Expr index, int offset) implements Expr {}

    /** A global function: {@code name(args)}. */
    record Call(String name, List<Expr> args, int offset) implements Expr {}

    /** A function of a value: {@code target.name(args)}. */
    record MethodCall(Expr target, String name, List<Expr> args, int offset) implements Expr {}

    /** {@code !x} or {@code -x}. */
    record Unary(String operator, Expr operand, int offset) implements Expr {}

    /** {@code left op right} with op one of {@code || && == != < <= > >= + - * / %}. */
    record Binary(String operator, Expr left, Expr right, int offset) implements Expr {}
}
