package io.hedgeflow.bench;

import io.hedgeflow.framing.FrameChecksum;
import io.hedgeflow.framing.FrameHeader;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The frame CRC32C two ways over an off-heap frame like a ring slot: {@link FrameChecksum} (copy into an owned
 * direct buffer, JDK intrinsic CRC32C) and {@link TableCrc32c} (slicing-by-8 in Java, in place). Frame lengths:
 * 80 (a Quote), 256 and 1024 (the largest frame). Both must allocate nothing (-prof gc).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class FrameChecksumBenchmark
{
    @Param({ "80", "256", "1024" })
    int length;

    private final UnsafeBuffer frame =
        new UnsafeBuffer(BufferUtil.allocateDirectAligned(FrameHeader.MAX_FRAME_LENGTH, 64));
    private final FrameChecksum checksum = new FrameChecksum();

    /**
     * Fills the frame with seeded random bytes and checks that both implementations agree.
     */
    @Setup
    public void setUp()
    {
        final SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < FrameHeader.MAX_FRAME_LENGTH; i++)
        {
            frame.putByte(i, (byte)random.nextInt(256));
        }
        if (checksum.compute(frame, 0, length) != TableCrc32c.compute(frame, 0, length))
        {
            throw new IllegalStateException("table CRC32C disagrees with java.util.zip.CRC32C");
        }
    }

    /**
     * @return the frame checksum through the JDK's intrinsic CRC32C.
     */
    @Benchmark
    public int intrinsic()
    {
        return checksum.compute(frame, 0, length);
    }

    /**
     * @return the frame checksum through slicing-by-8 tables.
     */
    @Benchmark
    public int table()
    {
        return TableCrc32c.compute(frame, 0, length);
    }
}
