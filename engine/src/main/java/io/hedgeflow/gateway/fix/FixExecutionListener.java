package io.hedgeflow.gateway.fix;

/**
 * Receives the venue's execution reports for the gateway's orders, duplicates already removed. Quantities and
 * prices in Fixed8.
 */
@FunctionalInterface
public interface FixExecutionListener
{
    /**
     * One execution report.
     *
     * @param orderId   the engine's order id (parsed back from ClOrdID).
     * @param execType  FIX ExecType (150): '0' new, 'F' trade, '4' cancelled, '8' rejected, 'I' order status.
     * @param ordStatus FIX OrdStatus (39).
     * @param lastQty   contracts filled by this report (0 unless a trade).
     * @param lastPx    price of this fill (0 unless a trade).
     * @param leavesQty contracts still working.
     * @param cumQty    contracts filled so far.
     */
    void onExecutionReport(
        long orderId, char execType, char ordStatus, long lastQty, long lastPx, long leavesQty, long cumQty);
}
