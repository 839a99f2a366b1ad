package io.hedgeflow.bench;

import io.hedgeflow.codecs.QuoteEncoder;
import io.hedgeflow.framing.Fixed8;
import io.hedgeflow.framing.FrameEncoder;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.journal.Journal;
import io.hedgeflow.journal.JournalAppender;
import io.hedgeflow.journal.JournalContext;
import io.hedgeflow.journal.JournalHeader;
import io.hedgeflow.journal.Verification;
import io.hedgeflow.journal.Verifier;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
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
 * Verifies a journal of {@link #RECORDS} Quote records (96-byte records, default seal interval) on one thread, warm:
 * the steady-state cost per record of {@code verify} (read, recompute the link, stream into SHA-256, check seals),
 * without the JVM start and JIT warm-up a command-line run includes. The journal (about 100 MB) is written once per
 * trial into a temporary directory and deleted at its end.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class JournalVerifyBenchmark
{
    static final int RECORDS = 1_000_000;

    private Path directory;
    private Journal journal;

    /**
     * Writes the journal and opens it read-only.
     */
    @Setup
    public void setUp() throws IOException
    {
        final UnsafeBuffer frame = new UnsafeBuffer(ByteBuffer.allocateDirect(FrameHeader.MAX_FRAME_LENGTH));
        final FrameEncoder encoder = new FrameEncoder();
        final QuoteEncoder quote = new QuoteEncoder();
        directory = Files.createTempDirectory("journal-verify-benchmark");
        try (Journal writer = Journal.open(
            new JournalContext().directory(directory).header(JournalHeader.session("bench", "", 0))))
        {
            final JournalAppender appender = writer.inputsAppender();
            for (int i = 0; i < RECORDS; i++)
            {
                encoder.begin(frame, 0, quote, 1, i, 1_767_225_600_000_000_000L + i);
                quote.instrumentId(i % 64).bidPrice(Fixed8.fromDouble(100_000 + i % 1000)).bidSize(Fixed8.ONE)
                    .askPrice(Fixed8.fromDouble(100_001 + i % 1000)).askSize(Fixed8.ONE);
                appender.append(frame, 0, encoder.end(quote), i, i);
            }
        }
        journal = Journal.openReadOnly(directory);
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
     * @return the verification, consumed by JMH's blackhole; the score is per record.
     */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public Verification verify()
    {
        final Verification verification = Verifier.verify(journal);
        if (!verification.intact() || verification.inputs().records() != RECORDS)
        {
            throw new IllegalStateException(verification.toString());
        }
        return verification;
    }
}
