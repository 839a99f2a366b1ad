package io.hedgeflow.gateway.fix;

import io.aeron.Aeron;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.LangUtil;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import uk.co.real_logic.artio.engine.EngineConfiguration;
import uk.co.real_logic.artio.engine.EngineScheduler;
import uk.co.real_logic.artio.engine.RecordingCoordinator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs an Artio engine's framer on its owner's thread, inside that thread's duty cycle, so an order the owner sends
 * reaches the TCP socket in the same cycle instead of waiting for a framer thread to wake up. The engine's other
 * agents (monitoring, the indexer of sent messages, the recording coordinator, the Aeron client's conductor, closed
 * in that order) run on one background thread with the archiver idle strategy: none of them is on an order's path.
 * <pre>
 *   owner thread:       ... library.trySend -> invokeFramer() -> socket write ...
 *   background thread:  indexer + Aeron client conductor + monitoring (idle strategy)
 * </pre>
 * Closing: {@code FixEngine.close} first waits for the framer to disconnect every session, so the owner keeps
 * invoking the framer while another thread closes the engine ({@link #closeEngine}); when the engine reaches this
 * scheduler's {@link #close()}, the owner stops invoking and closes the framer itself, so the framer is never run by
 * two threads at once.
 */
final class InvokedFramerScheduler implements EngineScheduler
{
    private static final long CLOSE_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(10);

    private AgentInvoker framer;
    private AgentRunner background;
    private volatile boolean closing;
    private volatile boolean framerClosed;

    public void launch(
        final EngineConfiguration configuration,
        final ErrorHandler errorHandler,
        final Agent framerAgent,
        final Agent indexingAgent,
        final Agent monitoringAgent,
        final Agent conductorAgent,
        final RecordingCoordinator recordingCoordinator)
    {
        if (framer != null)
        {
            EngineScheduler.fail();
        }
        framer = new AgentInvoker(errorHandler, null, framerAgent);
        framer.start();
        final List<Agent> agents = new ArrayList<>(4);
        for (final Agent agent : new Agent[] {
            monitoringAgent, indexingAgent, new RecordingCoordinatorCloser(recordingCoordinator), conductorAgent})
        {
            if (agent != null)
            {
                agents.add(agent);
            }
        }
        background = new AgentRunner(configuration.archiverIdleStrategy(), errorHandler, null,
            new CompositeAgent(agents));
        AgentRunner.startOnThread(background, configuration.threadFactory());
    }

    /** The Aeron client's conductor runs on the background thread (its agent is passed to {@link #launch}). */
    public void configure(final Aeron.Context aeronContext)
    {
        aeronContext.useConductorAgentInvoker(true);
    }

    /** Owner thread: one framer duty cycle (library messages to the sockets, socket bytes to the library). */
    public int invokeFramer()
    {
        return framer.invoke();
    }

    /** Artio's own blocking calls never wait on this scheduler's framer: nothing to poll here. */
    public int pollFramer()
    {
        return 0;
    }

    /**
     * Owner thread: closes the engine on another thread while this one keeps the framer running for the engine's
     * disconnect of every session, then closes the framer here (bounded: 10 s). An error of the engine's close is
     * rethrown here.
     */
    void closeEngine(final AutoCloseable engine)
    {
        final AtomicReference<Throwable> error = new AtomicReference<>();
        final Thread closer = new Thread(() ->
        {
            try
            {
                engine.close();
            }
            catch (final Throwable ex)
            {
                error.set(ex);
            }
        }, "artio-engine-close");
        closer.setDaemon(true);
        closer.start();
        final IdleStrategy idle = new SleepingMillisIdleStrategy(1);
        final long deadlineNs = System.nanoTime() + CLOSE_TIMEOUT_NS;
        while (!closing && closer.isAlive() && System.nanoTime() - deadlineNs < 0)
        {
            idle.idle(framer.invoke());
        }
        CloseHelper.quietClose(framer);
        framerClosed = true;
        try
        {
            closer.join(TimeUnit.NANOSECONDS.toMillis(CLOSE_TIMEOUT_NS));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        if (error.get() != null)
        {
            LangUtil.rethrowUnchecked(error.get());
        }
    }

    /** Closing thread (from {@code FixEngine.close}): waits for the owner to close the framer, then the rest. */
    public void close()
    {
        closing = true;
        final IdleStrategy idle = new SleepingMillisIdleStrategy(1);
        final long deadlineNs = System.nanoTime() + CLOSE_TIMEOUT_NS;
        while (!framerClosed && System.nanoTime() - deadlineNs < 0)
        {
            idle.idle();
        }
        CloseHelper.close(background);
    }

    /**
     * Closes the recording coordinator on the background thread, after the indexer and before the Aeron client's
     * conductor (the order of Artio's low-resource scheduler): the indexer's close still writes to counters that the
     * conductor's close unmaps (closing the conductor first crashed the JVM).
     */
    private record RecordingCoordinatorCloser(RecordingCoordinator coordinator) implements Agent
    {
        public int doWork()
        {
            return 0;
        }

        public String roleName()
        {
            return "recording-coordinator";
        }

        public void onClose()
        {
            coordinator.close();
        }
    }
}
