package org.hprofdiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.hprofdiff.cli.json.SchemaValidator;
import org.hprofdiff.cli.render.JsonRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graph commands' JSON, and histogram/info with their graph options, against docs/json-schema (every key declared, in order). */
class GraphJsonSchemaTest {
    private static final Path SCHEMAS = Path.of("..", "docs", "json-schema");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static SchemaValidator schemas;

    @TempDir static Path dir;

    @BeforeAll
    static void load() throws IOException {
        schemas = SchemaValidator.of(SCHEMAS);
    }

    private static JsonNode json(String... args) throws IOException {
        String[] all = new String[args.length + 5];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--format", "json", "--index-dir", dir.toString(), ReaperDumps.get().dumps().get(2).toString()}, 0, all,
                args.length, 5);
        Run.Result r = Run.main(all);
        assertEquals(0, r.code(), r::toString);
        return MAPPER.readTree(r.out());
    }

    private static void assertValid(String schema, JsonNode doc) {
        List<String> problems = schemas.problems("urn:hprof-diff:json-schema:" + schema, doc);
        assertEquals(List.of(), problems, () -> schema + ": " + problems.size() + " problems");
    }

    @Test
    void indexWithAndWithoutVerify() throws IOException {
        assertValid("index-report", json("index"));
        assertValid("index-report", json("index", "--verify"));
    }

    @Test
    void dominatorsInEveryShape() throws IOException {
        assertValid("dominators-report", json("dominators", "--top", "3", "--depth", "2"));
        assertValid("dominators-report", json("dominators", "--by", "package", "--all"));
        assertValid("dominators-report", json("dominators", "--keep-unreachable", "--include-weak", "--top", "2"));
    }

    @Test
    void pathsWithHiddenBranchesAndWithoutMatches() throws IOException {
        JsonNode cut = json("paths", "--class", "HashMap\\$Node$", "--top", "1");
        assertFalse(cut.get("paths").get(0).get("children").isEmpty());
        assertValid("paths-report", cut);
        assertValid("paths-report", json("paths", "--class", "NoSuchClassAnywhere"));
    }

    @Test
    void suspectsHistogramAndInfo() throws IOException {
        assertValid("suspects-report", json("suspects", "--threshold", "2"));
        assertValid("histogram-report", json("histogram", "--retained", "--group-by", "loader"));
        assertValid("histogram-report", json("histogram", "--retained", "--arrays-by-length", "--sort", "retained"));
        assertValid("info-report", json("info", "--reachability"));
    }

    @Test
    void theGraphSchemasVersionsAreTheCode() throws IOException {
        for (String report : List.of("index-report", "dominators-report", "paths-report", "suspects-report")) {
            JsonNode schema = MAPPER.readTree(SCHEMAS.resolve(report + ".schema.json").toFile());
            assertEquals(JsonRenderer.SCHEMA_VERSION, schema.at("/properties/schemaVersion/const").asInt(), report);
        }
    }
}
