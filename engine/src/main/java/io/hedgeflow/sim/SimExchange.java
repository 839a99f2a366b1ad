package io.hedgeflow.sim;

import io.hedgeflow.codecs.ExecType;
import io.hedgeflow.codecs.ExecutionReportEncoder;
import io.hedgeflow.codecs.InstrumentDefinitionDecoder;
import io.hedgeflow.codecs.InstrumentKind;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderDecoder;
import io.hedgeflow.codecs.QuoteDecoder;
import io.hedgeflow.codecs.Settlement;
import io.hedgeflow.codecs.Side;
import io.hedgeflow.framing.Fixed8;
import io.hedgeflow.framing.FrameEncoder;
import io.hedgeflow.framing.FrameHeader;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Simulated exchange closing the backtest loop, driven only by logic time. It learns contract specifications from
 * InstrumentDefinition frames and the top of book from Quote frames ({@link #onMarketFrame}), queues NewOrder frames
 * to execute latencyNs after their sendingTimeNs ({@link #onOrder}), and writes one ExecutionReport per order on
 * channel {@link #CHANNEL_ID} when {@link #poll} is called at or after its due time, stamped with the due time.
 * <p>
 * Fill rule: a buy fills its whole quantity at the best ask as of the poll, a sell at the best bid, when that price
 * is within the limit; the quoted size is ignored (no partial fills, no market impact). Otherwise, or for an unknown
 * instrument, a missing quote, a non-positive quantity or an invalid side, the order gets a REJECTED report with
 * lastQty 0. Fee = the taker fee rate of the instrument's definition (InstrumentDefinition.takerFee) when it gives
 * one, else takerFeeBps, of the notional in the settlement currency:
 * <pre>
 *   inverse perpetual/future   qty * contractSize (USD face) / price   coin
 *   inverse option             qty * contractSize (coin) * price       coin (price quoted in coin)
 *   linear                     qty * contractSize (units) * price      USD
 * </pre>
 * Capacity: at most orderCapacity orders are in flight; later orders are queued as REJECTED reports, in the same
 * FIFO. Only when another orderCapacity rejects are also waiting (the host never polls) is an order dropped:
 * {@link #onOrder} returns false and {@link #droppedOrderCount()} counts it. Never throws on the order path.
 * <p>
 * Hosts call {@code poll(t, ...)} until it returns 0 before handing a market frame with time t to the exchange and the
 * engine, so a fill sees the book as of its due time. Garbage-free after construction; not thread safe.
 */
public final class SimExchange
{
    /** Channel of the execution reports. */
    public static final int CHANNEL_ID = 2;

    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final InstrumentDefinitionDecoder definitionDecoder = new InstrumentDefinitionDecoder();
    private final QuoteDecoder quoteDecoder = new QuoteDecoder();
    private final NewOrderDecoder orderDecoder = new NewOrderDecoder();
    private final FrameEncoder frameEncoder = new FrameEncoder();
    private final ExecutionReportEncoder reportEncoder = new ExecutionReportEncoder();
    private final long latencyNs;
    private final double configuredFeeRate;
    private final int orderCapacity;
    private final PendingOrders pending;
    private final boolean[] defined;
    private final boolean[] perUnitNotional;
    private final double[] contractSize;
    private final double[] feeRate;
    private final long[] bestBid;
    private final long[] bestAsk;
    private long lastDueNs = Long.MIN_VALUE;
    private int ordersInFlight;
    private long droppedOrderCount;
    private long sequence;

    public SimExchange(final SimContext ctx)
    {
        ctx.conclude();
        latencyNs = ctx.latencyNs();
        configuredFeeRate = ctx.takerFeeBps() * 1e-4;
        orderCapacity = ctx.orderCapacity();
        pending = new PendingOrders(2 * orderCapacity);
        final int instruments = ctx.instrumentCapacity();
        defined = new boolean[instruments];
        perUnitNotional = new boolean[instruments];
        contractSize = new double[instruments];
        feeRate = new double[instruments];
        bestBid = new long[instruments];
        bestAsk = new long[instruments];
    }

    /** Tracks specifications and top of book; other messages and out-of-range instrument ids are ignored. */
    public void onMarketFrame(final DirectBuffer buffer, final int offset, final int length)
    {
        final int messageOffset = offset + FrameHeader.MESSAGE_OFFSET;
        headerDecoder.wrap(buffer, messageOffset);
        final int bodyOffset = messageOffset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int templateId = headerDecoder.templateId();
        if (templateId == QuoteDecoder.TEMPLATE_ID)
        {
            quoteDecoder.wrap(buffer, bodyOffset, headerDecoder.blockLength(), headerDecoder.version());
            final int id = quoteDecoder.instrumentId();
            if (inRange(id))
            {
                bestBid[id] = quoteDecoder.bidPrice();
                bestAsk[id] = quoteDecoder.askPrice();
            }
        }
        else if (templateId == InstrumentDefinitionDecoder.TEMPLATE_ID)
        {
            definitionDecoder.wrap(buffer, bodyOffset, headerDecoder.blockLength(), headerDecoder.version());
            final int id = definitionDecoder.instrumentId();
            if (inRange(id))
            {
                defined[id] = true;
                perUnitNotional[id] = definitionDecoder.settlementRaw() != Settlement.INVERSE.value() ||
                    definitionDecoder.kindRaw() == InstrumentKind.OPTION.value();
                contractSize[id] = Fixed8.toDouble(definitionDecoder.contractSize());
                final long takerFee = definitionDecoder.takerFee();
                feeRate[id] = takerFee == InstrumentDefinitionDecoder.takerFeeNullValue() ? configuredFeeRate :
                    Fixed8.toDouble(takerFee);
            }
        }
    }

    /**
     * Queues a NewOrder frame for execution at its sendingTimeNs + latencyNs, or at the previous order's due time if
     * that is later (an order stamped earlier than its predecessor), so reports stay FIFO and in time order.
     *
     * @return true when a report will follow; false when the order was dropped (see the class comment)
     * @throws IllegalArgumentException when the frame is not a NewOrder
     */
    public boolean onOrder(final DirectBuffer buffer, final int offset, final int length)
    {
        final int messageOffset = offset + FrameHeader.MESSAGE_OFFSET;
        headerDecoder.wrap(buffer, messageOffset);
        if (headerDecoder.templateId() != NewOrderDecoder.TEMPLATE_ID)
        {
            throw new IllegalArgumentException("not a NewOrder frame: templateId=" + headerDecoder.templateId());
        }
        if (pending.isFull())
        {
            droppedOrderCount++;
            return false;
        }
        orderDecoder.wrap(buffer, messageOffset + MessageHeaderDecoder.ENCODED_LENGTH,
            headerDecoder.blockLength(), headerDecoder.version());
        final boolean overflow = ordersInFlight >= orderCapacity;
        if (!overflow)
        {
            ordersInFlight++;
        }
        lastDueNs = Math.max(lastDueNs, FrameHeader.sendingTimeNs(buffer, offset) + latencyNs);
        pending.add(lastDueNs, orderDecoder.orderId(),
            orderDecoder.instrumentId(), orderDecoder.sideRaw(), orderDecoder.quantity(), orderDecoder.limitPrice(),
            overflow);
        return true;
    }

    /**
     * Writes the report of the next order due at or before nowNs.
     *
     * @return the frame length, or 0 when no order is due
     */
    public int poll(final long nowNs, final MutableDirectBuffer buffer, final int offset)
    {
        if (!pending.isDue(nowNs))
        {
            return 0;
        }
        final int id = pending.headInstrumentId();
        final short side = pending.headSide();
        final long quantity = pending.headQuantity();
        final long price = side == Side.BUY.value() ? bestAsk(id) : bestBid(id);
        final boolean fill = !pending.headOverflow() && inRange(id) && defined[id] && quantity > 0 && price > 0 &&
            marketable(side, price, pending.headLimitPrice());
        if (!pending.headOverflow())
        {
            ordersInFlight--;
        }
        frameEncoder.begin(buffer, offset, reportEncoder, CHANNEL_ID, ++sequence, pending.headDueNs());
        reportEncoder
            .orderId(pending.headOrderId())
            .instrumentId(id)
            .side(side == Side.BUY.value() ? Side.BUY : side == Side.SELL.value() ? Side.SELL : Side.NULL_VAL)
            .execType(fill ? ExecType.FILL : ExecType.REJECTED)
            .lastQty(fill ? quantity : 0)
            .lastPrice(fill ? price : 0)
            .leavesQty(0)
            .fee(fill ? Fixed8.fromDouble(feeRate[id] * notional(id, quantity, price)) : 0);
        pending.remove();
        return frameEncoder.end(reportEncoder);
    }

    private static boolean marketable(final short side, final long price, final long limitPrice)
    {
        return side == Side.BUY.value() ? price <= limitPrice : side == Side.SELL.value() && price >= limitPrice;
    }

    private double notional(final int id, final long quantity, final long price)
    {
        final double units = Fixed8.toDouble(quantity) * contractSize[id];
        return perUnitNotional[id] ? units * Fixed8.toDouble(price) : units / Fixed8.toDouble(price);
    }

    private boolean inRange(final int id)
    {
        return id >= 0 && id < defined.length;
    }

    /**
     * Continues the report sequence after a restart: the next report has sequence lastSequence + 1. The host
     * re-submits the orders that were still working, as a real exchange would still hold them.
     */
    public void resumeAfter(final long lastSequence)
    {
        sequence = lastSequence;
    }

    /** Best bid of an instrument from its last Quote, 0 if none or out of range. */
    public long bestBid(final int instrumentId)
    {
        return inRange(instrumentId) ? bestBid[instrumentId] : 0;
    }

    /** Best ask of an instrument from its last Quote, 0 if none or out of range. */
    public long bestAsk(final int instrumentId)
    {
        return inRange(instrumentId) ? bestAsk[instrumentId] : 0;
    }

    /** Orders and queued rejects waiting for their due time. */
    public int pendingCount()
    {
        return pending.size();
    }

    /** Orders dropped without a report because the queue was full. */
    public long droppedOrderCount()
    {
        return droppedOrderCount;
    }
}
