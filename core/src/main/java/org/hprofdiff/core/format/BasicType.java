package org.hprofdiff.core.format;

/** hprof basic types (field, static, constant-pool and primitive-array element types). */
public enum BasicType {
    /** A reference; its size in the file is the header's id size, its size in the heap is the VM's reference size. */
    OBJECT(2, 0, "Object"),
    BOOLEAN(4, 1, "boolean"),
    CHAR(5, 2, "char"),
    FLOAT(6, 4, "float"),
    DOUBLE(7, 8, "double"),
    BYTE(8, 1, "byte"),
    SHORT(9, 2, "short"),
    INT(10, 4, "int"),
    LONG(11, 8, "long");

    private static final BasicType[] BY_CODE = new BasicType[16];
    static {
        for (BasicType t : values()) BY_CODE[t.code] = t;
    }

    public final int code;
    /** Size in bytes, both in the file and in the heap; 0 for OBJECT, whose size depends on the dump. */
    public final int primitiveSize;
    public final String javaName;

    BasicType(int code, int primitiveSize, String javaName) {
        this.code = code;
        this.primitiveSize = primitiveSize;
        this.javaName = javaName;
    }

    /** The type for a code, or null when the code is not a valid basic type. */
    public static BasicType of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** Bytes a value of this type takes in the dump file. */
    public int sizeInFile(int idSize) {
        return this == OBJECT ? idSize : primitiveSize;
    }

    public boolean isPrimitive() {
        return this != OBJECT;
    }
}
