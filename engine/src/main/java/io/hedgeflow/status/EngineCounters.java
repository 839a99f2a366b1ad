package io.hedgeflow.status;

import io.hedgeflow.codecs.RiskVerdict;
import io.hedgeflow.control.ControlRefusal;
import io.hedgeflow.logic.LogicCounters;
import io.hedgeflow.logic.RejectReason;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.errors.DistinctErrorLog;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The engine's live counters in its {@link CountersFile}: what the logic has processed (copied from
 * {@link LogicCounters} at the end of each batch by the logic stage), pipeline occupancy and lags, and errors.
 * Every counter has one writer thread.
 */
public final class EngineCounters implements AutoCloseable
{
    /** Type id of the counter holding the feed's local UDP port, by which {@code hedgeflow stat} finds it. */
    public static final int FEED_PORT_TYPE_ID = 1;

    private final CountersFile file;
    private final CountersManager manager;
    private final AtomicCounter frames;
    private final AtomicCounter decisions;
    private final AtomicCounter orders;
    private final AtomicCounter fills;
    private final AtomicCounter gaps;
    private final AtomicCounter staleSkips;
    private final AtomicCounter killSwitch;
    private final AtomicCounter marginLimited;
    private final AtomicCounter marginRefused;
    private final AtomicCounter marginUsageBps;
    private final AtomicCounter leverageBps;
    private final AtomicCounter[] rejected = new AtomicCounter[RejectReason.values().length];
    private final AtomicCounter[] verdicts = new AtomicCounter[RiskVerdict.values().length - 1];
    private final AtomicCounter ringOccupancy;
    private final AtomicCounter journalLag;
    private final AtomicCounter errors;
    private final AtomicCounter feedDatagrams;
    private final AtomicCounter feedPort;
    private final AtomicCounter[] controlRefused = new AtomicCounter[ControlRefusal.values().length];
    private final AtomicCounter backPressure;
    private final DistinctErrorLog errorLog;

    public EngineCounters(final Path dir)
    {
        file = CountersFile.create(dir);
        manager = new CountersManager(file.metaData, file.values);
        frames = manager.newCounter("frames: input frames processed by the logic");
        decisions = manager.newCounter("decisions: hedge decisions");
        orders = manager.newCounter("orders: orders sent");
        fills = manager.newCounter("fills: fills applied (execution reports, and fills a reconciliation found)");
        gaps = manager.newCounter("gaps: channel sequence gaps");
        staleSkips = manager.newCounter("stale: hedge evaluations skipped on stale channels");
        killSwitch = manager.newCounter("kill switch: 1 while engaged (no new orders), 0 otherwise");
        marginLimited = manager.newCounter("margin limited: hedge orders cut to fit the policy's margin constraints");
        marginRefused = manager.newCounter("margin refused: hedges refused, nothing fitted the margin constraints");
        marginUsageBps = manager.newCounter("margin usage bps: initial margin / equity at the last hedge decision " +
            "(its settlement currency), basis points");
        leverageBps = manager.newCounter("leverage bps: perpetual and future notional / equity at the last hedge " +
            "decision, basis points");
        for (final RejectReason reason : RejectReason.values())
        {
            rejected[reason.ordinal()] = manager.newCounter("rejected " + reason.name().toLowerCase(Locale.ROOT) +
                ": input frames rejected");
        }
        for (final RiskVerdict verdict : RiskVerdict.values())
        {
            if (verdict != RiskVerdict.NULL_VAL)
            {
                verdicts[verdict.ordinal()] = manager.newCounter("verdict " +
                    verdict.name().toLowerCase(Locale.ROOT) + ": hedge decisions with this pre-trade verdict");
            }
        }
        ringOccupancy = manager.newCounter("ring occupancy: frames published, not yet through the logic");
        journalLag = manager.newCounter("journal lag: frames published, not yet journaled");
        errors = manager.newCounter("errors: exceptions in pipeline stages");
        feedDatagrams = manager.newCounter("feed datagrams: UDP datagrams received on the feed socket");
        feedPort = manager.newCounter("feed port: local UDP port of the feed socket (0: not a UDP feed)",
            FEED_PORT_TYPE_ID);
        for (final ControlRefusal reason : ControlRefusal.values())
        {
            controlRefused[reason.ordinal()] = manager.newCounter("control refused " +
                reason.name().toLowerCase(Locale.ROOT) + ": operator commands refused, nothing changed");
        }
        backPressure = manager.newCounter("back pressure: times the feed receiver found the ring full " +
            "(frames held in the feed source: for UDP, the socket buffer)");
        errorLog = new DistinctErrorLog(file.errors, SystemEpochClock.INSTANCE);
    }

    /** Publishes the logic's counters and kill switch state; called by the logic's thread. */
    public void update(final LogicCounters counters, final boolean killSwitchEngaged, final long occupancy)
    {
        killSwitch.setRelease(killSwitchEngaged ? 1 : 0);
        frames.setRelease(counters.frames());
        decisions.setRelease(counters.decisions());
        orders.setRelease(counters.orders());
        fills.setRelease(counters.fills());
        gaps.setRelease(counters.gaps());
        staleSkips.setRelease(counters.staleSkips());
        marginLimited.setRelease(counters.marginLimited());
        marginRefused.setRelease(counters.marginRefused());
        marginUsageBps.setRelease(counters.marginUsageBps());
        leverageBps.setRelease(counters.leverageBps());
        for (int r = 0; r < rejected.length; r++)
        {
            rejected[r].setRelease(counters.rejected(r));
        }
        for (int v = 0; v < verdicts.length; v++)
        {
            verdicts[v].setRelease(counters.verdicts(v));
        }
        ringOccupancy.setRelease(occupancy);
    }

    /** Frames published and not yet journaled; called by the journaling thread. */
    public void journalLag(final long lag)
    {
        journalLag.setRelease(lag);
    }

    /** The feed's local UDP port, and the counter its source counts received datagrams into (its one writer). */
    public AtomicCounter udpFeed(final int port)
    {
        feedPort.setRelease(port);
        return feedDatagrams;
    }

    /** The counter of operator commands refused for this reason; written by the feed poller's thread. */
    public AtomicCounter controlRefused(final ControlRefusal reason)
    {
        return controlRefused[reason.ordinal()];
    }

    /** A new counter of the feed source (e.g. the Deribit gateway's), written by the thread that polls the feed. */
    public AtomicCounter feedCounter(final String label)
    {
        return manager.newCounter("feed " + label);
    }

    /** A new counter of the order route (e.g. the FIX session's), written by the thread that polls it. */
    public AtomicCounter newCounter(final String label)
    {
        return manager.newCounter(label);
    }

    /** The counter of ring-full events, written by the DEDICATED feed receiver (its one writer). */
    public AtomicCounter backPressure()
    {
        return backPressure;
    }

    /** Counts an exception and records it once per distinct stack trace. */
    public void onError(final Throwable ex)
    {
        errors.incrementRelease();
        errorLog.record(ex);
    }

    public void close()
    {
        file.close();
    }
}
