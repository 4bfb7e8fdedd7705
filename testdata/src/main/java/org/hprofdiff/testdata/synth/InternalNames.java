package org.hprofdiff.testdata.synth;

/**
 * Converts class names between Java form ({@code java.lang.String}, {@code int[]}) and the dump's internal form, for
 * the writer. Apart from core's {@code ClassNames} (internal form to what people read) on purpose: testdata depends on
 * nothing of the reader, so a mistake in the reader's naming cannot also be in the dumps that test it.
 */
public final class InternalNames {
    private InternalNames() {
    }

    /**
     * Internal form: {@code java/lang/String}, {@code [I}, {@code [Ljava/lang/Object;}. Names already in
     * internal form (containing '/' or starting with '[') are returned unchanged.
     */
    public static String toInternal(String name) {
        if (name.startsWith("[") || name.contains("/")) {
            return name;
        }
        if (name.endsWith("[]")) {
            String element = name.substring(0, name.length() - 2);
            String primitive = primitiveDescriptor(element);
            if (primitive != null) {
                return "[" + primitive;
            }
            String inner = toInternal(element);
            return inner.startsWith("[") ? "[" + inner : "[L" + inner + ";";
        }
        return name.replace('.', '/');
    }

    /** Java form: {@code java.lang.String}, {@code int[]}, {@code java.lang.Object[][]}. */
    public static String toJava(String internal) {
        if (!internal.startsWith("[")) {
            return internal.replace('/', '.');
        }
        String element = internal.substring(1);
        String javaElement = switch (element.charAt(0)) {
            case 'Z' -> "boolean";
            case 'C' -> "char";
            case 'F' -> "float";
            case 'D' -> "double";
            case 'B' -> "byte";
            case 'S' -> "short";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'L' -> element.substring(1, element.length() - 1).replace('/', '.');
            case '[' -> toJava(element);
            default -> throw new IllegalArgumentException("not a class name: " + internal);
        };
        return javaElement + "[]";
    }

    /** Internal name of the array class whose elements are {@code elementInternal}. */
    public static String arrayOf(String elementInternal) {
        return elementInternal.startsWith("[") ? "[" + elementInternal : "[L" + elementInternal + ";";
    }

    private static String primitiveDescriptor(String javaName) {
        for (BasicType type : BasicType.values()) {
            if (type.isPrimitive() && type.name().toLowerCase(java.util.Locale.ROOT).equals(javaName)) {
                return String.valueOf(type.descriptor());
            }
        }
        return null;
    }
}
