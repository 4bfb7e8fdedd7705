package org.hprofdiff.cli.render.markdown;

import java.util.ArrayList;
import java.util.List;

/**
 * GitHub-flavoured Markdown pieces: escaped text, code spans and pipe tables. Every string from a dump
 * (class names hold {@code $ < > _}; paths and loader labels hold anything) goes through {@link #text}
 * or {@link #code}, so it shows as written and never turns into markup, a link, HTML or math.
 */
final class Markdown {
    /**
     * Characters that start markup inside a line in GFM; '$' starts math on GitHub. ('#', '-', '+' and digits
     * matter only at the start of a line, where this renderer always writes its own text.)
     */
    private static final String SPECIAL = "\\`*_[]<>|$~&";

    private Markdown() {}

    /** Plain text: markup characters backslash-escaped, line breaks as spaces. */
    static String text(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                sb.append(' ');
                continue;
            }
            if (SPECIAL.indexOf(c) >= 0) sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }

    /** Text inside raw HTML (a {@code <summary>}), where Markdown escapes would show as backslashes. */
    static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A code span outside tables: fenced by more backticks than the text holds in a row. */
    static String code(String s) {
        return fence(s.replace('\n', ' ').replace('\r', ' '));
    }

    /**
     * A code span inside a table cell: as {@link #code}, with '|' escaped, which GFM requires even inside
     * code spans there (the table is split into cells before code spans are read).
     */
    static String cellCode(String s) {
        return code(s).replace("|", "\\|");
    }

    private static String fence(String s) {
        int longest = 0, run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String ticks = "`".repeat(longest + 1);
        // A space on each side when the text starts or ends with a backtick; GFM strips one such space.
        boolean pad = s.startsWith("`") || s.endsWith("`") || s.isBlank();
        return ticks + (pad ? " " : "") + s + (pad ? " " : "") + ticks;
    }

    /** A pipe table; cells are Markdown already (escaped with {@link #text} or {@link #cellCode}). */
    static final class Table {
        private final List<String> headers = new ArrayList<>();
        private final List<Boolean> right = new ArrayList<>();
        private final List<String[]> rows = new ArrayList<>();

        /** Headers; a leading '>' marks a right-aligned (number) column, as in the text renderer's tables. */
        Table(String... headers) {
            for (String h : headers) {
                boolean r = h.startsWith(">");
                right.add(r);
                this.headers.add(r ? h.substring(1) : h);
            }
        }

        Table row(String... cells) {
            if (cells.length != headers.size()) throw new IllegalArgumentException(cells.length + " cells for " + headers.size() + " columns");
            rows.add(cells);
            return this;
        }

        String render() {
            StringBuilder sb = new StringBuilder();
            sb.append('|');
            for (String h : headers) sb.append(' ').append(text(h)).append(" |");
            sb.append("\n|");
            for (boolean r : right) sb.append(r ? " --: |" : " :-- |");
            sb.append('\n');
            for (String[] row : rows) {
                sb.append('|');
                for (String c : row) sb.append(' ').append(c).append(" |");
                sb.append('\n');
            }
            return sb.toString();
        }
    }
}
