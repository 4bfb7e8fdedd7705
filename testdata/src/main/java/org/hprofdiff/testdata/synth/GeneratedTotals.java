package org.hprofdiff.testdata.synth;

import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link LargeDumpGenerator} put in a dump, counted while writing (not read back), as the
 * {@code .expected.json} side file states it.
 *
 * @param objects           objects by kind; CLASS counts class objects
 * @param objectsByClass    instances and arrays per Java class name (same-named classes summed)
 * @param shallowBytes      instances and arrays under {@code sizeModel}
 * @param classMirrorBytes  class objects under this writer's mirror convention ({@link SizeModel})
 * @param fieldReferences   non-null reference fields of instances
 * @param elementReferences non-null elements of object arrays
 * @param staticReferences  non-null reference statics of classes
 * @param listNodes         nodes of the one long linked list (com.example.list.Node)
 */
public record GeneratedTotals(long seed, long targetBytes, long fileBytes, int idSize, SizeModel sizeModel,
                              int chunks, int dumpers, Map<ObjectKind, Long> objects,
                              Map<String, Long> objectsByClass, long shallowBytes, long classMirrorBytes,
                              long fieldReferences, long elementReferences, long staticReferences, long gcRoots,
                              long listNodes) {

    public GeneratedTotals {
        objects = Map.copyOf(objects);
        objectsByClass = new TreeMap<>(objectsByClass);
    }

    public long objectCount(ObjectKind kind) {
        return objects.getOrDefault(kind, 0L);
    }

    public long references() {
        return fieldReferences + elementReferences + staticReferences;
    }

    public String toJson() {
        StringBuilder json = new StringBuilder(1024);
        json.append("{\n");
        field(json, "seed", seed).field(json, "targetBytes", targetBytes).field(json, "fileBytes", fileBytes)
                .field(json, "idSize", idSize).field(json, "chunks", chunks).field(json, "dumpers", dumpers);
        json.append("  \"sizeModel\": {\"objectHeaderBytes\": ").append(sizeModel.objectHeaderBytes())
                .append(", \"arrayHeaderBytes\": ").append(sizeModel.arrayHeaderBytes())
                .append(", \"referenceBytes\": ").append(sizeModel.referenceBytes())
                .append(", \"alignment\": ").append(sizeModel.alignment()).append("},\n");
        json.append("  \"objects\": {");
        String separator = "";
        long total = 0;
        for (ObjectKind kind : ObjectKind.values()) {
            json.append(separator).append('"').append(camel(kind)).append("\": ").append(objectCount(kind));
            total += objectCount(kind);
            separator = ", ";
        }
        json.append(", \"total\": ").append(total).append("},\n");
        json.append("  \"objectsByClass\": {");
        separator = "\n";
        for (Map.Entry<String, Long> entry : objectsByClass.entrySet()) {
            json.append(separator).append("    \"").append(entry.getKey()).append("\": ").append(entry.getValue());
            separator = ",\n";
        }
        json.append("\n  },\n");
        field(json, "shallowBytes", shallowBytes).field(json, "classMirrorBytes", classMirrorBytes);
        json.append("  \"references\": {\"instanceFields\": ").append(fieldReferences)
                .append(", \"arrayElements\": ").append(elementReferences)
                .append(", \"statics\": ").append(staticReferences)
                .append(", \"total\": ").append(references()).append("},\n");
        field(json, "gcRoots", gcRoots);
        json.append("  \"listNodes\": ").append(listNodes).append("\n}\n");
        return json.toString();
    }

    private GeneratedTotals field(StringBuilder json, String name, long value) {
        json.append("  \"").append(name).append("\": ").append(value).append(",\n");
        return this;
    }

    private static String camel(ObjectKind kind) {
        return switch (kind) {
            case CLASS -> "classes";
            case INSTANCE -> "instances";
            case OBJECT_ARRAY -> "objectArrays";
            case PRIMITIVE_ARRAY -> "primitiveArrays";
        };
    }
}
