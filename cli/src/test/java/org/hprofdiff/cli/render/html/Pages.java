package org.hprofdiff.cli.render.html;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hprofdiff.cli.report.Report;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Renders reports to HTML and reads them back: charts are parsed as XML, so their structure is checked, not their spelling. */
public final class Pages {
    private Pages() {}

    public static String render(Report report) {
        StringWriter out = new StringWriter();
        new HtmlRenderer().render(report, new PrintWriter(out));
        return out.toString();
    }

    /** The {@code <svg>} with this id, parsed. */
    static Element chart(String html, String id) {
        Matcher m = Pattern.compile("<svg class=\"chart\" id=\"" + Pattern.quote(id) + "\".*?</svg>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "no chart " + id);
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(m.group().getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("chart " + id + " is not well-formed: " + e.getMessage(), e);
        }
    }

    /** The ids of every chart in the page, in order. */
    static List<String> chartIds(String html) {
        Matcher m = Pattern.compile("<svg class=\"chart\" id=\"([^\"]+)\"").matcher(html);
        List<String> ids = new ArrayList<>();
        while (m.find()) ids.add(m.group(1));
        return ids;
    }

    /** The chart's points ({@code circle.point}) in document order. */
    static List<Element> points(Element svg) {
        NodeList circles = svg.getElementsByTagName("circle");
        List<Element> points = new ArrayList<>();
        for (int i = 0; i < circles.getLength(); i++) {
            Element c = (Element) circles.item(i);
            if (c.getAttribute("class").equals("point")) points.add(c);
        }
        return points;
    }

    static List<String> attribute(List<Element> elements, String name) {
        return elements.stream().map(e -> e.getAttribute(name)).toList();
    }

    /** The page from the section with this id up to the next top-level section or the footer. */
    static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\"");
        assertTrue(start >= 0, "no section " + id);
        int end = html.length();
        for (String next : List.of("\n<section id=", "\n<footer>")) {
            int at = html.indexOf(next, start + 1);
            if (at >= 0) end = Math.min(end, at);
        }
        return html.substring(start, end);
    }
}
