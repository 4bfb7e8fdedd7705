package org.hprofdiff.cli.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligned columns for a terminal: numbers right-aligned, the last column (a name, usually long) left
 * as is. Cells are plain strings; a styler may colour a whole row after alignment, so escape codes
 * never disturb the widths.
 */
final class TextTable {
    private final List<String> headers;
    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();
    private final List<java.util.function.UnaryOperator<String>> stylers = new ArrayList<>();

    /** Headers; a leading '>' marks a right-aligned column ({@code ">bytes"}). */
    TextTable(String... headers) {
        this.headers = new ArrayList<>();
        this.rightAligned = new boolean[headers.length];
        for (int i = 0; i < headers.length; i++) {
            rightAligned[i] = headers[i].startsWith(">");
            this.headers.add(rightAligned[i] ? headers[i].substring(1) : headers[i]);
        }
    }

    void row(String... cells) {
        row(s -> s, cells);
    }

    void row(java.util.function.UnaryOperator<String> styler, String... cells) {
        if (cells.length != headers.size()) throw new IllegalArgumentException("row has " + cells.length + " cells, table " + headers.size());
        rows.add(cells);
        stylers.add(styler);
    }

    boolean isEmpty() { return rows.isEmpty(); }

    void print(PrintWriter out, String indent, Style style) {
        int[] width = new int[headers.size()];
        for (int i = 0; i < width.length; i++) width[i] = headers.get(i).length();
        for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
        out.println(style.bold(line(indent, headers.toArray(String[]::new), width)));
        for (int i = 0; i < rows.size(); i++) out.println(stylers.get(i).apply(line(indent, rows.get(i), width)));
    }

    private String line(String indent, String[] cells, int[] width) {
        StringBuilder sb = new StringBuilder(indent);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) sb.append("  ");
            boolean last = i == cells.length - 1;
            if (rightAligned[i]) sb.append(" ".repeat(width[i] - cells[i].length())).append(cells[i]);
            else sb.append(cells[i]).append(last ? "" : " ".repeat(width[i] - cells[i].length()));
        }
        return sb.toString();
    }
}
