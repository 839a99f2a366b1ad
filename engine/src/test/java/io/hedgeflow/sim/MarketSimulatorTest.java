package io.hedgeflow.sim;

import io.hedgeflow.codecs.IndexPriceDecoder;
import io.hedgeflow.codecs.InstrumentDefinitionDecoder;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.framing.FrameHeader;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarketSimulatorTest
{
    private static final int FRAMES = 100_000;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
    private final SimFrames frames = new SimFrames();

    @Test
    void shouldProduceIdenticalBytesForTheSameSeed()
    {
        final MarketSimulator first = new MarketSimulator(new SimContext().seed(7));
        final MarketSimulator second = new MarketSimulator(new SimContext().seed(7));
        final UnsafeBuffer other = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
        for (int i = 0; i < FRAMES; i++)
        {
            final int length = first.poll(buffer, 0);
            assertEquals(length, second.poll(other, 0), "frame " + i);
            assertArrayEquals(
                Arrays.copyOf(buffer.byteArray(), length), Arrays.copyOf(other.byteArray(), length), "frame " + i);
        }
    }

    @Test
    void shouldProduceDifferentStreamsForDifferentSeeds()
    {
        final MarketSimulator first = new MarketSimulator(new SimContext().seed(7));
        final MarketSimulator second = new MarketSimulator(new SimContext().seed(8));
        final UnsafeBuffer other = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
        int differing = 0;
        for (int i = 0; i < 1_000; i++)
        {
            final int length = first.poll(buffer, 0);
            final int otherLength = second.poll(other, 0);
            if (length != otherLength ||
                !Arrays.equals(buffer.byteArray(), 0, length, other.byteArray(), 0, otherLength))
            {
                differing++;
            }
        }
        assertTrue(differing > 900, "differing frames: " + differing);
    }

    @Test
    void shouldNumberFramesContiguouslyWithIncreasingTimesAndDecodableBodies()
    {
        final SimContext ctx = new SimContext();
        final MarketSimulator simulator = new MarketSimulator(ctx);
        long previousTimeNs = Long.MIN_VALUE;
        long totalGapNs = 0;
        for (int i = 0; i < FRAMES; i++)
        {
            final long expectedTimeNs = simulator.nextTimeNs();
            final int length = simulator.poll(buffer, 0);
            assertEquals(length, FrameHeader.frameLength(buffer, 0), "frame " + i);
            assertTrue(length <= FrameHeader.MAX_FRAME_LENGTH, "frame " + i);
            assertEquals(length, frames.decodedFrameLength(buffer, 0), "frame " + i);
            assertEquals(MarketSimulator.CHANNEL_ID, FrameHeader.channelId(buffer, 0));
            assertEquals(i + 1, FrameHeader.sequence(buffer, 0));
            assertEquals(MessageHeaderDecoder.SCHEMA_ID, frames.header.schemaId());
            final long timeNs = FrameHeader.sendingTimeNs(buffer, 0);
            assertEquals(expectedTimeNs, timeNs);
            assertTrue(timeNs > previousTimeNs, "frame " + i);
            if (i > 0)
            {
                totalGapNs += timeNs - previousTimeNs;
            }
            previousTimeNs = timeNs;
        }
        final double meanGapNs = totalGapNs / (double)(FRAMES - 1);
        assertEquals(ctx.meanSpacingNs(), meanGapNs, 0.01 * ctx.meanSpacingNs());
    }

    @Test
    void shouldSendDefinitionsFirstAndOnlyOnce()
    {
        final MarketSimulator simulator = new MarketSimulator(new SimContext());
        final int count = simulator.universe().count();
        for (int i = 0; i < count; i++)
        {
            simulator.poll(buffer, 0);
            assertEquals(InstrumentDefinitionDecoder.TEMPLATE_ID, templateId(), "frame " + i);
            assertEquals(i + 1, frames.definition.instrumentId());
        }
        for (int i = count; i < FRAMES; i++)
        {
            simulator.poll(buffer, 0);
            assertNotEquals(InstrumentDefinitionDecoder.TEMPLATE_ID, templateId(), "frame " + i);
        }
    }

    @Test
    void shouldMoveTheIndexWithTheConfiguredVolatility()
    {
        final SimContext ctx = new SimContext().meanSpacingNs(60_000_000_000L);
        final MarketSimulator simulator = new MarketSimulator(ctx);
        final double[] lastPrice = {0, ctx.btcSpot(), ctx.ethSpot()};
        final long[] lastTimeNs = {0, ctx.startTimeNs(), ctx.startTimeNs()};
        final double[] sumSquares = new double[3];
        final double[] sumYears = new double[3];
        for (int i = 0; i < FRAMES; i++)
        {
            simulator.poll(buffer, 0);
            if (templateId() == IndexPriceDecoder.TEMPLATE_ID)
            {
                final int u = frames.index.underlyingId();
                final double price = frames.index.price() / 1e8;
                final long timeNs = FrameHeader.sendingTimeNs(buffer, 0);
                final double logReturn = Math.log(price / lastPrice[u]);
                sumSquares[u] += logReturn * logReturn;
                sumYears[u] += MarketMath.years(lastTimeNs[u], timeNs);
                lastPrice[u] = price;
                lastTimeNs[u] = timeNs;
            }
        }
        assertEquals(ctx.btcVolatility(), Math.sqrt(sumSquares[1] / sumYears[1]), 0.05 * ctx.btcVolatility());
        assertEquals(ctx.ethVolatility(), Math.sqrt(sumSquares[2] / sumYears[2]), 0.05 * ctx.ethVolatility());
    }

    @Test
    void shouldNotAllocatePerFrameInSteadyState()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final MarketSimulator simulator = new MarketSimulator(new SimContext());
        for (int i = 0; i < 2 * FRAMES; i++)
        {
            simulator.poll(buffer, 0);
        }
        final long before = threads.getCurrentThreadAllocatedBytes();
        long checksum = 0;
        for (int i = 0; i < FRAMES; i++)
        {
            checksum += simulator.poll(buffer, 0);
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertFalse(checksum == 0);
        // one object per frame would be at least 16 bytes x FRAMES; the JIT may allocate a few bytes once
        assertTrue(allocated < 1024, "bytes allocated over " + FRAMES + " frames: " + allocated);
    }

    private int templateId()
    {
        frames.wrap(buffer, 0);
        return frames.header.templateId();
    }
}
