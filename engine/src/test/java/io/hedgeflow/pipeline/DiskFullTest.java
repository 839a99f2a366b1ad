package io.hedgeflow.pipeline;

import io.hedgeflow.cli.ChildJvm;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderDecoder;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.journal.Journal;
import io.hedgeflow.journal.JournalReader;
import io.hedgeflow.journal.Verifier;
import io.hedgeflow.status.CountersFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Full disk: a child JVM runs the engine under a file-size limit ({@code ulimit -f}, with SIGXFSZ ignored so the
 * write fails with EFBIG, which CI can do without mounting anything) until its inputs journal cannot grow, sending
 * its orders as UDP datagrams to this test. It must exit 1 within a second of the fault with the one-line message,
 * every order received must be a journaled one, the journal must verify, and a run after the limit is lifted must
 * continue it. Where mounting is allowed, the same on a small tmpfs whose free space runs out.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DiskFullTest
{
    /** Enough for the first queue files, too little for the inputs queue to grow: it faults after ~0.6M inputs. */
    private static final long FILE_SIZE_LIMIT_KIB = 100 * 1024;
    private static final long EXIT_WITHIN_NS = TimeUnit.SECONDS.toNanos(1);
    private static final long TMPFS_MIB = 160;
    private static final long TMPFS_MIN_FREE = 32L << 20;
    private static final long POLL_NS = TimeUnit.MILLISECONDS.toNanos(2);

    @TempDir
    Path dir;

    @Test
    void shouldExitOneWithinASecondSendingOnlyJournaledOrdersAndContinueAfterSpaceIsFreed() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final List<byte[]> received = new ArrayList<>();
        try (DatagramChannel orders = DatagramChannel.open())
        {
            orders.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 22);
            orders.bind(new InetSocketAddress("127.0.0.1", 0)).configureBlocking(false);
            final int port = ((InetSocketAddress)orders.getLocalAddress()).getPort();
            final Process child = engine(journal, 5_000_000, port, true);
            final long stalledNs = watch(child, journal, orders, received);
            receive(orders, received);
            assertEquals(1, child.exitValue());
            assertTrue(stalledNs < EXIT_WITHIN_NS, "exit " + stalledNs / 1_000_000 + " ms after the last input");
            assertOneLineNamingTheFault(journal);
            assertOnlyJournaledOrdersSent(journal, received);
            final long inputs = verifiedInputs(journal);

            final Process restart = engine(journal, inputs + 20_000, port, false);
            assertTrue(restart.waitFor(2, TimeUnit.MINUTES));
            assertEquals(0, restart.exitValue(), Files.readString(dir.resolve("child.err")));
            assertTrue(verifiedInputs(journal) > inputs, "the restart continued the journal");
        }
    }

    /**
     * Where the test may mount a file system (root with CAP_SYS_ADMIN; skipped elsewhere): on a 160 MiB tmpfs the
     * engine refuses to start below the default minimum (exit 2), and with a 32 MiB minimum fails closed when the
     * disk-space poller sees free space fall under it, before a mapped write could fault (SIGBUS on tmpfs).
     */
    @Test
    void shouldFailClosedWhenFreeSpaceFallsBelowTheMinimumOnATmpfs() throws Exception
    {
        final Path mount = Files.createDirectory(dir.resolve("tmpfs"));
        assumeTrue(exec("mount", "-t", "tmpfs", "-o", "size=" + TMPFS_MIB + "m", "tmpfs", mount.toString()) == 0,
            "mount a tmpfs");
        try (DatagramChannel orders = DatagramChannel.open())
        {
            orders.bind(new InetSocketAddress("127.0.0.1", 0)).configureBlocking(false);
            final int port = ((InetSocketAddress)orders.getLocalAddress()).getPort();
            final Path journal = mount.resolve("journal");
            final Process refused = engine(journal, 1_000, port, false);
            assertTrue(refused.waitFor(1, TimeUnit.MINUTES));
            assertEquals(2, refused.exitValue());
            assertEquals(List.of("hedgeflow run: journal " + journal + ": " + TMPFS_MIB * (1L << 20) +
                " bytes free on its file system, below engine.minFreeDiskBytes 268435456; free space or lower the " +
                "minimum"), errorLines());

            final Path config = Files.writeString(dir.resolve("min-free.yaml"), Files.readString(
                Path.of(System.getProperty("hedgeflow.root", ".."), "config", "hedgeflow.yaml"))
                .replace("minFreeDiskBytes: 268_435_456", "minFreeDiskBytes: " + TMPFS_MIN_FREE));
            final List<byte[]> received = new ArrayList<>();
            final Process child = engine(journal, 5_000_000, port, false, "--config", config.toString());
            final long stalledNs = watch(child, journal, orders, received);
            receive(orders, received);
            assertEquals(1, child.exitValue());
            assertTrue(stalledNs < EXIT_WITHIN_NS, "exit " + stalledNs / 1_000_000 + " ms after the last input");
            final List<String> lines = errorLines();
            assertEquals(1, lines.size(), String.join("\n", lines));
            assertTrue(lines.getFirst().startsWith("hedgeflow run: journal fault, stopped sending orders: journal " +
                journal + ": free space fell below the minimum; free space "), lines.getFirst());
            assertOnlyJournaledOrdersSent(journal, received);
            verifiedInputs(journal);
        }
        finally
        {
            exec("umount", "--lazy", mount.toString());
        }
    }

    private static int exec(final String... command) throws IOException, InterruptedException
    {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(1, TimeUnit.MINUTES));
        return process.exitValue();
    }

    private List<String> errorLines() throws IOException
    {
        return Files.readAllLines(dir.resolve("child.err")).stream()
            .filter(line -> !line.startsWith("WARNING: Using incubator") && !line.startsWith("threading ")).toList();
    }

    private void assertOneLineNamingTheFault(final Path journal) throws IOException
    {
        final List<String> lines = errorLines();
        assertEquals(1, lines.size(), String.join("\n", lines));
        assertTrue(lines.getFirst().startsWith("hedgeflow run: journal fault, stopped sending orders: journal " +
            journal + ": journal write failed in " + journal.resolve("inputs")), lines.getFirst());
        assertTrue(lines.getFirst().contains("; free space "), lines.getFirst());
    }

    private static void assertOnlyJournaledOrdersSent(final Path journal, final List<byte[]> received)
    {
        final Set<String> journaledOrders = journaledOrders(journal);
        assertFalse(received.isEmpty(), "orders were sent before the fault");
        for (final byte[] order : received)
        {
            assertTrue(journaledOrders.contains(Arrays.toString(order)), "every order sent was journaled first");
        }
    }

    /** Follows the child's frame counter until it exits; returns ns from its last progress to its exit. */
    private static long watch(
        final Process child, final Path journal, final DatagramChannel orders, final List<byte[]> received)
        throws IOException
    {
        CountersFile counters = null;
        long frames = -1;
        long progressNs = System.nanoTime();
        try
        {
            while (child.isAlive())
            {
                receive(orders, received);
                if (counters == null && Files.exists(journal.resolve(CountersFile.NAME)))
                {
                    counters = openWhenWritten(journal);
                }
                final long now = counters != null ? counters.reader().getCounterValue(0) : -1;
                if (now != frames)
                {
                    frames = now;
                    progressNs = System.nanoTime();
                }
                LockSupport.parkNanos(POLL_NS);
            }
            return System.nanoTime() - progressNs;
        }
        finally
        {
            if (counters != null)
            {
                counters.close();
            }
        }
    }

    /** The child's counters file, or null while the child is still writing its header. */
    private static CountersFile openWhenWritten(final Path journal)
    {
        try
        {
            return CountersFile.open(journal);
        }
        catch (final IllegalArgumentException | IndexOutOfBoundsException ex)
        {
            return null;
        }
    }

    private static void receive(final DatagramChannel orders, final List<byte[]> received) throws IOException
    {
        final ByteBuffer buffer = ByteBuffer.allocate(FrameHeader.MAX_FRAME_LENGTH);
        while (orders.receive(buffer.clear()) != null)
        {
            received.add(Arrays.copyOf(buffer.array(), buffer.position()));
        }
    }

    private static Set<String> journaledOrders(final Path journal)
    {
        final Set<String> orders = new HashSet<>();
        try (Journal j = Journal.openReadOnly(journal); JournalReader reader = j.decisionsReader())
        {
            long records = 0;
            while (reader.read((buffer, offset, length, stamp, sequence, index) ->
            {
                final int template = buffer.getShort(offset + FrameHeader.MESSAGE_OFFSET +
                    MessageHeaderDecoder.templateIdEncodingOffset(), ByteOrder.LITTLE_ENDIAN);
                if (template == NewOrderDecoder.TEMPLATE_ID)
                {
                    final byte[] frame = new byte[length];
                    buffer.getBytes(offset, frame);
                    orders.add(Arrays.toString(frame));
                }
            }))
            {
                records++;
            }
            assertTrue(records > orders.size(), "hedge decisions and orders journaled");
        }
        return orders;
    }

    private static long verifiedInputs(final Path journal)
    {
        try (Journal j = Journal.openReadOnly(journal))
        {
            assertTrue(Verifier.verify(j).intact(), "verify intact");
        }
        try (Journal j = Journal.openReadOnly(journal); JournalReader reader = j.inputsReader())
        {
            return reader.count();
        }
    }

    /** The engine in a child JVM with the project's flags; limited: under ulimit -f with SIGXFSZ ignored. */
    private Process engine(
        final Path journal, final long events, final int ordersPort, final boolean limited, final String... more)
        throws IOException
    {
        final List<String> command = new ArrayList<>(List.of("bash", "-c",
            (limited ? "trap '' XFSZ; ulimit -f " + FILE_SIZE_LIMIT_KIB + "; " : "") + "exec \"$@\"", "bash"));
        command.addAll(ChildJvm.command("run", "--feed", "sim", "--seed", "77", "--events", Long.toString(events),
            "--warmup-events", "0", "--journal", journal.toString(), "--orders-to", "udp://127.0.0.1:" + ordersPort));
        command.addAll(Arrays.asList(more));
        return new ProcessBuilder(command).redirectOutput(dir.resolve("child.out").toFile())
            .redirectError(dir.resolve("child.err").toFile()).start();
    }
}
