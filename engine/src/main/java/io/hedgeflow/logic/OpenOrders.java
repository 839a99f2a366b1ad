package io.hedgeflow.logic;

import io.hedgeflow.snapshot.StateReader;
import io.hedgeflow.snapshot.StateWriter;

/**
 * Orders sent and not yet finished: id, instrument (dense index), the book that sent it (dense index: a cross
 * hedge trades another underlying's instrument) and signed contracts still working.
 * A small fixed table searched linearly, in insertion order: deterministic and garbage-free.
 */
final class OpenOrders
{
    private final long[] orderId;
    private final int[] instrument;
    private final int[] book;
    private final double[] signedLeaves;
    private final double[] quantity;
    private int count;

    OpenOrders(final int capacity)
    {
        orderId = new long[capacity];
        instrument = new int[capacity];
        book = new int[capacity];
        signedLeaves = new double[capacity];
        quantity = new double[capacity];
    }

    boolean isFull()
    {
        return count == orderId.length;
    }

    int count()
    {
        return count;
    }

    void add(final long id, final int instrumentIndex, final int bookIndex, final double signedQty)
    {
        orderId[count] = id;
        instrument[count] = instrumentIndex;
        book[count] = bookIndex;
        signedLeaves[count] = signedQty;
        quantity[count] = Math.abs(signedQty);
        count++;
    }

    /** Position of the order in the table, or -1. */
    int find(final long id)
    {
        for (int k = 0; k < count; k++)
        {
            if (orderId[k] == id)
            {
                return k;
            }
        }
        return -1;
    }

    int instrument(final int k)
    {
        return instrument[k];
    }

    int book(final int k)
    {
        return book[k];
    }

    double signedLeaves(final int k)
    {
        return signedLeaves[k];
    }

    /** Contracts of the order as sent. */
    double quantity(final int k)
    {
        return quantity[k];
    }

    void reduce(final int k, final double signedQty)
    {
        signedLeaves[k] -= signedQty;
    }

    void writeTo(final StateWriter out)
    {
        out.putInt(count);
        out.putLongs(orderId, count);
        for (int k = 0; k < count; k++)
        {
            out.putInt(instrument[k]);
            out.putInt(book[k]);
        }
        out.putDoubles(signedLeaves, count);
    }

    void readFrom(final StateReader in)
    {
        final int n = in.getInt();
        if (n < 0 || n > orderId.length)
        {
            throw new IllegalArgumentException("snapshot holds " + n + " open orders, capacity is " + orderId.length);
        }
        in.getLongs(orderId, n);
        for (int k = 0; k < n; k++)
        {
            instrument[k] = in.getInt();
            book[k] = in.getInt();
        }
        in.getDoubles(signedLeaves, n);
        count = n;
    }

    /** The quantities as sent (snapshot version 5), written at the end of the snapshot. */
    void writeQuantitiesTo(final StateWriter out)
    {
        out.putDoubles(quantity, count);
    }

    void readQuantitiesFrom(final StateReader in)
    {
        in.getDoubles(quantity, count);
    }

    /** Removes entry k, keeping the others in order. */
    void remove(final int k)
    {
        final int tail = count - k - 1;
        System.arraycopy(orderId, k + 1, orderId, k, tail);
        System.arraycopy(instrument, k + 1, instrument, k, tail);
        System.arraycopy(book, k + 1, book, k, tail);
        System.arraycopy(signedLeaves, k + 1, signedLeaves, k, tail);
        System.arraycopy(quantity, k + 1, quantity, k, tail);
        count--;
    }
}
