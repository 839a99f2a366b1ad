package io.hedgeflow.gateway.fix;

/**
 * Receives the venue's answers to the requests the gateway sends after every logon: the order status reports
 * of its mass status request (ExecutionReport, ExecType I) and the positions of its position request
 * (PositionReport). Quantities and prices in Fixed8.
 */
public interface FixReconciliationListener
{
    /** The gateway logged on and asked the venue for its working orders and positions (round from 1). */
    void onReconciliationRequested(long round);

    /**
     * One order the venue holds for the account.
     *
     * @param orderId   the engine's order id (parsed back from ClOrdID).
     * @param ordStatus FIX OrdStatus (39).
     * @param side      FIX Side (54).
     * @param symbol    the instrument's symbol.
     * @param cumQty    contracts filled so far.
     * @param leavesQty contracts still working.
     * @param avgPx     average fill price, 0 before a fill.
     */
    void onOrderStatus(
        long orderId, char ordStatus, char side, String symbol, long cumQty, long leavesQty, long avgPx);

    /** The last order status report of the round's mass status request arrived. */
    void onOrderStatusEnd();

    /** One position the venue holds for the account, signed contracts. */
    void onPosition(String symbol, long position);

    /** The last position report of the round arrived. */
    void onPositionsEnd();
}
