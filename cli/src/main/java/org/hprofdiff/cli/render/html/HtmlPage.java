package org.hprofdiff.cli.render.html;

import static org.hprofdiff.cli.render.html.Html.attr;
import static org.hprofdiff.cli.render.html.Html.esc;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.hprofdiff.cli.VersionProvider;

/**
 * The frame of every HTML report: one self-contained document with the style sheet and the script
 * inlined from this package's resources, and a content security policy that forbids loading anything,
 * so the page works offline and cannot reach the network even if a dump's strings tried.
 */
final class HtmlPage {
    private static final String CSS = resource("report.css");
    private static final String JS = resource("report.js");
    /** Inline style and script only; no fetch, image, font or frame from anywhere. */
    private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

    private final String title;
    private final String kind;
    private final StringBuilder body = new StringBuilder(16_384);

    /** @param kind the report's kind ("diff", "histogram", ...), on {@code <body data-report>} */
    HtmlPage(String title, String kind) {
        this.title = title;
        this.kind = kind;
    }

    HtmlPage add(String html) {
        body.append(html);
        return this;
    }

    void writeTo(PrintWriter out) {
        out.print("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.print("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.print("<meta http-equiv=\"Content-Security-Policy\"" + attr("content", POLICY) + ">\n");
        out.print("<meta name=\"generator\"" + attr("content", version()) + ">\n");
        out.print("<title>" + esc(title) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n");
        out.print("<body" + attr("data-report", kind) + ">\n<main>\n");
        out.print(body);
        out.print("</main>\n<script>\n" + JS + "</script>\n</body>\n</html>\n");
    }

    private static String version() {
        try {
            return new VersionProvider().getVersion()[0];
        } catch (IOException e) {
            return "hprof-diff";
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlPage.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("resource " + name + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
