package org.hprofdiff.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hprofdiff.core.format.BasicType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassNamesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "java/lang/String, java.lang.String",
            "java/util/HashMap$Node, java.util.HashMap$Node",
            "[Ljava/lang/Object;, java.lang.Object[]",
            "[[I, int[][]",
            "[B, byte[]",
            "[[[Ljava/util/HashMap$Node;, java.util.HashMap$Node[][][]",
            "[Z, boolean[]",
            // Android writes Java form already.
            "java.lang.String[], java.lang.String[]",
            "int[][], int[][]",
            // Hidden classes: the JVM prints their suffix with '/'.
            "java/lang/invoke/LambdaForm$MH+0x000000003d180800, java.lang.invoke.LambdaForm$MH/0x000000003d180800",
            "Gen$$Lambda+0x00007f6268150d40, Gen$$Lambda/0x00007f6268150d40",
            // A default-package class, and a malformed descriptor kept readable.
            "Main, Main",
            "[Q, [Q",
    })
    void javaForm(String internal, String java) {
        assertEquals(java, ClassNames.javaName(internal));
    }

    @Test
    void primitiveArrayNames() {
        assertEquals("long[]", ClassNames.primitiveArray(BasicType.LONG));
        assertEquals("char[]", ClassNames.primitiveArray(BasicType.CHAR));
    }
}
