package org.hprofdiff.core.summary.diff.failon;

/** A {@code --fail-on} spec that cannot be read; the message is one line naming the spec and what was expected. */
public final class FailOnSpecException extends IllegalArgumentException {

    public FailOnSpecException(String spec, String problem) {
        super("--fail-on \"" + spec + "\": " + problem);
    }
}
