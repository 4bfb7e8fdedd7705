package org.hprofdiff.cli.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.hprofdiff.cli.report.Report;

/**
 * A report as JSON for scripts: {@code {"report": "<kind>", "schemaVersion": N, <the report's fields in
 * declaration order>, "warnings": [...]}}. Keys keep the records' component order, so output is stable.
 */
public final class JsonRenderer implements Renderer {
    /**
     * Changes when a field of any report changes meaning or goes away (adding fields does not): the policy and
     * the schemas are in docs/json-schema, which a test checks real output against.
     */
    public static final int SCHEMA_VERSION = 2;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    @Override
    public void render(Report report, PrintWriter out) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("report", report.kind());
        root.put("schemaVersion", SCHEMA_VERSION);
        root.setAll((ObjectNode) MAPPER.valueToTree(report));
        root.set("warnings", MAPPER.valueToTree(report.warnings()));
        try {
            out.println(MAPPER.writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }
}
