package org.hprofdiff.core.size;

/**
 * Layout values the user states instead of letting them be inferred ({@code --header-bytes},
 * {@code --ref-bytes}, {@code --align}); null leaves a value to inference.
 */
public record SizeModelOverrides(Integer objectHeaderBytes, Integer referenceBytes, Integer objectAlignment) {

    public static final SizeModelOverrides NONE = new SizeModelOverrides(null, null, null);

    public SizeModelOverrides {
        if (objectHeaderBytes != null && objectHeaderBytes != 8 && objectHeaderBytes != 12 && objectHeaderBytes != 16) {
            throw new IllegalArgumentException("object header bytes " + objectHeaderBytes + "; expected 8, 12 or 16");
        }
        if (referenceBytes != null && referenceBytes != 4 && referenceBytes != 8) {
            throw new IllegalArgumentException("reference bytes " + referenceBytes + "; expected 4 or 8");
        }
        if (objectAlignment != null && (objectAlignment < 8 || objectAlignment > 256 || Integer.bitCount(objectAlignment) != 1)) {
            throw new IllegalArgumentException("object alignment " + objectAlignment + "; expected a power of two from 8 to 256");
        }
    }

    public boolean isEmpty() {
        return objectHeaderBytes == null && referenceBytes == null && objectAlignment == null;
    }

    /** "header 16 bytes, references 8 bytes" for the values given. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (objectHeaderBytes != null) sb.append("header ").append(objectHeaderBytes).append(" bytes");
        if (referenceBytes != null) sb.append(sb.isEmpty() ? "" : ", ").append("references ").append(referenceBytes).append(" bytes");
        if (objectAlignment != null) sb.append(sb.isEmpty() ? "" : ", ").append("alignment ").append(objectAlignment).append(" bytes");
        return sb.toString();
    }
}
