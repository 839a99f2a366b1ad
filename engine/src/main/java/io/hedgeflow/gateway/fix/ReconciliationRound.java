package io.hedgeflow.gateway.fix;

import io.hedgeflow.codecs.OrderState;
import io.hedgeflow.codecs.ReconciliationEncoder;
import io.hedgeflow.codecs.Side;
import io.hedgeflow.framing.FrameEncoder;
import io.hedgeflow.framing.FrameHeader;
import org.agrona.ExpandableRingBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.LongArrayList;
import org.agrona.collections.Object2IntHashMap;

import java.util.ArrayList;
import java.util.List;

/**
 * One reconciliation round of the order route: collects the venue's answers after a logon (its working orders and
 * its positions) and, once both are complete, writes them as Reconciliation input frames: as many orders per
 * frame as fit, the positions on the last frame (flagged last). Symbols become instrument ids through the
 * definitions the route has seen; a position whose symbol is unknown, or beyond what one frame holds, is left out
 * and counted (the logic then takes that instrument as flat: a difference it reports). Working orders the venue
 * reports are registered with the route so their later reports are forwarded. A report the venue sends between its
 * answers on an order the round lists (a trade after the order's status) is held and passed on, in order, right
 * after the round's frames, when the order is registered: the status's cumQty predates it, so it is applied once,
 * as a report of its own. Runs once per logon, not on the order path: it may allocate.
 */
final class ReconciliationRound implements FixReconciliationListener
{
    private static final int BODY = FrameHeader.MAX_FRAME_LENGTH - FrameHeader.MIN_FRAME_LENGTH -
        ReconciliationEncoder.BLOCK_LENGTH - 2 * ReconciliationEncoder.OrdersEncoder.sbeHeaderSize();
    private static final int ORDER_ENTRY = ReconciliationEncoder.OrdersEncoder.sbeBlockLength();
    private static final int POSITION_ENTRY = ReconciliationEncoder.PositionsEncoder.sbeBlockLength();
    private static final int HELD_FIELDS = 7;

    private final LongArrayList orderIds = new LongArrayList();
    private final List<String> orderSymbols = new ArrayList<>();
    private final StringBuilder orderSides = new StringBuilder();
    private final StringBuilder orderStatuses = new StringBuilder();
    private final LongArrayList cumQtys = new LongArrayList();
    private final LongArrayList leavesQtys = new LongArrayList();
    private final LongArrayList avgPrices = new LongArrayList();
    private final List<String> positionSymbols = new ArrayList<>();
    private final LongArrayList positions = new LongArrayList();
    private final LongArrayList held = new LongArrayList();
    private final ReconciliationEncoder encoder = new ReconciliationEncoder();
    private long round;
    private boolean requested;
    private boolean ordersDone;
    private boolean positionsDone;
    private long rounds;
    private long positionsLeftOut;

    public void onReconciliationRequested(final long round)
    {
        this.round = round;
        requested = true;
        ordersDone = false;
        positionsDone = false;
        orderIds.clear();
        orderSymbols.clear();
        orderSides.setLength(0);
        orderStatuses.setLength(0);
        cumQtys.clear();
        leavesQtys.clear();
        avgPrices.clear();
        positionSymbols.clear();
        positions.clear();
        held.clear();
    }

    public void onOrderStatus(
        final long orderId, final char ordStatus, final char side, final String symbol, final long cumQty,
        final long leavesQty, final long avgPx)
    {
        orderIds.addLong(orderId);
        orderSymbols.add(symbol);
        orderSides.append(side);
        orderStatuses.append(ordStatus);
        cumQtys.addLong(cumQty);
        leavesQtys.addLong(leavesQty);
        avgPrices.addLong(avgPx);
    }

    public void onOrderStatusEnd()
    {
        ordersDone = true;
    }

    public void onPosition(final String symbol, final long position)
    {
        positionSymbols.add(symbol);
        positions.addLong(position);
    }

    public void onPositionsEnd()
    {
        positionsDone = true;
    }

    /**
     * Holds a report the route does not forward yet when its order is one the round lists: it is passed on by
     * {@link #releaseHeld} after the round's frames.
     */
    void holdIfListed(
        final long orderId, final char execType, final char ordStatus, final long lastQty, final long lastPx,
        final long leavesQty, final long cumQty)
    {
        if (requested && orderIds.containsLong(orderId))
        {
            held.addLong(orderId);
            held.addLong(execType);
            held.addLong(ordStatus);
            held.addLong(lastQty);
            held.addLong(lastPx);
            held.addLong(leavesQty);
            held.addLong(cumQty);
        }
    }

    /** Passes the held reports on, in the order they arrived; after {@link #emit} registered the orders. */
    void releaseHeld(final FixExecutionListener listener)
    {
        for (int i = 0; i < held.size(); i += HELD_FIELDS)
        {
            listener.onExecutionReport(held.getLong(i), (char)held.getLong(i + 1), (char)held.getLong(i + 2),
                held.getLong(i + 3), held.getLong(i + 4), held.getLong(i + 5), held.getLong(i + 6));
        }
        held.clear();
    }

    /** Between a logon's requests and the round's frames: no order may leave. */
    boolean pending()
    {
        return requested;
    }

    /** Both answers are complete. */
    boolean answered()
    {
        return requested && ordersDone && positionsDone;
    }

    /** Every symbol the venue named is one of a definition the route has seen. */
    boolean symbolsKnown(final Object2IntHashMap<String> instrumentBySymbol)
    {
        for (final String symbol : positionSymbols)
        {
            if (!instrumentBySymbol.containsKey(symbol))
            {
                return false;
            }
        }
        for (final String symbol : orderSymbols)
        {
            if (!instrumentBySymbol.containsKey(symbol))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Appends the round's frames to the queue and registers the working orders (instrument and side) with the
     * route; ends the round.
     *
     * @return frames written, sequences firstSequence on.
     */
    int emit(
        final ExpandableRingBuffer queue,
        final MutableDirectBuffer scratch,
        final FrameEncoder frames,
        final int channel,
        final long firstSequence,
        final long timeNs,
        final Object2IntHashMap<String> instrumentBySymbol,
        final Long2LongHashMap instrumentAndSideByOrder)
    {
        final int positionCount = Math.min(knownPositions(instrumentBySymbol), BODY / POSITION_ENTRY);
        final int roomBesidePositions = (BODY - positionCount * POSITION_ENTRY) / ORDER_ENTRY;
        int written = 0;
        int next = 0;
        boolean last = false;
        while (!last)
        {
            final int remaining = orderIds.size() - next;
            last = remaining <= roomBesidePositions;
            final int inFrame = last ? remaining : Math.min(remaining, BODY / ORDER_ENTRY);
            frames.begin(scratch, 0, encoder, channel, firstSequence + written, timeNs);
            encoder.requestId(round).last((short)(last ? 1 : 0));
            final ReconciliationEncoder.OrdersEncoder entries = encoder.ordersCount(inFrame);
            for (int k = next; k < next + inFrame; k++)
            {
                entries.next().orderId(orderIds.getLong(k)).state(state(orderStatuses.charAt(k)))
                    .cumQty(cumQtys.getLong(k)).leavesQty(leavesQtys.getLong(k)).avgPrice(avgPrices.getLong(k));
                register(k, instrumentBySymbol, instrumentAndSideByOrder);
            }
            next += inFrame;
            final ReconciliationEncoder.PositionsEncoder positionEntries =
                encoder.positionsCount(last ? positionCount : 0);
            if (last)
            {
                writePositions(positionEntries, positionCount, instrumentBySymbol);
            }
            queue.append(scratch, 0, frames.end(encoder));
            written++;
        }
        requested = false;
        rounds++;
        return written;
    }

    private int knownPositions(final Object2IntHashMap<String> instrumentBySymbol)
    {
        int known = 0;
        for (final String symbol : positionSymbols)
        {
            known += instrumentBySymbol.containsKey(symbol) ? 1 : 0;
        }
        return known;
    }

    private void writePositions(
        final ReconciliationEncoder.PositionsEncoder entries, final int count,
        final Object2IntHashMap<String> instrumentBySymbol)
    {
        int room = count;
        for (int p = 0; p < positionSymbols.size(); p++)
        {
            final String symbol = positionSymbols.get(p);
            if (room > 0 && instrumentBySymbol.containsKey(symbol))
            {
                entries.next().instrumentId(instrumentBySymbol.getValue(symbol)).position(positions.getLong(p));
                room--;
            }
            else
            {
                positionsLeftOut++;
            }
        }
    }

    private void register(
        final int k,
        final Object2IntHashMap<String> instrumentBySymbol,
        final Long2LongHashMap instrumentAndSideByOrder)
    {
        final String symbol = orderSymbols.get(k);
        if (state(orderStatuses.charAt(k)) == OrderState.WORKING && instrumentBySymbol.containsKey(symbol))
        {
            final Side side = orderSides.charAt(k) == '1' ? Side.BUY : Side.SELL;
            instrumentAndSideByOrder.put(orderIds.getLong(k),
                FixOrderRoute.instrumentAndSide(instrumentBySymbol.getValue(symbol), side.value()));
        }
    }

    private static OrderState state(final char ordStatus)
    {
        return switch (ordStatus)
        {
            case '2' -> OrderState.FILLED;
            case '4' -> OrderState.CANCELED;
            case '8' -> OrderState.REJECTED;
            default -> OrderState.WORKING;
        };
    }

    /** Rounds written. */
    long rounds()
    {
        return rounds;
    }

    /** Positions left out of a round: unknown symbol or no room in the frame. */
    long positionsLeftOut()
    {
        return positionsLeftOut;
    }
}
