package org.hprofdiff.cli.options;

import org.hprofdiff.core.size.SizeModelOverrides;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Overrides for the size model the dump's addresses imply, for a dump whose layout cannot be inferred
 * (too few objects, a writer that does not use addresses as ids) or to compare layouts. The values are
 * checked by {@link SizeModelOverrides} itself; a bad one is a usage error.
 */
public final class SizeModelOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private SizeModelOverrides overrides = SizeModelOverrides.NONE;

    @Option(names = "--header-bytes", paramLabel = "N", description = "Object header size: 8 (compact headers), 12 (compressed class pointers) or 16.")
    void setHeaderBytes(int n) {
        set("--header-bytes", n, () -> new SizeModelOverrides(n, overrides.referenceBytes(), overrides.objectAlignment()));
    }

    @Option(names = "--ref-bytes", paramLabel = "N", description = "Reference size: 4 (compressed oops) or 8.")
    void setRefBytes(int n) {
        set("--ref-bytes", n, () -> new SizeModelOverrides(overrides.objectHeaderBytes(), n, overrides.objectAlignment()));
    }

    @Option(names = "--align", paramLabel = "N", description = "Object alignment in bytes: 8, 16, 32, ... (-XX:ObjectAlignmentInBytes).")
    void setAlign(int n) {
        set("--align", n, () -> new SizeModelOverrides(overrides.objectHeaderBytes(), overrides.referenceBytes(), n));
    }

    /** What the user stated; {@link SizeModelOverrides#NONE} leaves everything to inference. */
    public SizeModelOverrides overrides() {
        return overrides;
    }

    private void set(String option, int value, java.util.function.Supplier<SizeModelOverrides> next) {
        try {
            overrides = next.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), option + " " + value + ": " + e.getMessage());
        }
    }
}
