package io.hedgeflow.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A clean stop of a session on SIGTERM or SIGINT (Ctrl-C), through a JVM shutdown hook: the hook asks the session
 * to stop ({@link #onSignal}) and then holds the JVM's exit until the session is closed ({@link #close()}: its
 * frames processed, its report printed, its engine, journal and order session closed), at most
 * {@link #MAX_WAIT_SECONDS}. The process then exits as the signal asks (143 for SIGTERM, 130 for SIGINT). Closed
 * without a signal, it removes its hook.
 * <pre>
 *   signal --&gt; hook: requested = true, target.run() (engine.requestStop()), wait for close()
 *   main   --&gt; session returns early, report printed, engine closed, close() --&gt; hook returns, JVM exits
 * </pre>
 */
final class SignalStop implements AutoCloseable
{
    /** Longest the hook holds the JVM's exit for the session to close. */
    static final long MAX_WAIT_SECONDS = 30;

    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onShutdown, "hedgeflow-signal-stop");
    private volatile Runnable target;
    private volatile boolean requested;

    private SignalStop()
    {
    }

    /** Installs the hook; until {@link #onSignal} names what stops the session, a signal is remembered. */
    static SignalStop install()
    {
        final SignalStop stop = new SignalStop();
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    /** What stops the session; run at once if a signal came already. */
    void onSignal(final Runnable stopSession)
    {
        target = stopSession;
        if (requested)
        {
            stopSession.run();
        }
    }

    /** True once a signal asked the session to stop. */
    boolean requested()
    {
        return requested;
    }

    private void onShutdown()
    {
        requested = true;
        final Runnable stopSession = target;
        if (stopSession != null)
        {
            stopSession.run();
        }
        try
        {
            closed.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** The session is closed: a waiting hook lets the JVM exit; without a signal the hook is removed. */
    @Override
    public void close()
    {
        closed.countDown();
        try
        {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (final IllegalStateException shuttingDown)
        {
            // the JVM is exiting (a signal): the hook runs and returns now that the session is closed
        }
    }
}
