package org.hprofdiff.index.table;

import org.hprofdiff.core.format.BasicType;

/**
 * Internal names of the primitive array classes ({@code [I}): how the index finds the class of a
 * PRIM_ARRAY_DUMP, which names only its element type. Java forms come from core's
 * {@link org.hprofdiff.core.summary.ClassNames}.
 */
public final class PrimitiveArrayNames {
    private PrimitiveArrayNames() {}

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
