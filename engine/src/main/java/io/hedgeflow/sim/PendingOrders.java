package io.hedgeflow.sim;

import org.agrona.BitUtil;

/**
 * Pre-allocated FIFO ring of orders waiting for their execution time, structure of arrays. Orders arrive with
 * non-decreasing due times, so the head is always the next one due. Garbage-free; not thread safe.
 */
final class PendingOrders
{
    private final int mask;
    private final long[] dueNs;
    private final long[] orderId;
    private final int[] instrumentId;
    private final short[] side;
    private final long[] quantity;
    private final long[] limitPrice;
    private final boolean[] overflow;
    private long head;
    private long tail;

    PendingOrders(final int minCapacity)
    {
        final int capacity = BitUtil.findNextPositivePowerOfTwo(minCapacity);
        mask = capacity - 1;
        dueNs = new long[capacity];
        orderId = new long[capacity];
        instrumentId = new int[capacity];
        side = new short[capacity];
        quantity = new long[capacity];
        limitPrice = new long[capacity];
        overflow = new boolean[capacity];
    }

    int size()
    {
        return (int)(tail - head);
    }

    boolean isFull()
    {
        return tail - head > mask;
    }

    /** Appends an order; the caller checks {@link #isFull()} first. */
    void add(
        final long dueNs,
        final long orderId,
        final int instrumentId,
        final short side,
        final long quantity,
        final long limitPrice,
        final boolean overflow)
    {
        final int i = (int)tail & mask;
        this.dueNs[i] = dueNs;
        this.orderId[i] = orderId;
        this.instrumentId[i] = instrumentId;
        this.side[i] = side;
        this.quantity[i] = quantity;
        this.limitPrice[i] = limitPrice;
        this.overflow[i] = overflow;
        tail++;
    }

    /** True when an order is waiting and due at or before nowNs. */
    boolean isDue(final long nowNs)
    {
        return head != tail && dueNs[headIndex()] <= nowNs;
    }

    /** Removes the head order; read its fields first. */
    void remove()
    {
        head++;
    }

    private int headIndex()
    {
        return (int)head & mask;
    }

    long headDueNs()
    {
        return dueNs[headIndex()];
    }

    long headOrderId()
    {
        return orderId[headIndex()];
    }

    int headInstrumentId()
    {
        return instrumentId[headIndex()];
    }

    short headSide()
    {
        return side[headIndex()];
    }

    long headQuantity()
    {
        return quantity[headIndex()];
    }

    long headLimitPrice()
    {
        return limitPrice[headIndex()];
    }

    /** True when the head order arrived while orderCapacity orders were in flight: it is rejected. */
    boolean headOverflow()
    {
        return overflow[headIndex()];
    }
}
