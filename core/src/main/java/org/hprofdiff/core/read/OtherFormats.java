package org.hprofdiff.core.read;

import java.nio.charset.StandardCharsets;

/** Names the format of a file that is not an hprof, from its first bytes, so the error says what it is. */
final class OtherFormats {
    private OtherFormats() {}

    static String describe(byte[] start) {
        if (start.length == 0) return "it is empty";
        String ascii = new String(start, StandardCharsets.ISO_8859_1);
        if (ascii.contains("portable heap dump")) {
            return "this is an IBM portable heap dump (PHD), which hprof-diff does not read (Eclipse MAT with IBM DTFJ does)";
        }
        if (ascii.startsWith("FLR\0")) return "this is a Java Flight Recorder file (.jfr), not a heap dump";
        if (ascii.startsWith("\u007fELF")) return "this is an ELF file (a core dump?); get an hprof from a core with 'jhsdb jmap --binaryheap'";
        if (ascii.startsWith("PK\u0003\u0004")) return "this is a zip archive; unzip it first";
        if (ascii.startsWith("BZh")) return "this is bzip2-compressed; decompress it first";
        if (start.length >= 4 && (start[0] & 0xFF) == 0x28 && (start[1] & 0xFF) == 0xB5 && (start[2] & 0xFF) == 0x2F && (start[3] & 0xFF) == 0xFD) {
            return "this is zstd-compressed; decompress it first";
        }
        if (ascii.startsWith("\u00FD7zXZ")) return "this is xz-compressed; decompress it first";
        if (ascii.startsWith("JAVA PROFILE")) return "the header is malformed";
        return "it starts with " + hex(start, 8);
    }

    static String hex(byte[] bytes, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(max, bytes.length); i++) {
            if (i > 0) sb.append(' ');
            sb.append(String.format("%02x", bytes[i] & 0xFF));
        }
        return sb.toString();
    }
}
