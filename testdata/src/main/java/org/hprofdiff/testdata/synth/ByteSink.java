package org.hprofdiff.testdata.synth;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable big-endian byte buffer: where record bodies and heap segments are assembled before framing. */
final class ByteSink {
    private static final VarHandle U2 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle U4 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle U8 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private byte[] bytes;
    private int size;

    ByteSink(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    int size() {
        return size;
    }

    byte[] array() {
        return bytes;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    void reset() {
        size = 0;
    }

    /** Drops the first {@code count} bytes, keeping the rest at the front. */
    void dropPrefix(int count) {
        System.arraycopy(bytes, count, bytes, 0, size - count);
        size -= count;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            long wanted = Math.max((long) bytes.length * 2, (long) size + more);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("buffer would exceed 2 GiB; use HEAP_DUMP_SEGMENT framing");
            }
            bytes = Arrays.copyOf(bytes, (int) wanted);
        }
    }

    ByteSink u1(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
        return this;
    }

    ByteSink u2(int value) {
        ensure(2);
        U2.set(bytes, size, (short) value);
        size += 2;
        return this;
    }

    ByteSink u4(long value) {
        ensure(4);
        U4.set(bytes, size, (int) value);
        size += 4;
        return this;
    }

    ByteSink u8(long value) {
        ensure(8);
        U8.set(bytes, size, value);
        size += 8;
        return this;
    }

    /** An id of the dump's id size; a 4-byte id must fit in 32 unsigned bits. */
    ByteSink id(long value, int idSize) {
        if (idSize == 8) {
            return u8(value);
        }
        if ((value >>> 32) != 0) {
            throw new IllegalArgumentException("id 0x" + Long.toHexString(value) + " does not fit 4 bytes");
        }
        return u4(value);
    }

    /** A value of the given basic type from its raw bits (float/double as raw IEEE bits). */
    ByteSink value(BasicType type, long bits, int idSize) {
        return switch (type) {
            case OBJECT -> id(bits, idSize);
            case BOOLEAN, BYTE -> u1((int) bits);
            case CHAR, SHORT -> u2((int) bits);
            case FLOAT, INT -> u4(bits);
            case DOUBLE, LONG -> u8(bits);
        };
    }

    ByteSink bytes(byte[] data) {
        return bytes(data, 0, data.length);
    }

    ByteSink bytes(byte[] data, int offset, int length) {
        ensure(length);
        System.arraycopy(data, offset, bytes, size, length);
        size += length;
        return this;
    }

    /** Modified UTF-8 is what the JVM writes; for the text tests use, standard UTF-8 is the same bytes. */
    ByteSink utf8(String text) {
        return bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    void putU4At(int position, long value) {
        U4.set(bytes, position, (int) value);
    }
}
