package io.hedgeflow.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar on stderr for long runs: drawn only once a second has passed (short runs print nothing),
 * redrawn at most ten times a second with a carriage return, and erased when done. Never on stdout, so JSON output
 * stays clean. Whether it is drawn at all is the caller's choice ({@code --progress auto}: when the JVM has an
 * interactive terminal, so not when output is redirected or under tests).
 */
final class ProgressBar
{
    private static final int WIDTH = 30;
    private static final long SHOW_AFTER_NS = 1_000_000_000L;
    private static final long REDRAW_NS = 100_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final long total;
    private final String unit;
    private final long startNs = System.nanoTime();
    private long lastDrawNs;
    private boolean drawn;

    ProgressBar(final PrintWriter err, final boolean enabled, final long total, final String unit)
    {
        this.err = err;
        this.enabled = enabled;
        this.total = total;
        this.unit = unit;
    }

    /** True when {@code --progress auto} should draw: an interactive terminal is attached. */
    static boolean terminal()
    {
        final java.io.Console console = System.console();
        return console != null && console.isTerminal();
    }

    void update(final long done)
    {
        final long now = System.nanoTime();
        if (!enabled || now - startNs < SHOW_AFTER_NS || now - lastDrawNs < REDRAW_NS)
        {
            return;
        }
        lastDrawNs = now;
        drawn = true;
        final int filled = (int)(WIDTH * done / Math.max(1, total));
        err.printf("\r[%s%s] %3d%% %d/%d %s %.1fs", "#".repeat(filled), " ".repeat(WIDTH - filled),
            100 * done / Math.max(1, total), done, total, unit, (now - startNs) * 1e-9);
        err.flush();
    }

    void finish()
    {
        if (drawn)
        {
            err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
            err.flush();
        }
    }
}
