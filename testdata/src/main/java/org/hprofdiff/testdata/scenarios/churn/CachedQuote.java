package org.hprofdiff.testdata.scenarios.churn;

/** A value in the bounded cache: a rendered quote page for one instrument. */
final class CachedQuote {

    /** Length of each quote's rendered page. */
    static final int PAGE_BYTES = 512;

    private final long instrumentId;
    private final byte[] renderedPage = new byte[PAGE_BYTES];

    CachedQuote(long instrumentId) {
        this.instrumentId = instrumentId;
        renderedPage[0] = (byte) instrumentId;
    }

    long instrumentId() {
        return instrumentId;
    }
}
