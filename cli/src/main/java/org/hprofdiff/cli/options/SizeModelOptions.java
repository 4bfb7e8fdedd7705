package org.hprofdiff.cli.options;

import org.hprofdiff.core.size.SizeModelOverrides;
import picocli.CommandLine.Option;

/**
 * Overrides for the size model the dump's addresses imply, for a dump whose layout cannot be inferred
 * (too few objects, a writer that does not use addresses as ids) or to compare layouts. Each value is
 * checked as it is parsed ({@link OptionValues}); a bad one is a usage error.
 */
public final class SizeModelOptions {

    @Option(names = "--header-bytes", paramLabel = "N", converter = OptionValues.HeaderBytes.class,
            description = "Object header size: 8 (compact headers), 12 (compressed class pointers) or 16.")
    Integer headerBytes;

    @Option(names = "--ref-bytes", paramLabel = "N", converter = OptionValues.ReferenceBytes.class,
            description = "Reference size: 4 (compressed oops) or 8.")
    Integer refBytes;

    @Option(names = "--align", paramLabel = "N", converter = OptionValues.Alignment.class,
            description = "Object alignment in bytes: 8, 16, 32, ... (-XX:ObjectAlignmentInBytes).")
    Integer align;

    /** What the user stated; {@link SizeModelOverrides#NONE} leaves everything to inference. */
    public SizeModelOverrides overrides() {
        return new SizeModelOverrides(headerBytes, refBytes, align);
    }
}
