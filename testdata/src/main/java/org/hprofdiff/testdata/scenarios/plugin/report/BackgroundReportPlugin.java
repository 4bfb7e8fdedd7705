package org.hprofdiff.testdata.scenarios.plugin.report;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The plugin of {@code plugin-context-loader}: on start it creates a single-thread executor with the
 * JDK's default thread factory and warms its templates there. The executor's thread is created while
 * the host has set the plugin's loader as the context class loader, so the thread inherits it; idle,
 * the thread keeps no other reference to the plugin. Unless {@link #stop()} shuts it down, the thread
 * lives on and pins the loader.
 */
public final class BackgroundReportPlugin extends ReportPlugin {

    /** How long {@link #stop()} waits for the executor's thread to end. */
    private static final long STOP_SECONDS = 30;

    /** Kept in a static, as such executors usually are; an instance field would let the JDK's cleaner shut it down. */
    private static ExecutorService background;
    private Thread backgroundThread;

    @Override
    public void start() throws Exception {
        background = Executors.newSingleThreadExecutor();
        TemplateWarmer warmer = new TemplateWarmer();
        background.submit(warmer).get();
        backgroundThread = warmer.ranOn();
    }

    /** The fix: shuts the executor down and waits until its thread has ended. */
    public void stop() throws InterruptedException {
        background.shutdown();
        if (!background.awaitTermination(STOP_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the plugin's executor did not stop");
        }
        backgroundThread.join(); // terminated executors can still be in their thread's last steps
    }
}
