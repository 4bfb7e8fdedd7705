package org.hprofdiff.core.read;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Big-endian bytes for hand-made (usually malformed) sub-records in tests. */
final class RawBytes {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);

    RawBytes u1(int v) { return run(() -> out.writeByte(v)); }
    RawBytes u2(int v) { return run(() -> out.writeShort(v)); }
    RawBytes u4(long v) { return run(() -> out.writeInt((int) v)); }
    RawBytes id(long v, int idSize) { return run(() -> { if (idSize == 8) out.writeLong(v); else out.writeInt((int) v); }); }
    RawBytes bytes(byte[] b) { return run(() -> out.write(b)); }

    byte[] toByteArray() { return bytes.toByteArray(); }

    private interface Write { void run() throws IOException; }

    private RawBytes run(Write w) {
        try {
            w.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
