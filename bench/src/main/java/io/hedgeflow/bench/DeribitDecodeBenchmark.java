package io.hedgeflow.bench;

import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.deribit.DeribitFrameSource;
import io.hedgeflow.gateway.deribit.PcapReader;
import io.hedgeflow.gateway.deribit.UdpPacket;
import io.hedgeflow.logic.LogicContext;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Decode and normalize the whole Deribit sample capture, its UDP payloads held in memory: every SBE message through
 * the DeribitAdapter, the normalization (implied vols included) and the engine frames drained. One operation is one
 * Deribit message, so the score is messages per second on one core. Each pass renumbers the packets after the
 * previous pass (as a continuous feed), so no pass is a duplicate. Expected to allocate nothing (-prof gc).
 * Run from the repository root: the capture is read from captures/deribit.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class DeribitDecodeBenchmark
{
    /** SBE messages in sample_capture_v1_6.pcapng (checked in setUp). */
    static final int SAMPLE_MESSAGES = 6780;

    @Param("captures/deribit/sample_capture_v1_6.pcapng")
    public String capture;

    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
    private UnsafeBuffer[] payloads;
    private long[] times;
    private long[] firstSequence;
    private long[] stride;
    private DeribitFrameSource source;
    private long lap;

    /** Reads the capture's payloads and runs one pass to check its message count. */
    @Setup
    public void setUp() throws IOException
    {
        final List<UnsafeBuffer> list = new ArrayList<>();
        final List<Long> timeList = new ArrayList<>();
        try (PcapReader reader = new PcapReader(Path.of(capture)))
        {
            for (UdpPacket p = reader.next(); p != null; p = reader.next())
            {
                final byte[] bytes = new byte[p.length()];
                p.payload().getBytes(0, bytes);
                list.add(new UnsafeBuffer(bytes));
                timeList.add(p.timeNs());
            }
        }
        payloads = list.toArray(new UnsafeBuffer[0]);
        times = timeList.stream().mapToLong(Long::longValue).toArray();
        firstSequence = new long[payloads.length];
        stride = new long[payloads.length];
        final long[] min = new long[1 << 16];
        final long[] max = new long[1 << 16];
        java.util.Arrays.fill(min, Long.MAX_VALUE);
        for (int i = 0; i < payloads.length; i++)
        {
            final int channel = payloads[i].getShort(2, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
            firstSequence[i] = payloads[i].getInt(4, ByteOrder.LITTLE_ENDIAN) & 0xFFFF_FFFFL;
            min[channel] = Math.min(min[channel], firstSequence[i]);
            max[channel] = Math.max(max[channel], firstSequence[i]);
        }
        for (int i = 0; i < payloads.length; i++)
        {
            final int channel = payloads[i].getShort(2, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
            stride[i] = max[channel] - min[channel] + 1;
        }
        source = DeribitFrameSource.forPushedPackets(new LogicContext());
        pass();
        if (source.counters().messages() != SAMPLE_MESSAGES || source.counters().gaps() != 0)
        {
            throw new IllegalStateException(capture + ": " + source.counters().messages() + " messages, " +
                source.counters().gaps() + " gaps; expected " + SAMPLE_MESSAGES + " and 0");
        }
    }

    /**
     * @return bytes of engine frames produced, consumed by JMH's blackhole.
     */
    @Benchmark
    @OperationsPerInvocation(SAMPLE_MESSAGES)
    public long decodeAndNormalize()
    {
        return pass();
    }

    private long pass()
    {
        long bytes = 0;
        for (int i = 0; i < payloads.length; i++)
        {
            final UnsafeBuffer payload = payloads[i];
            payload.putInt(4, (int)(firstSequence[i] + lap * stride[i]), ByteOrder.LITTLE_ENDIAN);
            source.onPacket(payload, 0, payload.capacity(), times[i]);
            int length;
            while ((length = source.poll(frame, 0, frame.capacity())) > 0)
            {
                bytes += length;
            }
        }
        lap++;
        return bytes;
    }
}
