package org.hprofdiff.cli.render.html;

import static org.hprofdiff.cli.render.html.Html.esc;

import java.util.List;

/** The report's warnings (partial dumps, unchecked thresholds), near the top where they cannot be missed. */
final class Warnings {
    private Warnings() {}

    static void append(StringBuilder s, List<String> warnings) {
        if (warnings.isEmpty()) return;
        s.append("<ul class=\"warnings\" role=\"note\">\n");
        for (String w : warnings) s.append("<li><strong>warning:</strong> ").append(esc(w)).append("</li>\n");
        s.append("</ul>\n");
    }
}
