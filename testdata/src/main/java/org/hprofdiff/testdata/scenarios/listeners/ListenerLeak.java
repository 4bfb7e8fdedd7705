package org.hprofdiff.testdata.scenarios.listeners;

import java.util.ArrayList;
import java.util.List;

import org.hprofdiff.testdata.scenarios.ExpectedCount;
import org.hprofdiff.testdata.scenarios.Workload;

/**
 * Each round opens {@code widgetsPerRound} {@link DashboardWidget}s, publishes a price update to
 * all listeners, and closes the widgets, which never unregister from {@link EventBus#GLOBAL}. Per
 * widget the heap keeps 1 {@link DashboardWidget}, 1 {@link DashboardWidget.RepaintOnPriceChange}
 * and 1 {@code double[256]}; the bus's {@code Object[]} grows by one slot per widget (copy on write).
 */
public final class ListenerLeak implements Workload {

    /** Widgets opened and leaked per round unless the run says otherwise. */
    public static final int DEFAULT_WIDGETS_PER_ROUND = 400;
    /** Instruments the widgets chart, round-robin. */
    private static final int INSTRUMENTS = 50;

    private final int widgetsPerRound;

    public ListenerLeak(int widgetsPerRound) {
        this.widgetsPerRound = widgetsPerRound;
    }

    @Override
    public void runRound(int round) {
        List<DashboardWidget> opened = new ArrayList<>(widgetsPerRound);
        for (int i = 0; i < widgetsPerRound; i++) {
            opened.add(new DashboardWidget(i % INSTRUMENTS, EventBus.GLOBAL));
        }
        EventBus.GLOBAL.publish(round % INSTRUMENTS, 100.0 + round);
        for (DashboardWidget widget : opened) {
            widget.close();
        }
    }

    @Override
    public List<ExpectedCount> expectedCounts(int rounds) {
        long n = widgetsPerRound;
        return List.of(
                ExpectedCount.exact(DashboardWidget.class, true, rounds, r -> n * r),
                ExpectedCount.exact(DashboardWidget.RepaintOnPriceChange.class, true, rounds, r -> n * r),
                ExpectedCount.added("[D", DashboardWidget.CHART_POINTS, true, rounds, r -> n * r),
                ExpectedCount.exact(EventBus.class, false, rounds, r -> 1));
    }
}
