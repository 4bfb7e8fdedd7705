package org.hprofdiff.cli.commands;

import org.hprofdiff.cli.Progress;
import org.hprofdiff.core.read.ForwardingVisitor;
import org.hprofdiff.core.read.HprofVisitor;

/**
 * Reports how far the pass is, by the offset of each heap record (HotSpot writes one about every MiB,
 * so this costs nothing per object); everything else goes to the visitor doing the work.
 */
final class ProgressVisitor extends ForwardingVisitor {
    private final Progress progress;

    ProgressVisitor(HprofVisitor work, Progress progress) {
        super(work);
        this.progress = progress;
    }

    @Override public void heapRecord(long offset, long length) {
        progress.update(offset);
        delegate.heapRecord(offset, length);
    }
}
