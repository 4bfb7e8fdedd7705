package org.hprofdiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hprofdiff.cli.json.SchemaValidator;
import org.hprofdiff.cli.render.JsonRenderer;
import org.hprofdiff.core.format.GcRootKind;
import org.hprofdiff.core.format.RecordTag;
import org.hprofdiff.core.summary.DumpSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON outputs against their documented schemas (docs/json-schema), on real dumps: every key declared and
 * in the declared order, every required key there, types and enums as documented; and the same input gives
 * the same bytes, in this JVM and in another.
 */
class JsonSchemaTest {
    private static final Path SCHEMAS = Path.of("..", "docs", "json-schema");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static SchemaValidator schemas;

    @TempDir static Path dir;

    @BeforeAll
    static void load() throws IOException {
        schemas = SchemaValidator.of(SCHEMAS);
    }

    private static String dump(int i) {
        return ReaperDumps.get().dumps().get(i).toString();
    }

    private static JsonNode json(String... args) throws IOException {
        Run.Result r = Run.main(args);
        assertTrue(r.code() == 0 || r.code() == 1, r::toString);
        return MAPPER.readTree(r.out());
    }

    private static void assertValid(String schema, JsonNode doc) {
        List<String> problems = schemas.problems("urn:hprof-diff:json-schema:" + schema, doc);
        assertEquals(List.of(), problems, () -> schema + ": " + problems.size() + " problems");
    }

    private static Path summary() throws IOException {
        Path file = dir.resolve("reaper-1.summary.json");
        if (!Files.exists(file)) assertEquals(0, Run.main("summary", dump(0), "-o", file.toString()).code());
        return file;
    }

    @Test
    void diffWithEveryOptionalPartFilled() throws IOException {
        JsonNode doc = json("--format", "json", "--all", "--fail-on", "count:+30", "--baseline", summary().toString(), dump(1), dump(2));
        assertFalse(doc.get("checks").isNull());
        assertFalse(doc.at("/checks/breaches").isEmpty());
        assertFalse(doc.get("baseline").isNull());
        assertFalse(doc.get("labelled").isEmpty());
        assertFalse(doc.get("arraysByLength").isEmpty());
        assertValid("diff-report", doc);
    }

    @Test
    void diffWithNothingOptional() throws IOException {
        JsonNode doc = json("--format", "json", "--top", "3", dump(0), dump(1), dump(2));
        assertTrue(doc.get("checks").isNull());
        assertTrue(doc.get("baseline").isNull());
        assertValid("diff-report", doc);
    }

    @Test
    void histogramInfoAndSummary() throws IOException {
        assertValid("histogram-report", json("histogram", "--format", "json", "--arrays-by-length", dump(0)));
        assertValid("histogram-report", json("histogram", "--format", "json", "--group-by", "loader", "--filter", "Http", dump(0)));
        assertValid("info-report", json("info", "--format", "json", dump(0)));
        assertValid("summary", MAPPER.readTree(summary().toFile()));
    }

    @Test
    void theSchemasVersionsAreTheCodes() throws IOException {
        for (String report : List.of("diff-report", "histogram-report", "info-report")) {
            JsonNode schema = MAPPER.readTree(SCHEMAS.resolve(report + ".schema.json").toFile());
            assertEquals(JsonRenderer.SCHEMA_VERSION, schema.at("/properties/schemaVersion/const").asInt(), report);
        }
        JsonNode summary = MAPPER.readTree(SCHEMAS.resolve("summary.schema.json").toFile());
        assertEquals(DumpSummary.SCHEMA_VERSION, summary.at("/properties/schemaVersion/const").asInt());
    }

    /** The checker itself: each kind of mistake in an otherwise valid report is found, and named. */
    @Test
    void theCheckerFindsWhatIsWrong() throws IOException {
        JsonNode valid = json("--format", "json", "--top", "1", dump(0), dump(2));
        assertValid("diff-report", valid);

        ObjectNode missing = valid.deepCopy();
        ((ObjectNode) missing.get("verdict")).remove("summary");
        assertEquals(List.of("/verdict: no 'summary'"), problems(missing));

        ObjectNode wrongType = valid.deepCopy();
        ((ObjectNode) wrongType.at("/steadyGrowers/0/samples/1")).put("instances", "many");
        assertEquals(List.of("/steadyGrowers/0/samples/1/instances: expected \"integer\", got string \"many\""), problems(wrongType));

        ObjectNode badEnum = valid.deepCopy();
        ((ArrayNode) badEnum.at("/steadyGrowers/0/steps")).set(0, TextNode.valueOf("SIDEWAYS"));
        assertEquals(1, problems(badEnum).size());
        assertTrue(problems(badEnum).getFirst().startsWith("/steadyGrowers/0/steps/0: \"SIDEWAYS\" is not one of"), problems(badEnum)::toString);

        ObjectNode undeclared = valid.deepCopy();
        ((ObjectNode) undeclared.get("noiseFloor")).put("extra", 1);
        assertEquals(List.of("/noiseFloor: 'extra' is not declared in the schema"), problems(undeclared));

        ObjectNode reordered = MAPPER.createObjectNode();
        List<String> keys = new ArrayList<>();
        valid.fieldNames().forEachRemaining(keys::add);
        reordered.set("verdict", valid.get("verdict"));
        for (String k : keys) if (!k.equals("verdict")) reordered.set(k, valid.get(k));
        assertEquals(List.of(": 'report' comes after 'verdict'; the schema lists it before"), problems(reordered));

        ObjectNode notNullable = valid.deepCopy();
        notNullable.put("baseline", "somewhere");
        assertEquals(1, problems(notNullable).size());
        assertTrue(problems(notNullable).getFirst().startsWith("/baseline: matches 0 of the oneOf choices"), problems(notNullable)::toString);
    }

    private static List<String> problems(JsonNode doc) {
        return schemas.problems("urn:hprof-diff:json-schema:diff-report", doc);
    }

    /** Maps whose keys the schema cannot list come in a fixed order too: the order of the enums they are named after. */
    @Test
    void openMapsComeInTheirEnumsOrder() throws IOException {
        JsonNode info = json("info", "--format", "json", dump(0));
        List<String> tags = names(info.at("/records/byTag"));
        assertEquals(Arrays.stream(RecordTag.values()).map(Enum::name).filter(tags::contains).toList(), tags);
        assertTrue(tags.size() >= 5, tags::toString);
        List<String> roots = names(info.at("/totals/gcRootsByKind"));
        assertEquals(Arrays.stream(GcRootKind.values()).map(k -> k.label).filter(roots::contains).toList(), roots);
        assertTrue(roots.size() >= 3, roots::toString);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * Same input, same bytes: twice in this JVM, and once in a fresh JVM (whose hash seeds differ, so an
     * unordered map anywhere in the output would show).
     */
    @Test
    void sameInputSameBytes() throws Exception {
        String[] diff = {"--format", "json", "--all", dump(0), dump(1), dump(2)};
        String[] info = {"info", "--format", "json", dump(0)};
        String[] summary = {"summary", dump(0)};
        for (String[] args : List.of(diff, info, summary)) {
            String first = Run.main(args).out();
            assertEquals(first, Run.main(args).out(), () -> String.join(" ", args));
            assertEquals(first, inAnotherJvm(args), () -> String.join(" ", args) + " in another JVM");
        }
    }

    private static String inAnotherJvm(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM finished");
        assertEquals(0, p.exitValue());
        return new String(out, StandardCharsets.UTF_8);
    }
}
