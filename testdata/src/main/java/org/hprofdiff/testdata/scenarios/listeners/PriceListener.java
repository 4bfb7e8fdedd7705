package org.hprofdiff.testdata.scenarios.listeners;

/** Receives price updates from the {@link EventBus}. */
public interface PriceListener {

    void onPrice(int instrument, double price);
}
