package org.hprofdiff.core.summary;

import org.hprofdiff.core.format.BasicType;

/**
 * Class names as people write them. Dumps hold the VM's internal form ({@code java/lang/String},
 * {@code [Ljava/lang/Object;}, {@code [[I}); Android writes {@code java.lang.String[]} already; hidden
 * classes carry a {@code +0x...} suffix that the JVM itself prints as {@code /0x...}
 * ({@code GC.class_histogram}, stack traces), so it is shown that way too.
 */
public final class ClassNames {
    private ClassNames() {}

    /** Java form: {@code java.lang.Object[]}, {@code int[][]}, {@code java.lang.invoke.LambdaForm$MH/0x0000...}. */
    public static String javaName(String name) {
        if (name.isEmpty() || name.charAt(0) != '[') return plain(name);
        int dims = 0;
        while (dims < name.length() && name.charAt(dims) == '[') dims++;
        String element = elementName(name.substring(dims));
        if (element == null) return plain(name); // not a descriptor after all: keep what is there, readable
        return element + "[]".repeat(dims);
    }

    /** Java name of a primitive array class: {@code byte[]}. */
    public static String primitiveArray(BasicType elementType) {
        return elementType.javaName + "[]";
    }

    private static String elementName(String descriptor) {
        if (descriptor.length() == 1) {
            return switch (descriptor.charAt(0)) {
                case 'Z' -> "boolean";
                case 'B' -> "byte";
                case 'C' -> "char";
                case 'S' -> "short";
                case 'I' -> "int";
                case 'J' -> "long";
                case 'F' -> "float";
                case 'D' -> "double";
                default -> null;
            };
        }
        if (descriptor.length() > 2 && descriptor.charAt(0) == 'L' && descriptor.endsWith(";")) {
            return plain(descriptor.substring(1, descriptor.length() - 1));
        }
        return null;
    }

    private static String plain(String internal) {
        String dotted = internal.replace('/', '.');
        // A hidden class: "pkg/Outer$$Lambda+0x00007f..." → "pkg.Outer$$Lambda/0x00007f..." (the JVM's external name).
        int hidden = dotted.lastIndexOf("+0x");
        if (hidden > 0) dotted = dotted.substring(0, hidden) + "/" + dotted.substring(hidden + 1);
        return dotted;
    }
}
