package io.hedgeflow.logic;

import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderDecoder;
import io.hedgeflow.codecs.Settlement;
import io.hedgeflow.codecs.Side;
import io.hedgeflow.framing.Fixed8;
import io.hedgeflow.framing.FrameHeader;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.hedgeflow.logic.ShortCallBook.CALL;
import static io.hedgeflow.logic.ShortCallBook.ETH;
import static io.hedgeflow.logic.ShortCallBook.LOT_DELTA;
import static io.hedgeflow.logic.ShortCallBook.PERP;
import static io.hedgeflow.logic.ShortCallBook.SPOT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The account's equity as the logic keeps it ({@link Account}): funding, fees, marks, snapshot and restore. */
class AccountStateTest
{
    private static final int BTC = 1;
    private static final int BTC_PERP = 10;
    private static final double FACE = 10.0;
    private static final long HOURS_4 = 4L * 3_600_000_000_000L;
    private static final double PERIOD_NS = 8.0 * 3_600e9;

    private final UnsafeBuffer out = new UnsafeBuffer(new byte[1024]);
    private final TestFrames frames = new TestFrames();
    private HedgeLogic logic;
    private long ringSequence;
    private double orderQty;

    @AfterEach
    void close()
    {
        logic.close();
    }

    private int feed(final int length)
    {
        return logic.onFrame(frames.buffer, 0, length, ringSequence++, out, 0);
    }

    /** An inverse BTC perpetual (10 USD face) marked at 50,000, 2 BTC of equity and 1,000 contracts long. */
    private void btcAccount()
    {
        logic = new HedgeLogic(TestContexts.logic());
        feed(frames.perpetual(BTC_PERP, BTC, Settlement.INVERSE, FACE, 0.5));
        feed(frames.quote(BTC_PERP, 49_999.5, 50_000.5));
        feed(frames.accountSnapshot(BTC, Settlement.INVERSE, 2.0));
        feed(frames.positionSnapshot(BTC_PERP, 1000.0));
    }

    @Test
    void shouldChargeFundingAtThePreviousRateForTheTimeSinceIt()
    {
        btcAccount();
        feed(frames.funding(BTC_PERP, 0.0001));
        final long t1 = frames.timeNs;
        assertEquals(2.0, logic.equity(Settlement.INVERSE, BTC), "the first rate starts the period");

        frames.advance(HOURS_4);
        feed(frames.funding(BTC_PERP, 0.0002));
        final long t2 = frames.timeNs;
        // a long of 1,000 x 10 / 50,000 = 0.2 BTC pays 0.2 x 0.0001 x (t2 - t1) / 8 h
        final double afterFirst = 2.0 - 0.2 * 0.0001 * ((t2 - t1) / PERIOD_NS);
        assertEquals(afterFirst, logic.equity(Settlement.INVERSE, BTC), 1e-15);

        frames.advance(HOURS_4);
        feed(frames.funding(BTC_PERP, -0.0001));
        final double afterSecond = afterFirst - 0.2 * 0.0002 * ((frames.timeNs - t2) / PERIOD_NS);
        assertEquals(afterSecond, logic.equity(Settlement.INVERSE, BTC), 1e-15);
    }

    @Test
    void shouldMarkAnInversePositionToMarket()
    {
        btcAccount();
        feed(frames.quote(BTC_PERP, 50_999.5, 51_000.5));

        assertEquals(2.0 + 1000.0 * FACE * (1.0 / 50_000.0 - 1.0 / 51_000.0), logic.equity(Settlement.INVERSE, BTC),
            1e-15);
        assertEquals(Double.NaN, logic.equity(Settlement.LINEAR, 0), "no USDC snapshot");
    }

    @Test
    void shouldTakeFeesAndTheFillPriceAgainstTheMarkAndMarkOptions()
    {
        logic = new HedgeLogic(TestContexts.logic().policy(new PolicyContext().trigger().bandUnderlying(1.0)));
        feed(frames.accountSnapshot(0, Settlement.LINEAR, 100_000.0));
        ShortCallBook.open(frames, this::feed, 100.0);
        final long orderId = boughtContractsOrder();
        final double qty = orderQty;

        feed(frames.fill(orderId, PERP, Side.BUY, qty, SPOT + 1.0, 2.5));
        // bought at 3001 against a mid of 3000: q x 0.01 x (3000 - 3001), and the fee
        final double afterFill = 100_000.0 - qty * LOT_DELTA - 2.5;
        assertEquals(afterFill, logic.equity(Settlement.LINEAR, 0), 1e-9);

        feed(frames.quote(PERP, SPOT + 9.5, SPOT + 10.5));
        final double afterMark = afterFill + qty * LOT_DELTA * 10.0;
        assertEquals(afterMark, logic.equity(Settlement.LINEAR, 0), 1e-9);

        feed(frames.ticker(CALL, 0.6, SPOT, 230.0));
        // 100 calls written at 200, now marked 230: -100 x 1 x 30
        assertEquals(afterMark - 3_000.0, logic.equity(Settlement.LINEAR, 0), 1e-9);
    }

    /** The order the last output holds after its decision; sets orderQty. */
    private long boughtContractsOrder()
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final NewOrderDecoder order = new NewOrderDecoder();
        final int next = FrameHeader.frameLength(out, 0);
        header.wrap(out, next + FrameHeader.MESSAGE_OFFSET);
        order.wrap(out, next + FrameHeader.MIN_FRAME_LENGTH, header.blockLength(), header.version());
        orderQty = Fixed8.toDouble(order.quantity());
        return order.orderId();
    }

    @Test
    void shouldRestoreTheAccountFromASnapshotBitForBit()
    {
        btcAccount();
        feed(frames.funding(BTC_PERP, 0.0001));
        frames.advance(HOURS_4);
        feed(frames.quote(BTC_PERP, 50_499.5, 50_500.5));
        final ExpandableArrayBuffer state = new ExpandableArrayBuffer();
        final int length = logic.snapshot(state, 0, ringSequence - 1);

        final HedgeLogic restored = new HedgeLogic(TestContexts.logic());
        try (restored)
        {
            restored.restore(state, 0, length);
            final ExpandableArrayBuffer again = new ExpandableArrayBuffer();
            assertEquals(length, restored.snapshot(again, 0, ringSequence - 1));
            assertArrayEquals(bytes(state, length), bytes(again, length));

            final int funding = frames.funding(BTC_PERP, 0.0003);
            feed(funding);
            restored.onFrame(frames.buffer, 0, funding, ringSequence, out, 0);
            assertEquals(logic.equity(Settlement.INVERSE, BTC), restored.equity(Settlement.INVERSE, BTC));
            assertEquals(2.0 + 1000.0 * FACE * (1.0 / 50_000.0 - 1.0 / 50_500.0) -
                1000.0 * FACE / 50_500.0 * 0.0001 * ((HOURS_4 + 2_000_000L) / PERIOD_NS),
                restored.equity(Settlement.INVERSE, BTC), 1e-15);
        }
    }

    private static byte[] bytes(final ExpandableArrayBuffer buffer, final int length)
    {
        final byte[] copy = new byte[length];
        buffer.getBytes(0, copy);
        return copy;
    }
}
