package org.hprofdiff.core.summary.diff.failon;

/** A {@code --fail-on} spec that cannot be read; the message is one line naming the spec and what was expected. */
public final class FailOnSpecException extends IllegalArgumentException {
    private final String spec;
    private final String problem;

    public FailOnSpecException(String spec, String problem) {
        super("--fail-on \"" + spec + "\": " + problem);
        this.spec = spec;
        this.problem = problem;
    }

    /** The spec that could not be read, as written. */
    public String spec() { return spec; }

    /** What was wrong with it and what was expected. */
    public String problem() { return problem; }
}
