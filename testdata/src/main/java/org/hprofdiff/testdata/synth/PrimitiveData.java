package org.hprofdiff.testdata.synth;

import java.nio.ByteBuffer;

/** Big-endian bytes of primitive arrays, as PRIM_ARRAY_DUMP stores the elements. */
public final class PrimitiveData {
    private PrimitiveData() {
    }

    public static byte[] of(char[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 2);
        buffer.asCharBuffer().put(values);
        return buffer.array();
    }

    public static byte[] of(short[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 2);
        buffer.asShortBuffer().put(values);
        return buffer.array();
    }

    public static byte[] of(int[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4);
        buffer.asIntBuffer().put(values);
        return buffer.array();
    }

    public static byte[] of(long[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 8);
        buffer.asLongBuffer().put(values);
        return buffer.array();
    }

    public static byte[] of(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    public static byte[] of(double[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 8);
        buffer.asDoubleBuffer().put(values);
        return buffer.array();
    }

    public static byte[] of(boolean[] values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) (values[i] ? 1 : 0);
        }
        return bytes;
    }
}
