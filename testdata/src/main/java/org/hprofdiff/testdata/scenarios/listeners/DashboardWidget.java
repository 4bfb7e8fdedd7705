package org.hprofdiff.testdata.scenarios.listeners;

/**
 * A chart on a dashboard that repaints on price updates. {@link #close()} forgets to unregister its
 * listener; the listener is an inner class, so it keeps the whole widget, chart data included.
 */
public final class DashboardWidget implements AutoCloseable {

    /** Points each widget's chart keeps: the {@code double[256]} rows of a leaking dump. */
    public static final int CHART_POINTS = 256;

    private final int instrument;
    private final double[] chartPoints = new double[CHART_POINTS];
    private final PriceListener repaint = new RepaintOnPriceChange();
    private int nextPoint;
    private boolean closed;

    DashboardWidget(int instrument, EventBus bus) {
        this.instrument = instrument;
        bus.register(repaint);
    }

    /** The leak: marks the widget closed but leaves {@link #repaint} registered with the bus. */
    @Override
    public void close() {
        closed = true;
    }

    /** The listener; not static, so it holds its widget through {@code this$0}. */
    public final class RepaintOnPriceChange implements PriceListener {
        @Override
        public void onPrice(int updatedInstrument, double price) {
            if (!closed && updatedInstrument == instrument) {
                chartPoints[nextPoint] = price;
                nextPoint = (nextPoint + 1) % chartPoints.length;
            }
        }
    }
}
