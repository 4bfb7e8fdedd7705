package org.hprofdiff.cli.render.html;

/**
 * Escaping for text and attribute values. Every string that comes from a dump (class names hold
 * {@code $ < > &}, loader labels and file paths hold anything) passes through here before it reaches
 * the page; markup is only ever written by the renderer's own literals.
 */
final class Html {
    private Html() {}

    /** Text or a double-quoted attribute value: {@code & < > " '} as character references. */
    static String esc(String s) {
        if (s == null) return "";
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep == null && !Character.isISOControl(c) || c == '\n' || c == '\t') {
                if (sb != null) sb.append(c);
                continue;
            }
            if (sb == null) sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            // Control characters cannot appear in an HTML document; show them as U+FFFD like a browser would.
            sb.append(rep != null ? rep : "\uFFFD");
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * A class name or path as text that may wrap after its separators ({@code .}, {@code $}, {@code /}), so a
     * long name folds at a package boundary instead of widening its table column or overflowing a card.
     */
    static String name(String s) {
        String text = esc(s);
        StringBuilder sb = new StringBuilder(text.length() + 32);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(c);
            // Entities (&amp; &lt; ...) hold none of these, so a break never lands inside one.
            if ((c == '.' || c == '$' || c == '/') && i + 1 < text.length()) sb.append("<wbr>");
        }
        return sb.toString();
    }

    /** {@code name="value"} with the value escaped, preceded by a space. */
    static String attr(String name, Object value) {
        return " " + name + "=\"" + esc(String.valueOf(value)) + "\"";
    }

    /** A fragment id from a row's position: ids must not depend on class names, which may hold anything. */
    static String id(String prefix, int n) {
        return prefix + "-" + n;
    }
}
