package org.vaultgraph.bases.syntax;

/**
 * Property ids as views name them: {@code note.x}, {@code file.x} or {@code formula.x}; a name without
 * a prefix is a note property, as the Bases syntax page says.
 *
 * <pre>{@code PropertyId.normalize("price") // "note.price"}</pre>
 */
public final class PropertyId {
    private PropertyId() {}

    public static String normalize(String id) {
        String trimmed = id.strip();
        if (trimmed.startsWith("note.") || trimmed.startsWith("file.") || trimmed.startsWith("formula.")) return trimmed;
        return "note." + trimmed;
    }

    /** note, file or formula. */
    public static String kind(String id) {
        return id.substring(0, id.indexOf('.'));
    }

    /** The name after the kind: {@code price} for {@code note.price}. */
    public static String name(String id) {
        return id.substring(id.indexOf('.') + 1);
    }

    /** The expression that reads the property: {@code note["price"]}, {@code file.name}, {@code formula["ppu"]}. */
    public static Expr expression(String id) {
        String kind = kind(id);
        String name = name(id);
        if (kind.equals("file")) return new Expr.Member(new Expr.Name("file", 0), name, 0);
        return new Expr.Index(new Expr.Name(kind, 0), new Expr.Literal(name, 0), 0);
    }
}
