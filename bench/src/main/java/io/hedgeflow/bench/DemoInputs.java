package io.hedgeflow.bench;

import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderDecoder;
import io.hedgeflow.config.Defaults;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.logic.HedgeLogic;
import io.hedgeflow.logic.LogicContext;
import io.hedgeflow.sim.MarketSimulator;
import io.hedgeflow.sim.SimContext;
import io.hedgeflow.sim.SimExchange;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * The inputs of a demo session, recorded in memory: the seeded {@link MarketSimulator} of the default configuration
 * and the {@link SimExchange} closed over a {@link HedgeLogic} with the demo's {@link LogicContext}, on one thread,
 * in the order the pipeline journals them (the exchange's reports due by a market frame's time, then the frame).
 * The same seed and count give the same inputs, so a fresh logic fed {@link #frame} in order reproduces the session.
 */
final class DemoInputs
{
    private static final int TEMPLATE_OFFSET = FrameHeader.MESSAGE_OFFSET +
        MessageHeaderDecoder.templateIdEncodingOffset();

    private final ExpandableArrayBuffer frames;
    private final int[] offset;
    private final int[] length;
    private final int count;

    /** Records count inputs of the demo session of the default simulator configuration. */
    DemoInputs(final int count)
    {
        this.count = count;
        offset = new int[count];
        length = new int[count];
        frames = new ExpandableArrayBuffer(Math.multiplyExact(count, 128));
        record(new SimContext());
    }

    /** The logic configuration of the demo (the built-in defaults). */
    static LogicContext logicContext()
    {
        return Defaults.logicContext();
    }

    int count()
    {
        return count;
    }

    DirectBuffer frames()
    {
        return frames;
    }

    int offset(final int k)
    {
        return offset[k];
    }

    int length(final int k)
    {
        return length[k];
    }

    /** SBE template id of input k. */
    int templateId(final int k)
    {
        return frames.getShort(offset[k] + TEMPLATE_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    private void record(final SimContext simContext)
    {
        final MarketSimulator simulator = new MarketSimulator(simContext);
        final SimExchange exchange = new SimExchange(simContext);
        final UnsafeBuffer market = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
        final UnsafeBuffer report = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
        final UnsafeBuffer out = new UnsafeBuffer(new byte[HedgeLogic.MAX_OUTPUT_LENGTH]);
        long lastTimeNs = Long.MIN_VALUE;
        try (HedgeLogic logic = new HedgeLogic(logicContext()))
        {
            int k = 0;
            while (k < count)
            {
                final int marketLength = simulator.poll(market, 0);
                final long timeNs = Math.max(lastTimeNs, FrameHeader.sendingTimeNs(market, 0));
                lastTimeNs = timeNs;
                int reportLength;
                while (k < count && (reportLength = exchange.poll(timeNs, report, 0)) > 0)
                {
                    k = append(k, report, reportLength, logic, exchange, out);
                }
                if (k < count)
                {
                    exchange.onMarketFrame(market, 0, marketLength);
                    k = append(k, market, marketLength, logic, exchange, out);
                }
            }
        }
    }

    private int append(
        final int k,
        final UnsafeBuffer frame,
        final int frameLength,
        final HedgeLogic logic,
        final SimExchange exchange,
        final UnsafeBuffer out)
    {
        final int at = k == 0 ? 0 : offset[k - 1] + length[k - 1];
        frames.putBytes(at, frame, 0, frameLength);
        offset[k] = at;
        length[k] = frameLength;
        final int outLength = logic.onFrame(frames, at, frameLength, k, out, 0);
        for (int o = 0; o < outLength; o += FrameHeader.frameLength(out, o))
        {
            if (out.getShort(o + TEMPLATE_OFFSET, ByteOrder.LITTLE_ENDIAN) == NewOrderDecoder.TEMPLATE_ID)
            {
                exchange.onOrder(out, o, FrameHeader.frameLength(out, o));
            }
        }
        return k + 1;
    }
}
