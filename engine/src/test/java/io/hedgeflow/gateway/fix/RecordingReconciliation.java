package io.hedgeflow.gateway.fix;

import java.util.ArrayList;
import java.util.List;

/**
 * Records the venue's reconciliation answers the gateway passes on, for the tests.
 */
final class RecordingReconciliation implements FixReconciliationListener
{
    final List<Long> rounds = new ArrayList<>();
    final List<String> orders = new ArrayList<>();
    final List<String> positions = new ArrayList<>();
    int ordersEnded;
    int positionsEnded;

    public void onReconciliationRequested(final long round)
    {
        rounds.add(round);
    }

    public void onOrderStatus(
        final long orderId, final char ordStatus, final char side, final String symbol, final long cumQty,
        final long leavesQty, final long avgPx)
    {
        orders.add(orderId + " " + ordStatus + " " + side + " " + symbol + " " + cumQty + " " + leavesQty + " " +
            avgPx);
    }

    public void onOrderStatusEnd()
    {
        ordersEnded++;
    }

    public void onPosition(final String symbol, final long position)
    {
        positions.add(symbol + " " + position);
    }

    public void onPositionsEnd()
    {
        positionsEnded++;
    }
}
