package io.hedgeflow.logic;

import io.hedgeflow.codecs.DecisionReason;
import io.hedgeflow.hedge.OrderSlicer;
import io.hedgeflow.snapshot.StateReader;
import io.hedgeflow.snapshot.StateWriter;

/**
 * A parent hedge of one book being sent as clips ({@link PolicyContext#maxClipContracts()}):
 * <pre>
 *   trigger: wanted > clip  ─► slicer.start(wanted) ─► first clip sent; aim and trigger kept
 *   later evaluation, once the last clip is no longer in flight and clipSpacingNs has passed since it:
 *     wanted = contracts from the current delta (orders in flight and fills counted) to the kept aim
 *     ─► slicer.start(wanted) ─► next clip (the whole rest when it fits in one clip: parent done)
 * </pre>
 * The remainder is never the parent's arithmetic remainder but recomputed from the current delta, so the same
 * delta is never hedged twice and the clips never pass the aim. A decision without an order abandons the parent.
 */
final class ChildOrders
{
    final OrderSlicer slicer = new OrderSlicer();
    /** Delta the parent aims for, and the trigger that started it (recorded on every clip). */
    double aim;
    DecisionReason trigger = DecisionReason.BAND_BREACH;
    /** Order id of the last clip sent. */
    long orderId;

    boolean active()
    {
        return !slicer.done();
    }

    /** True while the last clip is working or the spacing since it has not passed. */
    boolean waiting(final OpenOrders openOrders, final long nowNs)
    {
        return nowNs < slicer.dueNs() || openOrders.find(orderId) >= 0;
    }

    void writeTo(final StateWriter out)
    {
        out.putDouble(slicer.remaining());
        out.putDouble(slicer.clip());
        out.putDouble(slicer.lot());
        out.putLong(slicer.spacingNs());
        out.putLong(slicer.dueNs());
        out.putDouble(aim);
        out.putInt(trigger.value());
        out.putLong(orderId);
    }

    void readFrom(final StateReader in)
    {
        final double remaining = in.getDouble();
        final double clip = in.getDouble();
        final double lot = in.getDouble();
        final long spacingNs = in.getLong();
        slicer.restore(remaining, clip, lot, spacingNs, in.getLong());
        aim = in.getDouble();
        trigger = DecisionReason.get((short)in.getInt());
        orderId = in.getLong();
    }
}
