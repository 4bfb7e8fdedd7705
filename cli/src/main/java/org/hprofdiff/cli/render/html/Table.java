package org.hprofdiff.cli.render.html;

import static org.hprofdiff.cli.render.html.Html.attr;
import static org.hprofdiff.cli.render.html.Html.esc;

import java.util.ArrayList;
import java.util.List;

/**
 * An HTML table whose cells carry a sort key ({@code data-sort}) beside what they show, so the page's
 * script sorts by the real number rather than by "1.5 MB". Sortable tables get buttons in their headers
 * from that script; without it they are ordinary tables in the report's own order.
 */
final class Table {

    /** @param numeric right-aligned, sorted as a number, largest first on the first click */
    record Column(String header, boolean numeric, String help) {
        static Column text(String header) { return new Column(header, false, null); }

        static Column num(String header) { return new Column(header, true, null); }

        Column help(String text) { return new Column(header, numeric, text); }
    }

    /** @param html markup, already escaped; @param sortKey the value sorted on */
    record Cell(String html, String sortKey) {
        static Cell text(String text) { return new Cell(esc(text), text); }

        static Cell num(long value, String shown) { return new Cell(esc(shown), Long.toString(value)); }

        static Cell num(Double value, String shown) { return new Cell(esc(shown), value == null ? "" : Double.toString(value)); }
    }

    private final String label;
    private final boolean sortable;
    private final List<Column> columns;
    private final List<Cell[]> rows = new ArrayList<>();

    /** @param label what the table holds, for screen readers and the caption-less layout */
    Table(String label, boolean sortable, Column... columns) {
        this.label = label;
        this.sortable = sortable;
        this.columns = List.of(columns);
    }

    Table row(Cell... cells) {
        if (cells.length != columns.size()) throw new IllegalArgumentException(cells.length + " cells for " + columns.size() + " columns");
        rows.add(cells);
        return this;
    }

    boolean isEmpty() { return rows.isEmpty(); }

    String html() {
        StringBuilder s = new StringBuilder(256 + rows.size() * 200);
        s.append("<div class=\"table-wrap\"><table").append(sortable ? " class=\"sortable\"" : "").append(attr("aria-label", label))
                .append(">\n<thead><tr>");
        for (Column c : columns) {
            s.append("<th scope=\"col\"").append(c.numeric() ? " class=\"num\"" : "").append(c.help() != null ? attr("title", c.help()) : "")
                    .append('>').append(esc(c.header())).append("</th>");
        }
        s.append("</tr></thead>\n<tbody>\n");
        for (Cell[] row : rows) {
            s.append("<tr>");
            for (int i = 0; i < row.length; i++) {
                s.append("<td").append(columns.get(i).numeric() ? " class=\"num\"" : "");
                if (sortable) s.append(attr("data-sort", row[i].sortKey() == null ? "" : row[i].sortKey()));
                s.append('>').append(row[i].html()).append("</td>");
            }
            s.append("</tr>\n");
        }
        s.append("</tbody></table></div>\n");
        return s.toString();
    }
}
