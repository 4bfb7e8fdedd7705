package org.hprofdiff.cli.render;

import java.io.PrintWriter;
import org.hprofdiff.cli.options.Format;
import org.hprofdiff.cli.report.Report;

/** Turns a report into one output format. One implementation per format; commands never format text. */
public interface Renderer {

    void render(Report report, PrintWriter out);

    /** The renderer for a format; {@code style} matters only to text. */
    static Renderer of(Format format, Style style) {
        return switch (format) {
            case TEXT -> new TextRenderer(style);
            case CSV -> new CsvRenderer();
            case JSON -> new JsonRenderer();
            case MD -> new org.hprofdiff.cli.render.markdown.MarkdownRenderer();
            case HTML -> new org.hprofdiff.cli.render.html.HtmlRenderer();
        };
    }
}
