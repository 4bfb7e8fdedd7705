package org.hprofdiff.testdata.synth;

/** A typed value as the dump stores it: raw bits (object id, integer, or IEEE bits for float/double). */
public record FieldValue(BasicType type, long bits) {

    public static FieldValue ref(long objectId) {
        return new FieldValue(BasicType.OBJECT, objectId);
    }

    public static FieldValue ofBoolean(boolean value) {
        return new FieldValue(BasicType.BOOLEAN, value ? 1 : 0);
    }

    public static FieldValue ofByte(byte value) {
        return new FieldValue(BasicType.BYTE, value & 0xFF);
    }

    public static FieldValue ofChar(char value) {
        return new FieldValue(BasicType.CHAR, value);
    }

    public static FieldValue ofShort(short value) {
        return new FieldValue(BasicType.SHORT, value & 0xFFFF);
    }

    public static FieldValue ofInt(int value) {
        return new FieldValue(BasicType.INT, value & 0xFFFF_FFFFL);
    }

    public static FieldValue ofLong(long value) {
        return new FieldValue(BasicType.LONG, value);
    }

    public static FieldValue ofFloat(float value) {
        return new FieldValue(BasicType.FLOAT, Float.floatToRawIntBits(value) & 0xFFFF_FFFFL);
    }

    public static FieldValue ofDouble(double value) {
        return new FieldValue(BasicType.DOUBLE, Double.doubleToRawLongBits(value));
    }

    /** Zero of the type: null for references. */
    public static FieldValue zero(BasicType type) {
        return new FieldValue(type, 0);
    }

    private static long referenceId(Object value) {
        if (value == null) {
            return 0L;
        } else if (value instanceof HeapObject object) {
            return object.id();
        } else if (value instanceof SyntheticClass cls) {
            return cls.id();
        } else if (value instanceof Long id) {
            return id;
        }
        throw new IllegalArgumentException("not a reference: " + value);
    }

    /**
     * Converts a Java value to the given field type: references accept {@code null}, a {@link Long} id,
     * a {@link HeapObject} or a {@link SyntheticClass}; primitives accept the matching boxed type
     * (any {@link Number} for numeric types).
     */
    public static FieldValue convert(BasicType type, Object value) {
        if (value instanceof FieldValue fieldValue) {
            if (fieldValue.type != type) {
                throw new IllegalArgumentException("expected " + type + " but got " + fieldValue);
            }
            return fieldValue;
        }
        return switch (type) {
            case OBJECT -> ref(referenceId(value));
            case BOOLEAN -> ofBoolean((Boolean) value);
            case CHAR -> ofChar((Character) value);
            case BYTE -> ofByte(((Number) value).byteValue());
            case SHORT -> ofShort(((Number) value).shortValue());
            case INT -> ofInt(((Number) value).intValue());
            case LONG -> ofLong(((Number) value).longValue());
            case FLOAT -> ofFloat(((Number) value).floatValue());
            case DOUBLE -> ofDouble(((Number) value).doubleValue());
        };
    }
}
