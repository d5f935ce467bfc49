package org.vaultgraph.vault;

import java.util.Arrays;

/** Turns character offsets of a text into 1-based lines and columns. */
final class LineIndex {
    private final int[] lineStarts;

    LineIndex(CharSequence text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
                starts[count++] = i + 1;
            }
        }
        lineStarts = Arrays.copyOf(starts, count);
    }

    int line(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return (found >= 0 ? found : -found - 2) + 1;
    }

    int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    int lineStart(int line) {
        return lineStarts[line - 1];
    }

    int lineCount() {
        return lineStarts.length;
    }
}
