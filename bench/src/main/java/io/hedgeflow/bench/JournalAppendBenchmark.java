package io.hedgeflow.bench;

import io.hedgeflow.codecs.QuoteEncoder;
import io.hedgeflow.framing.Fixed8;
import io.hedgeflow.framing.FrameEncoder;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.journal.Journal;
import io.hedgeflow.journal.JournalAppender;
import io.hedgeflow.journal.JournalContext;
import io.hedgeflow.journal.JournalHeader;
import io.hedgeflow.pipeline.Engine;
import org.agrona.IoUtil;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Appends one Quote frame (72 bytes, a 96-byte record) to the inputs journal from an off-heap buffer like a ring
 * slot, with the integrity chain of each variant: {@code sealInterval=1} seals every record with its own SHA-256
 * (per-record cryptographic chaining), {@code sealInterval=1024} (the default) carries a 64-bit link per record and
 * streams the records into a SHA-256 sealed every 1024 records. Each trial writes a fresh temporary journal, deleted
 * at its end (a few GB while it runs). {@link #append} writes each record in an excerpt of its own,
 * {@link #appendToBatch} stages it and commits a batch excerpt every {@link #BATCH} records, like the engine's duty
 * cycle. Expected to allocate nothing (check with -prof gc).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class JournalAppendBenchmark
{
    /** Records per batch excerpt: the engine's duty cycle batch. */
    static final int BATCH = Engine.DUTY_CYCLE_BATCH;

    @Param({ "1", "1024" })
    int sealInterval;

    private final UnsafeBuffer frame = new UnsafeBuffer(ByteBuffer.allocateDirect(FrameHeader.MAX_FRAME_LENGTH));
    private Path directory;
    private Journal journal;
    private JournalAppender appender;
    private int length;
    private long sequence;

    /**
     * Encodes the Quote frame and opens a journal in a new temporary directory.
     */
    @Setup
    public void setUp() throws IOException
    {
        final FrameEncoder encoder = new FrameEncoder();
        final QuoteEncoder quote = new QuoteEncoder();
        encoder.begin(frame, 0, quote, 1, 7, 1_767_225_600_000_000_100L);
        quote.instrumentId(3).bidPrice(Fixed8.fromDouble(100000.5)).bidSize(Fixed8.fromDouble(2))
            .askPrice(Fixed8.fromDouble(100001)).askSize(Fixed8.fromDouble(1.25));
        length = encoder.end(quote);
        directory = Files.createTempDirectory("journal-append-benchmark");
        journal = Journal.open(new JournalContext().directory(directory).sealInterval(sealInterval)
            .header(JournalHeader.session("bench", "", 0)));
        appender = journal.inputsAppender();
    }

    /**
     * Closes and deletes the journal.
     */
    @TearDown
    public void tearDown()
    {
        journal.close();
        IoUtil.delete(directory.toFile(), false);
    }

    /**
     * @return the Chronicle index of the record, consumed by JMH's blackhole.
     */
    @Benchmark
    public long append()
    {
        final long s = sequence++;
        return appender.append(frame, 0, length, s, s);
    }

    /**
     * Stages the record in the current batch; every {@link #BATCH}th record commits the batch as one excerpt.
     */
    @Benchmark
    public void appendToBatch()
    {
        final long s = sequence++;
        appender.appendToBatch(frame, 0, length, s, s);
        if (s % BATCH == BATCH - 1)
        {
            appender.commitBatch();
        }
    }
}
