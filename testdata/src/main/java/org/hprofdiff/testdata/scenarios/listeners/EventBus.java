package org.hprofdiff.testdata.scenarios.listeners;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The application-wide price bus: components register listeners and must unregister them when
 * closed. Path of the leak: {@code static EventBus.GLOBAL → listeners (CopyOnWriteArrayList) →
 * array → DashboardWidget$RepaintOnPriceChange → this$0 → DashboardWidget}.
 */
public final class EventBus {

    public static final EventBus GLOBAL = new EventBus();

    private final List<PriceListener> listeners = new CopyOnWriteArrayList<>();

    private EventBus() {
    }

    public void register(PriceListener listener) {
        listeners.add(listener);
    }

    public void unregister(PriceListener listener) {
        listeners.remove(listener);
    }

    public void publish(int instrument, double price) {
        for (PriceListener listener : listeners) {
            listener.onPrice(instrument, price);
        }
    }

    public int listenerCount() {
        return listeners.size();
    }
}
