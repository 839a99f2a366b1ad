package io.hedgeflow.cli;

import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.TestCaptures;
import io.hedgeflow.gateway.UdpEndpoint;
import io.hedgeflow.gateway.UdpFrameSource;
import io.hedgeflow.status.CountersFile;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code send} and {@code run --feed udp://...} through the command line. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UdpCommandsTest
{
    private static final long DEADLINE_NS = TimeUnit.SECONDS.toNanos(30);

    @TempDir
    Path dir;

    @Test
    void shouldSendEveryFrameOfACaptureAsOneDatagramInOrder() throws IOException
    {
        final Path capture = TestCaptures.record(dir.resolve("sim.cap"), 3, 2_000);
        try (UdpFrameSource source = new UdpFrameSource(UdpEndpoint.parse("udp://127.0.0.1:0"), 8 << 20, 0))
        {
            final Result result = execute("send", "--file", capture.toString(), "--to",
                "udp://127.0.0.1:" + source.localPort());
            assertEquals(0, result.code, result.err);
            assertTrue(result.out.startsWith("sent 2,000 frames to udp://127.0.0.1:" + source.localPort()), result.out);

            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
            final List<byte[]> frames = TestCaptures.frames(capture);
            final long start = System.nanoTime();
            for (int i = 0; i < frames.size(); i++)
            {
                int length;
                while ((length = source.poll(buffer, 0, FrameHeader.MAX_FRAME_LENGTH)) == 0)
                {
                    assertTrue(System.nanoTime() - start < DEADLINE_NS, "frame " + i + " within the deadline");
                }
                final byte[] received = new byte[length];
                buffer.getBytes(0, received);
                assertArrayEquals(frames.get(i), received, "frame " + i);
            }
        }
    }

    @Test
    void shouldPaceFramesAtTheGivenRate() throws IOException
    {
        final Path capture = TestCaptures.record(dir.resolve("sim.cap"), 3, 1_001);
        try (UdpFrameSource source = new UdpFrameSource(UdpEndpoint.parse("udp://127.0.0.1:0"), 8 << 20, 0))
        {
            final long start = System.nanoTime();
            final Result result = execute("send", "--file", capture.toString(), "--to",
                "udp://127.0.0.1:" + source.localPort(), "--rate", "2000");
            final long elapsedNs = System.nanoTime() - start;
            assertEquals(0, result.code, result.err);
            assertTrue(elapsedNs >= TimeUnit.MILLISECONDS.toNanos(500), "1,000 intervals at 2,000/s: " + elapsedNs);
            assertTrue(result.out.contains("asked 2,000"), result.out);
        }
    }

    @Test
    void shouldExitTwoOnABadCaptureOrAddress() throws IOException
    {
        final Path capture = TestCaptures.record(dir.resolve("sim.cap"), 3, 10);
        final Path bogus = Files.writeString(dir.resolve("bogus.cap"), "hello");
        assertOneLineError(execute("send", "--file", dir.resolve("missing.cap").toString(), "--to",
            "udp://127.0.0.1:9"), "no capture file");
        assertOneLineError(execute("send", "--file", bogus.toString(), "--to", "udp://127.0.0.1:9"), "bad magic");
        assertOneLineError(execute("send", "--file", capture.toString(), "--to", "udp://127.0.0.1"), "--to");
        assertOneLineError(execute("send", "--file", capture.toString(), "--to", "udp://127.0.0.1:0"), "port 0");
        assertOneLineError(execute("send", "--file", capture.toString(), "--to", "udp://239.1.1.1:9"), "interface");
        assertOneLineError(execute("send", "--file", capture.toString(), "--to", "udp://127.0.0.1:9", "--rate",
            "-1"), "--rate");
    }

    @Test
    void shouldExitTwoOnBadUdpRunOptions()
    {
        final String journal = dir.resolve("j").toString();
        assertOneLineError(execute("run", "--feed", "udp://127.0.0.1", "--journal", journal), "--feed");
        assertOneLineError(execute("run", "--feed", "udp://127.0.0.1:0", "--journal", journal, "--rate", "100"),
            "--rate");
        assertOneLineError(execute("run", "--feed", "udp://127.0.0.1:0", "--journal", journal, "--idle-timeout",
            "2 seconds"), "--idle-timeout");
        final Result unbindable = execute("run", "--feed", "udp://192.0.2.123:0", "--journal", journal);
        assertOneLineError(unbindable, "cannot listen");
        assertFalse(unbindable.err.contains("warm-up"), "refused before the warm-up: " + unbindable.err);
        assertOneLineError(execute("run", "--feed", "sim", "--journal", journal, "--orders-to", "udp://127.0.0.1:0"),
            "--orders-to: port 0");
    }

    @Test
    void shouldRunTheEngineOnAUdpFeedUntilIdleWithTheSameResultAsTheFile() throws Exception
    {
        final Path capture = TestCaptures.record(dir.resolve("sim.cap"), 3, 3_000);
        final Result fromFile = execute("run", "--feed", "file:" + capture, "--journal", dir.resolve("file").toString(),
            "--format", "json");
        assertEquals(0, fromFile.code, fromFile.err);

        final int port = freePort();
        final Path journal = dir.resolve("udp");
        final ExecutorService engine = Executors.newSingleThreadExecutor();
        try
        {
            final Future<Result> run = engine.submit(() -> execute("run", "--feed", "udp://127.0.0.1:" + port,
                "--journal", journal.toString(), "--idle-timeout", "500ms", "--warmup-events", "10000", "--format",
                "json"));
            final long start = System.nanoTime();
            while (!Files.exists(journal.resolve(CountersFile.NAME)))
            {
                assertFalse(run.isDone(), () -> "run ended early: " + result(run));
                assertTrue(System.nanoTime() - start < DEADLINE_NS, "engine started within the deadline");
                Thread.yield();
            }
            final Result sent = execute("send", "--file", capture.toString(), "--to", "udp://127.0.0.1:" + port,
                "--rate", "10000");
            assertEquals(0, sent.code, sent.err);
            final Result fromUdp = run.get(60, TimeUnit.SECONDS);
            assertEquals(0, fromUdp.code, fromUdp.err);
            for (final String key : new String[] {"events", "decisions", "orders", "fills", "rejected_frames"})
            {
                assertEquals(field(fromFile.out, key), field(fromUdp.out, key), key + " in " + fromUdp.out);
            }
            final int warmup = fromUdp.err.indexOf("JIT warm-up, 10,000 simulated frames");
            final int built = fromUdp.err.indexOf("threading ");
            final int listening = fromUdp.err.indexOf("listening on udp://127.0.0.1:" + port);
            assertTrue(warmup >= 0 && warmup < built && built < listening,
                "warm-up, then the engine built, then 'listening': " + fromUdp.err);
        }
        finally
        {
            engine.shutdownNow();
        }
    }

    private static String result(final Future<Result> run)
    {
        try
        {
            return run.get().toString();
        }
        catch (final Exception ex)
        {
            return ex.toString();
        }
    }

    private static long field(final String json, final String key)
    {
        return Long.parseLong(json.replaceAll("(?s).*\"" + key + "\":(-?\\d+).*", "$1").trim());
    }

    private static int freePort() throws IOException
    {
        try (DatagramChannel channel = DatagramChannel.open())
        {
            channel.bind(new InetSocketAddress("127.0.0.1", 0));
            return ((InetSocketAddress)channel.getLocalAddress()).getPort();
        }
    }

    private static void assertOneLineError(final Result result, final String mentions)
    {
        assertEquals(2, result.code, result.toString());
        assertEquals(1, result.err.lines().count(), "one line on stderr: " + result.err);
        assertTrue(result.err.contains(mentions), result.err);
        assertFalse(result.err.contains("\tat "), "no stack trace: " + result.err);
    }

    private static Result execute(final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int code = HedgeflowTool.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err)
    {
    }
}
