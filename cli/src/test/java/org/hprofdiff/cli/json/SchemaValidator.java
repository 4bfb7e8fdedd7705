package org.hprofdiff.cli.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks JSON documents against the project's schemas in {@code docs/json-schema}, for the part of JSON Schema
 * draft 2020-12 those files use: {@code $ref} (within a file, or to another file by its {@code $id}),
 * {@code type}, {@code const}, {@code enum}, {@code properties}, {@code required}, {@code additionalProperties}
 * (as a schema), {@code items}, {@code minItems}, {@code oneOf}, {@code minimum}. A keyword it does not know
 * makes it fail rather than pass silently.
 *
 * <p>It is stricter than the standard in two ways, on purpose: an object's keys must all be declared (in
 * {@code properties}, or matched by an {@code additionalProperties} schema), and declared keys must come in
 * the order the schema lists them. The schema files allow undeclared keys so that an older schema keeps
 * validating newer output; this checker keeps the files complete and the key order stable.
 */
public final class SchemaValidator {
    private static final List<String> KNOWN = List.of("$schema", "$id", "$defs", "title", "description", "$ref", "type", "const",
            "enum", "properties", "required", "additionalProperties", "items", "minItems", "oneOf", "minimum");

    private final Map<String, JsonNode> schemasById;

    private SchemaValidator(Map<String, JsonNode> schemasById) {
        this.schemasById = schemasById;
    }

    /** Every {@code *.schema.json} of a folder, known by its {@code $id}. */
    public static SchemaValidator of(Path folder) throws IOException {
        Map<String, JsonNode> byId = new HashMap<>();
        ObjectMapper mapper = new ObjectMapper();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".schema.json")).toList()) {
                JsonNode schema = mapper.readTree(f.toFile());
                byId.put(schema.get("$id").asText(), schema);
            }
        }
        return new SchemaValidator(byId);
    }

    /** The problems of {@code doc} against the schema with this {@code $id}, one line each with a JSON pointer; empty when valid. */
    public List<String> problems(String schemaId, JsonNode doc) {
        JsonNode root = schemasById.get(schemaId);
        if (root == null) throw new IllegalArgumentException("no schema " + schemaId + " among " + schemasById.keySet());
        List<String> problems = new ArrayList<>();
        check(root, root, doc, "", problems);
        return problems;
    }

    private void check(JsonNode root, JsonNode schema, JsonNode doc, String at, List<String> problems) {
        for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
            String keyword = it.next();
            if (!KNOWN.contains(keyword)) throw new IllegalStateException("schema keyword '" + keyword + "' at " + at + " is not supported by this checker");
        }
        if (schema.has("$ref")) {
            Target t = resolve(root, schema.get("$ref").asText());
            check(t.root(), t.schema(), doc, at, problems);
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), doc)) {
            problems.add(at + ": expected " + schema.get("type") + ", got " + doc.getNodeType().name().toLowerCase() + " " + abbreviated(doc));
            return;
        }
        if (schema.has("const") && !equalValues(schema.get("const"), doc)) problems.add(at + ": expected " + schema.get("const") + ", got " + abbreviated(doc));
        if (schema.has("enum")) {
            boolean any = false;
            for (JsonNode e : schema.get("enum")) any |= equalValues(e, doc);
            if (!any) problems.add(at + ": " + abbreviated(doc) + " is not one of " + schema.get("enum"));
        }
        if (schema.has("minimum") && doc.isNumber() && doc.asDouble() < schema.get("minimum").asDouble()) {
            problems.add(at + ": " + doc + " is less than " + schema.get("minimum"));
        }
        if (schema.has("oneOf")) oneOf(root, schema.get("oneOf"), doc, at, problems);
        if (doc.isObject()) object(root, schema, doc, at, problems);
        if (doc.isArray()) {
            if (schema.has("minItems") && doc.size() < schema.get("minItems").asInt()) problems.add(at + ": " + doc.size() + " items, fewer than " + schema.get("minItems"));
            if (schema.has("items")) for (int i = 0; i < doc.size(); i++) check(root, schema.get("items"), doc.get(i), at + "/" + i, problems);
        }
    }

    private void oneOf(JsonNode root, JsonNode choices, JsonNode doc, String at, List<String> problems) {
        int matching = 0;
        List<String> why = new ArrayList<>();
        for (JsonNode choice : choices) {
            List<String> p = new ArrayList<>();
            check(root, choice, doc, at, p);
            if (p.isEmpty()) matching++;
            else why.addAll(p);
        }
        if (matching != 1) problems.add(at + ": matches " + matching + " of the oneOf choices, not exactly one" + (matching == 0 ? ": " + why : ""));
    }

    private void object(JsonNode root, JsonNode schema, JsonNode doc, String at, List<String> problems) {
        JsonNode properties = schema.get("properties");
        JsonNode additional = schema.get("additionalProperties");
        if (schema.has("required")) {
            for (JsonNode r : schema.get("required")) if (!doc.has(r.asText())) problems.add(at + ": no '" + r.asText() + "'");
        }
        if (properties == null && additional == null) return; // an object the schema says nothing more about (e.g. behind a $ref)
        List<String> declared = new ArrayList<>();
        if (properties != null) properties.fieldNames().forEachRemaining(declared::add);
        int lastPosition = -1;
        String lastKey = null;
        for (Iterator<String> it = doc.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            int position = declared.indexOf(key);
            if (position >= 0) {
                if (position < lastPosition) problems.add(at + ": '" + key + "' comes after '" + lastKey + "'; the schema lists it before");
                lastPosition = position;
                lastKey = key;
                check(root, properties.get(key), doc.get(key), at + "/" + key, problems);
            } else if (additional != null) {
                check(root, additional, doc.get(key), at + "/" + key, problems);
            } else {
                problems.add(at + ": '" + key + "' is not declared in the schema");
            }
        }
    }

    private record Target(JsonNode root, JsonNode schema) {}

    /** {@code #/$defs/x} in the same file, or {@code urn:...#/$defs/x} in the file with that {@code $id}. */
    private Target resolve(JsonNode root, String ref) {
        int hash = ref.indexOf('#');
        String id = hash < 0 ? ref : ref.substring(0, hash);
        JsonNode file = id.isEmpty() ? root : schemasById.get(id);
        if (file == null) throw new IllegalStateException("$ref " + ref + ": no schema with $id " + id);
        JsonNode target = hash < 0 || hash == ref.length() - 1 ? file : file.at(ref.substring(hash + 1));
        if (target.isMissingNode()) throw new IllegalStateException("$ref " + ref + " points at nothing");
        return new Target(file, target);
    }

    private static boolean typeMatches(JsonNode type, JsonNode doc) {
        if (type.isArray()) {
            for (JsonNode t : type) if (typeMatches(t, doc)) return true;
            return false;
        }
        return switch (type.asText()) {
            case "object" -> doc.isObject();
            case "array" -> doc.isArray();
            case "string" -> doc.isTextual();
            case "boolean" -> doc.isBoolean();
            case "null" -> doc.isNull();
            case "number" -> doc.isNumber();
            // 2020-12: an integer is any number without a fractional part (1.0 included)
            case "integer" -> doc.isIntegralNumber() || (doc.isNumber() && doc.asDouble() == Math.rint(doc.asDouble()));
            default -> throw new IllegalStateException("unknown type " + type);
        };
    }

    private static boolean equalValues(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) return a.decimalValue().compareTo(b.decimalValue()) == 0;
        return a.equals(b);
    }

    private static String abbreviated(JsonNode doc) {
        String s = doc.toString();
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
