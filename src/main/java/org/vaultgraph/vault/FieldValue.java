package org.vaultgraph.vault;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A typed value of a front matter or inline field, as Dataview would type it.
 *
 * <pre>{@code
 * FieldValue v = DataviewValues.parseInline("2025-01-30T16:40:43-05:00");
 * if (v instanceof FieldValue.DateValue d) d.lexical(); // "2025-01-30T16:40:43-05:00"
 * }</pre>
 */
public sealed interface FieldValue {

    /** Plain text; may contain markdown and wikilinks. */
    record Text(String text) implements FieldValue {}

    record Number(BigDecimal value) implements FieldValue {}

    record Bool(boolean value) implements FieldValue {}

    /**
     * A date or date-time in XML Schema lexical form ({@code xsd:date} when {@code hasTime} is false,
     * else {@code xsd:dateTime}, with its UTC offset when one was written).
     */
    record DateValue(String lexical, boolean hasTime) implements FieldValue {}

    /** A duration in XML Schema lexical form, e.g. {@code PT4H15M}. */
    record Duration(String lexical) implements FieldValue {}

    /** A link, as written; resolution to a file happens once the whole vault is known. */
    record LinkValue(Link link) implements FieldValue {}

    record ListValue(List<FieldValue> items) implements FieldValue {}

    /** A nested YAML mapping, kept whole. */
    record ObjectValue(Map<String, FieldValue> entries) implements FieldValue {}

    /** An empty value ({@code key::} or YAML {@code null}). */
    record Null() implements FieldValue {}
}
