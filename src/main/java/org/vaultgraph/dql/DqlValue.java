package org.vaultgraph.dql;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A value in a Dataview query or its result.
 *
 * <pre>{@code new DqlValue.Num(new BigDecimal("3")); new DqlValue.LinkValue("Notes/a.md", "", null, false, true);}</pre>
 */
public sealed interface DqlValue {

    record Null() implements DqlValue {}

    record Str(String value) implements DqlValue {}

    record Num(BigDecimal value) implements DqlValue {}

    record Bool(boolean value) implements DqlValue {}

    /** A date ({@code hasTime} false) or date-time, in XML Schema lexical form. */
    record DateValue(String lexical, boolean hasTime) implements DqlValue {}

    /** A duration in XML Schema lexical form. */
    record Duration(String lexical) implements DqlValue {}

    /**
     * A link. {@code path} is the vault path of the file when the link resolves ({@code resolved}),
     * else the link text; {@code display} is null when the link has no alias.
     */
    record LinkValue(String path, String subpath, String display, boolean embed, boolean resolved) implements DqlValue {}

    record ListValue(List<DqlValue> items) implements DqlValue {}

    record ObjectValue(Map<String, DqlValue> entries) implements DqlValue {}
}
