package io.hedgeflow.gateway.fix;

import io.hedgeflow.status.EngineCounters;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The FIX order route's counters in the engine's counters file, where {@code hedgeflow stat} shows them: whether
 * orders can leave (the order path is STALE while not logged on or reconciling), session and reconciliation
 * counts, and what was refused or ignored. Written by the feed poller's thread, which polls the route.
 */
final class FixCounters
{
    private final AtomicCounter live;
    private final AtomicCounter logons;
    private final AtomicCounter logonFailures;
    private final AtomicCounter sessionsLost;
    private final AtomicCounter reconciliations;
    private final AtomicCounter positionsLeftOut;
    private final AtomicCounter rejectedUnsent;
    private final AtomicCounter duplicates;
    private final AtomicCounter unknown;
    private final AtomicCounter massCancels;
    private final AtomicCounter backPressured;
    private final AtomicCounter aheadOfGap;

    FixCounters(final EngineCounters counters)
    {
        live = counters.newCounter("fix session: 1 while logged on and reconciled (orders leave), " +
            "0 while the order path is STALE (no session, reconciling) or the kill switch holds orders");
        logons = counters.newCounter("fix logons: sessions logged on (each followed by a reconciliation)");
        logonFailures = counters.newCounter("fix logon failures: logons refused or timed out");
        sessionsLost = counters.newCounter("fix sessions lost: logged-on sessions disconnected");
        reconciliations = counters.newCounter("fix reconciliations: rounds of venue orders and positions journaled");
        positionsLeftOut = counters.newCounter("fix positions left out: venue positions of symbols never defined");
        rejectedUnsent = counters.newCounter("fix orders refused: reported REJECTED without reaching the venue");
        duplicates = counters.newCounter("fix duplicate reports: execution reports ignored as duplicates");
        unknown = counters.newCounter("fix unknown reports: execution reports for no order of the engine");
        massCancels = counters.newCounter("fix mass cancels: OrderMassCancelRequests sent (kill switch)");
        backPressured = counters.newCounter("fix back pressure: messages Artio could not take");
        aheadOfGap = counters.newCounter("fix sequence gaps: messages received ahead of a gap, ignored until resent");
    }

    void update(final FixOrderRoute route)
    {
        final FixOrderGateway gateway = route.gateway();
        live.setRelease(route.isLive() ? 1 : 0);
        logons.setRelease(gateway.logons());
        logonFailures.setRelease(gateway.logonFailures());
        sessionsLost.setRelease(gateway.sessionsLost());
        reconciliations.setRelease(route.reconciliations());
        positionsLeftOut.setRelease(route.positionsLeftOut());
        rejectedUnsent.setRelease(route.rejectedUnsent());
        duplicates.setRelease(gateway.duplicateReports());
        unknown.setRelease(gateway.unknownReports());
        massCancels.setRelease(gateway.massCancelsSent());
        backPressured.setRelease(gateway.backPressured());
        aheadOfGap.setRelease(gateway.aheadOfGap());
    }
}
