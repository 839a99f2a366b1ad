package io.hedgeflow.bench;

import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.QuoteDecoder;
import io.hedgeflow.codecs.QuoteEncoder;
import io.hedgeflow.framing.Fixed8;
import io.hedgeflow.framing.FrameEncoder;
import io.hedgeflow.framing.FrameHeader;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * Decodes one Quote frame the way the logic does: frame header, SBE message header, template dispatch and the
 * Quote flyweight, over an off-heap buffer like a ring slot. Expected to allocate nothing (check with -prof gc).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class QuoteDecodeBenchmark
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(FrameHeader.MAX_FRAME_LENGTH));
    private final MessageHeaderDecoder messageHeader = new MessageHeaderDecoder();
    private final QuoteDecoder quote = new QuoteDecoder();

    /**
     * Encodes the Quote frame once.
     */
    @Setup
    public void setUp()
    {
        final FrameEncoder frame = new FrameEncoder();
        final QuoteEncoder encoder = new QuoteEncoder();
        frame.begin(buffer, 0, encoder, 1, 7, 1_767_225_600_000_000_100L);
        encoder.instrumentId(3)
            .bidPrice(Fixed8.fromDouble(100000.5))
            .bidSize(Fixed8.fromDouble(2))
            .askPrice(Fixed8.fromDouble(100001))
            .askSize(Fixed8.fromDouble(1.25));
        frame.end(encoder);
    }

    /**
     * @return the sum of the frame header and Quote fields, consumed by JMH's blackhole.
     */
    @Benchmark
    public long decodeQuote()
    {
        long sum = FrameHeader.frameLength(buffer, 0) + FrameHeader.channelId(buffer, 0) +
            FrameHeader.sequence(buffer, 0) + FrameHeader.sendingTimeNs(buffer, 0);
        messageHeader.wrap(buffer, FrameHeader.MESSAGE_OFFSET);
        if (messageHeader.templateId() == QuoteDecoder.TEMPLATE_ID)
        {
            quote.wrap(buffer, FrameHeader.MIN_FRAME_LENGTH, messageHeader.blockLength(), messageHeader.version());
            sum += quote.instrumentId() + quote.bidPrice() + quote.bidSize() + quote.askPrice() + quote.askSize();
        }
        return sum;
    }
}
