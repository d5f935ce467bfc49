package org.vaultgraph.dql.function;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A stable merge sort that accepts any comparator: JavaScript's sort never complains about a comparator
 * that contradicts itself (Dataview's can, across types), where Java's TimSort may throw.
 */
public final class StableSort {
    private StableSort() {}

    public static <T> List<T> sort(List<T> items, Comparator<? super T> cmp) {
        List<T> out = new ArrayList<>(items);
        if (out.size() < 2) return out;
        List<T> buffer = new ArrayList<>(out);
        mergeSort(out, buffer, 0, out.size(), cmp);
        return out;
    }

    private static <T> void mergeSort(List<T> a, List<T> tmp, int from, int to, Comparator<? super T> cmp) {
        if (to - from < 2) return;
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid, cmp);
        mergeSort(a, tmp, mid, to, cmp);
        if (cmp.compare(a.get(mid - 1), a.get(mid)) <= 0) return;
        for (int i = from; i < to; i++) tmp.set(i, a.get(i));
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && cmp.compare(tmp.get(i), tmp.get(j)) <= 0)) a.set(k, tmp.get(i++));
            else a.set(k, tmp.get(j++));
        }
    }
}
