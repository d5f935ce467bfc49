package org.vaultgraph.dql;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.Instant;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.vaultgraph.rdf.VG;

/**
 * SPARQL expression text for Dataview's value semantics: truthiness, its total order of types,
 * dates on one time line, and the packed form of result values.
 *
 * <pre>{@code Sparql.compare("?a", "false", "?b", "false", "<")}</pre>
 */
final class Sparql {
    private Sparql() {}

    static final String PREFIXES = "PREFIX vg: <" + VG.NS + ">\n"
            + "PREFIX dcterms: <" + VG.DCTERMS + ">\n"
            + "PREFIX skos: <" + VG.SKOS + ">\n"
            + "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
            + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            + "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n";

    /** Stands for a null group key, so that groups join on a bound value; sorts before everything. */
    static final String NULL_KEY = "urn:x-vaultgraph:null";

    static String iri(String iri) {
        return NodeFmtLib.strNT(NodeFactory.createURI(iri));
    }

    static String string(String text) {
        return NodeFmtLib.strNT(NodeFactory.createLiteralString(text));
    }

    static String typed(String lexical, XSDDatatype type) {
        return NodeFmtLib.strNT(NodeFactory.createLiteralDT(lexical, type));
    }

    /**
     * Dataview's order of types, which decides comparisons between values of different types:
     * null, list, boolean, date, duration, link, number, object, string.
     */
    static String rank(String x, String isList) {
        return "IF(" + isList + ", 1, IF(!" + bound(x) + ", 0, IF(isIRI(" + x + "), 8, IF(DATATYPE(" + x + ") = xsd:boolean, 2, "
                + "IF(DATATYPE(" + x + ") = xsd:date || DATATYPE(" + x + ") = xsd:dateTime, 3, IF(DATATYPE(" + x + ") = xsd:duration || DATATYPE(" + x + ") = xsd:dayTimeDuration || DATATYPE(" + x + ") = xsd:yearMonthDuration, 4, "
                + "IF(isNumeric(" + x + "), 9, IF(DATATYPE(" + x + ") = rdf:JSON, 10, 11))))))))";
    }

    /** Whether a value is there: BOUND for a variable, and for an expression whether it gives a term. */
    static String bound(String x) {
        return x.matches("\\?\\w+") ? "BOUND(" + x + ")" : "COALESCE(isIRI(" + x + ") || isLiteral(" + x + ") || isBlank(" + x + "), false)";
    }

    /**
     * A date or date-time as an instant: Dataview reads dates without a zone in local time, so they get
     * the local offset here; a date is its midnight.
     */
    static String instant(String x, ZoneId zone) {
        String offset = ZoneOffset.from(zone.getRules().getOffset(Instant.now())).getId().replace("Z", "+00:00");
        return "IF(DATATYPE(" + x + ") = xsd:date, xsd:dateTime(CONCAT(SUBSTR(STR(" + x + "), 1, 10), \"T00:00:00"
                + offset + "\")), IF(DATATYPE(" + x + ") = xsd:dateTime && TZ(" + x + ") = \"\", xsd:dateTime(CONCAT(STR("
                + x + "), \"" + offset + "\")), " + x + "))";
    }

    /**
     * Compares two values as Dataview does: by type first (null is smallest), then within the type;
     * strings order as text does (a &lt; A &lt; b), not by code point; dates by instant; links by target.
     */
    static String compare(String a, String aList, String b, String bList, String op, ZoneId zone) {
        String rankA = rank(a, aList);
        String rankB = rank(b, bList);
        String same = sameTypeCompare(a, b, op, zone);
        return "(IF(" + rankA + " = " + rankB + " && " + rankA + " > 1, COALESCE(" + same + ", false), " + rankA + " " + op + " " + rankB + "))";
    }

    private static String sameTypeCompare(String a, String b, String op, ZoneId zone) {
        String strings = switch (op) {
            case "=" -> a + " = " + b;
            case "!=" -> a + " != " + b;
            case "<" -> textBefore(a, b);
            case ">" -> textBefore(b, a);
            case "<=" -> "(" + a + " = " + b + " || " + textBefore(a, b) + ")";
            default -> "(" + a + " = " + b + " || " + textBefore(b, a) + ")";
        };
        String other = "IF(isIRI(" + a + "), STR(" + a + ") " + op + " STR(" + b + "), "
                + "IF(DATATYPE(" + a + ") = xsd:date || DATATYPE(" + a + ") = xsd:dateTime, "
                + instant(a, zone) + " " + op + " " + instant(b, zone) + ", " + a + " " + op + " " + b + "))";
        return "IF(isLiteral(" + a + ") && DATATYPE(" + a + ") = xsd:string, " + strings + ", " + other + ")";
    }

    /** Text order as JavaScript's localeCompare gives it for plain text: case-insensitive first, lower case first on ties. */
    private static String textBefore(String a, String b) {
        return "(LCASE(" + a + ") < LCASE(" + b + ") || (LCASE(" + a + ") = LCASE(" + b + ") && " + a + " > " + b + "))";
    }

    /** ORDER BY keys that sort values as Dataview does: null first, then by type, then within the type. */
    static String orderKeys(String x, String isList, boolean ascending, ZoneId zone) {
        String dir = ascending ? "ASC" : "DESC";
        String reverse = ascending ? "DESC" : "ASC";
        String value = "IF(isLiteral(" + x + ") && (DATATYPE(" + x + ") = xsd:date || DATATYPE(" + x + ") = xsd:dateTime), "
                + instant(x, zone) + ", IF(isLiteral(" + x + ") && DATATYPE(" + x + ") = xsd:string, LCASE(" + x + "), " + x + "))";
        return dir + "(" + rank(x, isList) + ") " + dir + "(" + value + ") " + reverse + "(" + x + ")";
    }

    /** Dataview's truthiness: null, false, 0 and "" are false; lists are true when not empty; anything else true. */
    static String truthy(String x, String isList) {
        String scalar = "COALESCE(IF(!isLiteral(" + x + "), true, IF(DATATYPE(" + x + ") = xsd:boolean, " + x + ", IF(isNumeric("
                + x + "), " + x + " != 0, STRLEN(STR(" + x + ")) > 0))), false)";
        return isList.equals("false") ? scalar : "(" + isList + " || " + scalar + ")";
    }

    /**
     * A value as Dataview writes it in text: dates as "January 30, 2025" (with "2:48 PM - " before when
     * they have a time), null as "\\-", anything else as its lexical form.
     */
    static String text(String x, ZoneId zone) {
        String date = DateFormats.sparql(x, "MMMM dd, yyyy");
        String dateTime = DateFormats.sparql(x, "h:mm a - MMMM dd, yyyy");
        return "COALESCE(IF(isLiteral(" + x + ") && DATATYPE(" + x + ") = xsd:date, " + date + ", IF(isLiteral(" + x + ") && DATATYPE("
                + x + ") = xsd:dateTime, IF(SUBSTR(STR(" + x + "), 12, 8) = \"00:00:00\", " + date + ", " + dateTime + "), STR(" + x
                + "))), \"\\\\-\")";
    }

    /** Packs one value so that GROUP_CONCAT of several stays readable: kind, length, text (see {@link ResultDecoder}). */
    static String encode(String x) {
        return "IF(isIRI(" + x + "), CONCAT(\"I\", STR(STRLEN(STR(" + x + "))), \":\", STR(" + x + ")), "
                + "CONCAT(\"L\", STR(STRLEN(STR(DATATYPE(" + x + ")))), \":\", STR(DATATYPE(" + x + ")), "
                + "STR(STRLEN(STR(" + x + "))), \":\", STR(" + x + ")))";
    }

    /** Packs a row's identity and one of its values, for {@code rows.x} after GROUP BY. */
    static String encodePair(String rowId, String x) {
        return "CONCAT(\"R\", STR(STRLEN(" + rowId + ")), \":\", " + rowId + ", COALESCE(" + encode(x) + ", \"N\"))";
    }

    /** A string that tells rows apart and orders them by path: the page, and the values FLATTEN gave it. */
    static String rowId(java.util.List<String> identity) {
        StringBuilder out = new StringBuilder("CONCAT(?path");
        for (String var : identity) out.append(", \"|\", COALESCE(STR(").append(var).append("), \"\")");
        return out.append(")").toString();
    }
}
