package org.hprofdiff.index.graph;

import org.hprofdiff.core.format.BasicType;

/** Class names between the dump's internal form and the Java form people read. */
public final class ClassNames {
    private ClassNames() {}

    /** {@code java/lang/String} → {@code java.lang.String}; {@code [[I} → {@code int[][]}; {@code [Ljava/lang/Object;} → {@code java.lang.Object[]}. */
    public static String toJava(String internal) {
        int dims = 0;
        while (dims < internal.length() && internal.charAt(dims) == '[') dims++;
        if (dims == 0) return internal.replace('/', '.');
        String element = internal.substring(dims);
        String base;
        if (element.startsWith("L") && element.endsWith(";")) {
            base = element.substring(1, element.length() - 1).replace('/', '.');
        } else if (element.length() == 1 && primitive(element.charAt(0)) != null) {
            base = primitive(element.charAt(0)).javaName;
        } else {
            base = element.replace('/', '.'); // some dumps write "[java.lang.Object" style names; keep what is there
        }
        return base + "[]".repeat(dims);
    }

    /** The internal name of the array class for a primitive element type: INT → {@code [I}. */
    public static String primitiveArrayName(BasicType type) {
        return "[" + descriptor(type);
    }

    /** The primitive type of a one-dimensional primitive array class name ({@code [I}), or null. */
    public static BasicType primitiveArrayType(String internal) {
        return internal.length() == 2 && internal.charAt(0) == '[' ? primitive(internal.charAt(1)) : null;
    }

    private static char descriptor(BasicType type) {
        return switch (type) {
            case BOOLEAN -> 'Z';
            case CHAR -> 'C';
            case FLOAT -> 'F';
            case DOUBLE -> 'D';
            case BYTE -> 'B';
            case SHORT -> 'S';
            case INT -> 'I';
            case LONG -> 'J';
            case OBJECT -> throw new IllegalArgumentException("not a primitive type");
        };
    }

    private static BasicType primitive(char c) {
        return switch (c) {
            case 'Z' -> BasicType.BOOLEAN;
            case 'C' -> BasicType.CHAR;
            case 'F' -> BasicType.FLOAT;
            case 'D' -> BasicType.DOUBLE;
            case 'B' -> BasicType.BYTE;
            case 'S' -> BasicType.SHORT;
            case 'I' -> BasicType.INT;
            case 'J' -> BasicType.LONG;
            default -> null;
        };
    }
}
