package org.vaultgraph.render;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vaultgraph.dql.value.Value;

/**
 * Dataview's task view shows each item once: an item whose parent is in the result appears under that
 * parent, not again at the top.
 */
public final class TaskNesting {
    private TaskNesting() {}

    public static List<Value.Obj> roots(List<Value.Obj> items) {
        Set<String> present = new HashSet<>();
        for (Value.Obj item : items) collect(item, present);
        List<Value.Obj> roots = new ArrayList<>();
        for (Value.Obj item : items) {
            Value parent = item.get("parent");
            if (parent instanceof Value.Null || !present.contains(id(item.get("path"), parent))) roots.add(item);
        }
        return roots;
    }

    private static void collect(Value.Obj item, Set<String> into) {
        into.add(id(item.get("path"), item.get("line")));
        for (Value child : ((Value.Array) item.get("children")).items()) collect((Value.Obj) child, into);
    }

    private static String id(Value path, Value line) {
        return org.vaultgraph.dql.value.Values.toString(path, org.vaultgraph.dql.value.QuerySettings.DEFAULTS) + ":"
                + org.vaultgraph.dql.value.Values.toString(line, org.vaultgraph.dql.value.QuerySettings.DEFAULTS);
    }
}
