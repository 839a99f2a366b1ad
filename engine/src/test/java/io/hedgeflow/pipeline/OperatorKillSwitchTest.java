package io.hedgeflow.pipeline;

import io.hedgeflow.cli.HedgeflowTool;
import io.hedgeflow.codecs.KillSwitchDecoder;
import io.hedgeflow.codecs.KillSwitchOrigin;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.control.ControlKey;
import io.hedgeflow.control.TestKeys;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.CaptureFileSource;
import io.hedgeflow.gateway.UdpEndpoint;
import io.hedgeflow.journal.Journal;
import io.hedgeflow.journal.JournalReader;
import io.hedgeflow.logic.LogicContext;
import io.hedgeflow.logic.PolicyContext;
import io.hedgeflow.logic.TestContexts;
import io.hedgeflow.status.CountersFile;
import org.agrona.concurrent.status.CountersReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongPredicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A running engine with a control endpoint: `hedgeflow kill --engage` stops its orders, `--release` resumes them
 * (both signed with the control key); both commands are journaled inputs of origin OPERATOR, the session replays to
 * identical decisions, and the key is in no file of the journal directory. A key file open to group or others, or
 * `run --control` without a key, is refused with exit 2.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class OperatorKillSwitchTest
{
    private static final int FRAMES = 300_000;
    private static final double RATE = 50_000;
    private static final long WAIT_NS = TimeUnit.SECONDS.toNanos(30);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = ThreadingMode.class, names = {"SHARED", "DEDICATED"})
    void shouldStopOrdersOnEngageAndResumeOnRelease(final ThreadingMode mode) throws Exception
    {
        final Path capture = Sessions.record(dir.resolve("sim.cap"), 7, FRAMES);
        final Path journal = dir.resolve("journal");
        final Path key = TestKeys.write(dir.resolve("control.key"), TestKeys.SECRET, "rw-------");
        final ExecutorService thread = Executors.newSingleThreadExecutor();
        try (Engine engine = new Engine(new EngineContext().journalDir(journal).ringSize(1024).threadingMode(mode)
            .idleStrategy(IdleStrategyKind.BACKOFF)
            .logicContext(TestContexts.logic().policy(new PolicyContext().trigger().bandUsd(50_000.0)))
            .control(UdpEndpoint.parse("udp://127.0.0.1:0")).controlKey(ControlKey.load(key)),
            new CaptureFileSource(capture));
            CountersFile counters = CountersFile.open(journal))
        {
            final Future<Long> run = thread.submit(() -> engine.run(Long.MAX_VALUE, RATE));
            final String control = "udp://127.0.0.1:" + engine.controlPort();
            final CountersReader reader = counters.reader();
            await(reader, "orders", n -> n > 0);

            assertEquals(0, kill("--engage", "--to", control, "--control-key", key.toString()));
            await(reader, "kill switch", n -> n == 1);
            final long ordersWhileEngaged = value(reader, "orders");
            final long framesAtEngage = value(reader, "frames");
            await(reader, "frames", n -> n > framesAtEngage + 20_000);
            assertEquals(ordersWhileEngaged, value(reader, "orders"), "no order while the kill switch is engaged");

            assertEquals(0, kill("--release", "--to", control, "--control-key", key.toString()));
            await(reader, "kill switch", n -> n == 0);
            await(reader, "orders", n -> n > ordersWhileEngaged);

            assertEquals(FRAMES, run.get(WAIT_NS, TimeUnit.NANOSECONDS).longValue(),
                "the whole capture was processed");
            assertEquals(0, engine.errors());
        }
        finally
        {
            thread.shutdownNow();
        }
        assertEquals(List.of(1, 0), operatorCommands(journal), "both commands journaled as inputs");
        assertKeyInNoFile(journal);
        try (Journal j = Journal.openReadOnly(journal))
        {
            final LogicContext logic = TestContexts.logic().policy(new PolicyContext().trigger().bandUsd(50_000.0));
            assertNull(Sessions.replay(j, logic).difference());
        }
    }

    @Test
    void shouldExitTwoWithOneLineOnBadUsage() throws Exception
    {
        final String key = TestKeys.write(dir.resolve("control.key"), TestKeys.SECRET, "rw-------").toString();
        assertBadUsage("(--engage | --release)", "kill", "--to", "udp://127.0.0.1:9", "--control-key", key);
        assertBadUsage("mutually exclusive", "kill", "--engage", "--release", "--to", "udp://127.0.0.1:9",
            "--control-key", key);
        assertBadUsage("--to", "kill", "--engage", "--to", "tcp://127.0.0.1:9", "--control-key", key);
        assertBadUsage("port 0", "kill", "--engage", "--to", "udp://127.0.0.1:0", "--control-key", key);
        assertBadUsage("--to", "kill", "--release", "--control-key", key);
        assertBadUsage("--control-key", "kill", "--release", "--to", "udp://127.0.0.1:9");
    }

    @Test
    void shouldRefuseAKeyFileOpenToGroupOrOthersAndAControlEndpointWithoutKey() throws Exception
    {
        final String open = TestKeys.write(dir.resolve("open.key"), TestKeys.SECRET, "rw-r--r--").toString();
        final String refused = "--control-key " + open + ": mode rw-r--r-- gives group or others access";
        assertBadUsage(refused, "kill", "--engage", "--to", "udp://127.0.0.1:9", "--control-key", open);
        final Path journal = dir.resolve("journal");
        assertBadUsage(refused, "run", "--feed", "sim", "--events", "10", "--journal", journal.toString(),
            "--control", "udp://127.0.0.1:0", "--control-key", open);
        assertBadUsage("--control needs --control-key FILE", "run", "--feed", "sim", "--events", "10", "--journal",
            journal.toString(), "--control", "udp://127.0.0.1:0");
        assertFalse(Files.exists(journal), "refused before the journal is created");
    }

    private static void assertBadUsage(final String mentions, final String... command)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        assertEquals(HedgeflowTool.EXIT_BAD_INPUT,
            HedgeflowTool.execute(new PrintWriter(out), new PrintWriter(err), command), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains(mentions), err.toString());
        assertFalse(err.toString().contains(TestKeys.SECRET) || out.toString().contains(TestKeys.SECRET));
    }

    private static void assertKeyInNoFile(final Path journal) throws IOException
    {
        final byte[] secret = TestKeys.SECRET.getBytes(StandardCharsets.US_ASCII);
        try (Stream<Path> files = Files.walk(journal))
        {
            for (final Path file : files.filter(Files::isRegularFile).toList())
            {
                final byte[] bytes = Files.readAllBytes(file);
                for (int i = 0; i + secret.length <= bytes.length; i++)
                {
                    assertFalse(Arrays.equals(bytes, i, i + secret.length, secret, 0, secret.length),
                        "the control key in " + file);
                }
            }
        }
    }

    private static int kill(final String... args)
    {
        final String[] command = new String[args.length + 1];
        command[0] = "kill";
        System.arraycopy(args, 0, command, 1, args.length);
        return HedgeflowTool.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), command);
    }

    /** Polls a counter (by the start of its label) until it satisfies the condition, failing after WAIT_NS. */
    private static void await(final CountersReader reader, final String label, final LongPredicate condition)
    {
        final long deadline = System.nanoTime() + WAIT_NS;
        long value;
        while (!condition.test(value = value(reader, label)))
        {
            assertTrue(System.nanoTime() < deadline, "waiting for counter '" + label + "', now " + value);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private static long value(final CountersReader reader, final String label)
    {
        final long[] value = { Long.MIN_VALUE };
        reader.forEach((id, typeId, key, text) ->
        {
            if (text.startsWith(label + ":"))
            {
                value[0] = reader.getCounterValue(id);
            }
        });
        assertTrue(value[0] != Long.MIN_VALUE, "no counter " + label);
        return value[0];
    }

    /** The engaged values of the operator KillSwitch inputs of the journal, in order. */
    private static List<Integer> operatorCommands(final Path journal)
    {
        final List<Integer> commands = new ArrayList<>();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final KillSwitchDecoder killSwitch = new KillSwitchDecoder();
        try (Journal j = Journal.openReadOnly(journal); JournalReader reader = j.inputsReader())
        {
            boolean more = true;
            while (more)
            {
                more = reader.read((buffer, offset, length, stamp, sequence, index) ->
                {
                    header.wrap(buffer, offset + FrameHeader.MESSAGE_OFFSET);
                    if (length >= FrameHeader.MIN_FRAME_LENGTH && header.templateId() == KillSwitchDecoder.TEMPLATE_ID)
                    {
                        killSwitch.wrap(buffer, offset + FrameHeader.MIN_FRAME_LENGTH, header.blockLength(),
                            header.version());
                        assertEquals(KillSwitchOrigin.OPERATOR, killSwitch.origin());
                        assertEquals(FrameHandler.CONTROL_CHANNEL, FrameHeader.channelId(buffer, offset));
                        commands.add((int)killSwitch.engaged());
                    }
                });
            }
        }
        return commands;
    }
}
