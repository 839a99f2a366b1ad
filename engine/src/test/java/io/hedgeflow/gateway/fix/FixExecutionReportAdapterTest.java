package io.hedgeflow.gateway.fix;

import io.hedgeflow.gateway.fix.codecs.builder.ExecutionReportEncoder;
import io.hedgeflow.gateway.fix.codecs.decoder.ExecutionReportDecoder;
import org.junit.jupiter.api.Test;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.library.OnMessageInfo;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The report adapter's duplicate maps stay bounded: finished orders beyond the last
 * {@link FixExecutionReportAdapter#FINISHED_KEPT} leave them, and duplicates of recent ones are still caught; a report
 * Artio marks invalid (ahead of a sequence gap) is ignored until resent.
 */
class FixExecutionReportAdapterTest
{
    private static final long ONE = 100_000_000L;

    private final MutableAsciiBuffer buffer = new MutableAsciiBuffer(new byte[1024]);
    private final ExecutionReportEncoder report = new ExecutionReportEncoder();
    private final RecordingReconciliation reconciliation = new RecordingReconciliation();
    private final OnMessageInfo info = new OnMessageInfo().isValid(true);
    private long forwarded;
    private final FixExecutionReportAdapter adapter = new FixExecutionReportAdapter(
        (orderId, execType, status, lastQty, lastPx, leaves, cum) -> forwarded++, reconciliation, () -> { });

    @Test
    void shouldKeepOnlyWorkingAndRecentlyFinishedOrdersAndStillCatchRecentDuplicates()
    {
        final int orders = 3 * FixExecutionReportAdapter.FINISHED_KEPT;
        for (int id = 1; id <= orders; id++)
        {
            fill(id);
        }
        assertEquals(orders, forwarded);
        assertEquals(FixExecutionReportAdapter.FINISHED_KEPT, adapter.trackedOrders());

        fill(orders);
        assertEquals(1, adapter.duplicates(), "a duplicate of a recently finished order is caught");
        assertEquals(orders, forwarded);
    }

    @Test
    void shouldIgnoreAndCountAReportAheadOfASequenceGapAndApplyItWhenResent()
    {
        info.isValid(false);
        fill(5);
        assertEquals(0, forwarded, "Artio marks the report beyond the gap invalid: it is resent after the gap");
        assertEquals(1, adapter.aheadOfGap());

        info.isValid(true);
        fill(5);
        assertEquals(1, forwarded, "the resent report is applied");
        assertEquals(0, adapter.duplicates());
    }

    private void fill(final long orderId)
    {
        report.reset();
        report.orderID("V" + orderId).clOrdID(Long.toString(orderId)).execID("E" + orderId).execType('F')
            .ordStatus('2').symbol("ETH-PERPETUAL").side('1').leavesQty(0, 0).cumQty(ONE, 8).lastQty(ONE, 8)
            .lastPx(2_000 * ONE, 8);
        report.header().senderCompID("DERIBITSERVER").targetCompID("client").msgSeqNum((int)orderId)
            .sendingTime("20260103-00:00:00.000".getBytes());
        final long result = report.encode(buffer, 0);
        adapter.onMessage(buffer, Encoder.offset(result), Encoder.length(result), 0, null, 0,
            ExecutionReportDecoder.MESSAGE_TYPE, 0, 0, info);
    }
}
