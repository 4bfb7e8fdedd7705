package org.hprofdiff.core.summary;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@link DumpSummary} as JSON, to keep beside a dump and compare against later. Keys come in the
 * records' component order and maps in their own order (kinds in declaration order, GC roots in
 * {@link org.hprofdiff.core.format.GcRootKind} order), so one dump always gives byte-identical JSON
 * and summaries diff well as text. Reading refuses a summary of a newer schema than this code knows.
 */
public final class SummaryJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // a newer minor addition is ignored
            .build();

    private SummaryJson() {}

    public static String toJson(DumpSummary summary) {
        try {
            return MAPPER.writeValueAsString(summary);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write summary as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static void write(DumpSummary summary, Writer out) throws IOException {
        MAPPER.writeValue(out, summary);
    }

    public static void write(DumpSummary summary, OutputStream out) throws IOException {
        MAPPER.writeValue(out, summary);
    }

    public static void write(DumpSummary summary, Path file) throws IOException {
        Files.writeString(file, toJson(summary));
    }

    /** Parses a summary; the message of a failure names what was wrong and where (line, column). */
    public static DumpSummary fromJson(String json) throws IOException {
        DumpSummary summary;
        try {
            summary = MAPPER.readValue(json, DumpSummary.class);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new IOException("not a dump summary" + where + ": " + e.getOriginalMessage(), e);
        }
        if (summary.schemaVersion() > DumpSummary.SCHEMA_VERSION) {
            throw new IOException("summary schema version " + summary.schemaVersion() + " is newer than this tool's ("
                    + DumpSummary.SCHEMA_VERSION + "); use a newer hprof-diff");
        }
        return summary;
    }

    public static DumpSummary read(Path file) throws IOException {
        try {
            return fromJson(Files.readString(file));
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
