package org.hprofdiff.cli.options;

import java.util.ArrayList;
import java.util.List;
import org.hprofdiff.core.size.SizeModel;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Overrides for the size model the dump's addresses imply, for a dump whose layout cannot be inferred
 * (too few objects, a writer that does not use addresses as ids) or to compare layouts.
 */
public final class SizeModelOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private Integer headerBytes;
    private Integer refBytes;
    private Integer align;

    @Option(names = "--header-bytes", paramLabel = "N", description = "Object header size: 8 (compact headers), 12 (compressed class pointers) or 16.")
    void setHeaderBytes(int n) { headerBytes = check("--header-bytes", n, List.of(8, 12, 16)); }

    @Option(names = "--ref-bytes", paramLabel = "N", description = "Reference size: 4 (compressed oops) or 8.")
    void setRefBytes(int n) { refBytes = check("--ref-bytes", n, List.of(4, 8)); }

    @Option(names = "--align", paramLabel = "N", description = "Object alignment in bytes: 8, 16, 32, ... (-XX:ObjectAlignmentInBytes).")
    void setAlign(int n) {
        if (n < 8 || n > 256 || Integer.bitCount(n) != 1) {
            throw new ParameterException(command.commandLine(), "--align " + n + ": expected a power of two from 8 to 256");
        }
        align = n;
    }

    public boolean any() {
        return headerBytes != null || refBytes != null || align != null;
    }

    /** The inferred model with the given overrides applied, its origin naming them. */
    public SizeModel applyTo(SizeModel inferred) {
        if (!any()) return inferred;
        List<String> given = new ArrayList<>();
        if (headerBytes != null) given.add("--header-bytes " + headerBytes);
        if (refBytes != null) given.add("--ref-bytes " + refBytes);
        if (align != null) given.add("--align " + align);
        return new SizeModel(headerBytes != null ? headerBytes : inferred.objectHeaderBytes(),
                refBytes != null ? refBytes : inferred.referenceBytes(),
                align != null ? align : inferred.objectAlignment(),
                inferred.arrayBaseAligned(),
                String.join(", ", given) + " over " + inferred.origin());
    }

    private Integer check(String option, int n, List<Integer> allowed) {
        if (!allowed.contains(n)) throw new ParameterException(command.commandLine(), option + " " + n + ": expected one of " + allowed);
        return n;
    }
}
