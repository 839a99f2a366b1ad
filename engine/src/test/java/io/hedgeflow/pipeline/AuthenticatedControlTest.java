package io.hedgeflow.pipeline;

import io.hedgeflow.cli.HedgeflowTool;
import io.hedgeflow.codecs.KillSwitchEncoder;
import io.hedgeflow.codecs.KillSwitchOrigin;
import io.hedgeflow.control.CommandSeal;
import io.hedgeflow.control.ControlKey;
import io.hedgeflow.control.ControlRefusal;
import io.hedgeflow.control.TestKeys;
import io.hedgeflow.framing.FrameChecksum;
import io.hedgeflow.framing.FrameEncoder;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.UdpEndpoint;
import io.hedgeflow.gateway.UdpFramePublisher;
import io.hedgeflow.gateway.UdpFrameSource;
import io.hedgeflow.status.EngineCounters;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The control endpoint over real loopback datagrams, with the wall clock injected: sealed commands are accepted,
 * unsigned, forged (wrong key or altered), stale and replayed ones refused (nothing handed to the poller) and
 * counted by reason in the counters {@code hedgeflow stat} prints.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AuthenticatedControlTest
{
    private static final long NOW_NS = 1_780_000_000_000_000_000L;
    private static final long WINDOW_NS = 30_000_000_000L;
    private static final long WAIT_NS = TimeUnit.SECONDS.toNanos(10);

    @TempDir
    Path dir;

    private final long[] clock = {NOW_NS};
    private final UnsafeBuffer datagram = new UnsafeBuffer(new byte[CommandSeal.MAX_DATAGRAM_LENGTH]);
    private EngineCounters counters;
    private OperatorControl control;
    private UdpFramePublisher sender;
    private CommandSeal seal;
    private long nonce;

    @BeforeEach
    void open() throws Exception
    {
        final ControlKey key = TestKeys.load(dir.resolve("control.key"), TestKeys.SECRET);
        seal = new CommandSeal(key);
        counters = new EngineCounters(dir);
        final UdpFrameSource source = new UdpFrameSource(UdpEndpoint.parse("udp://127.0.0.1:0"), 1 << 16, 0);
        control = new OperatorControl(source, new EngineContext().controlKey(key).controlWindowNs(WINDOW_NS)
            .controlClock(() -> clock[0]), counters);
        sender = new UdpFramePublisher(UdpEndpoint.parse("udp://127.0.0.1:" + source.localPort()),
            CommandSeal.MAX_DATAGRAM_LENGTH);
    }

    @AfterEach
    void close()
    {
        sender.close();
        control.close();
        counters.close();
    }

    @Test
    void shouldAcceptSealedEngageAndRelease()
    {
        assertEquals(1, deliver(sealed(true, NOW_NS, ++nonce)));
        assertEquals(0, deliver(sealed(false, NOW_NS + WINDOW_NS, ++nonce)), "at the edge of the window");
        assertEquals(0, control.rejected());
        for (final ControlRefusal reason : ControlRefusal.values())
        {
            assertEquals(0, counters.controlRefused(reason).get(), reason.name());
        }
    }

    @Test
    void shouldRefuseAndCountUnsignedForgedStaleAndReplayedCommands() throws Exception
    {
        final int length = frame(false, NOW_NS);
        assertEquals(OperatorControl.NONE, deliver(length), "unsigned");

        final CommandSeal wrongKey = new CommandSeal(TestKeys.load(dir.resolve("other.key"), TestKeys.SECRET + "0"));
        assertEquals(OperatorControl.NONE, deliver(wrongKey.seal(datagram, 0, frame(false, NOW_NS), NOW_NS, 1L)),
            "wrong key");
        final int altered = sealed(true, NOW_NS, ++nonce);
        datagram.putByte(FrameHeader.MIN_FRAME_LENGTH, (byte)0);
        new FrameChecksum().seal(datagram, 0, altered - CommandSeal.LENGTH);
        assertEquals(OperatorControl.NONE, deliver(altered), "engage turned into release, CRC recomputed");

        assertEquals(OperatorControl.NONE, deliver(sealed(false, NOW_NS - WINDOW_NS - 1, ++nonce)), "too old");
        assertEquals(OperatorControl.NONE, deliver(sealed(false, NOW_NS + WINDOW_NS + 1, ++nonce)), "too new");
        assertEquals(OperatorControl.NONE, deliver(sealed(false, Long.MIN_VALUE, ++nonce)), "far past");

        final int release = sealed(false, NOW_NS, ++nonce);
        assertEquals(0, deliver(release));
        clock[0] += WINDOW_NS;
        assertEquals(OperatorControl.NONE, deliver(release), "the same datagram again within the window");
        clock[0] += 1;
        assertEquals(OperatorControl.NONE, deliver(release), "and after it: stale");

        assertEquals(1, counters.controlRefused(ControlRefusal.UNSIGNED).get());
        assertEquals(2, counters.controlRefused(ControlRefusal.FORGED).get());
        assertEquals(4, counters.controlRefused(ControlRefusal.STALE).get());
        assertEquals(1, counters.controlRefused(ControlRefusal.REPLAYED).get());
        assertEquals(8, control.rejected());

        final StringWriter out = new StringWriter();
        assertEquals(0, HedgeflowTool.execute(new PrintWriter(out), new PrintWriter(new StringWriter()),
            "stat", "--dir", dir.toString()));
        assertTrue(out.toString().matches("(?s).*\\s4\\s+control refused stale: operator commands refused.*"), out.toString());
        assertTrue(out.toString().matches("(?s).*\\s1\\s+control refused replayed: .*"), out.toString());
        assertFalse(out.toString().contains(TestKeys.SECRET), "the key is never shown");
    }

    private int sealed(final boolean engage, final long timestampNs, final long commandNonce)
    {
        return seal.seal(datagram, 0, frame(engage, timestampNs), timestampNs, commandNonce);
    }

    private int frame(final boolean engage, final long timeNs)
    {
        final KillSwitchEncoder killSwitch = new KillSwitchEncoder();
        final FrameEncoder encoder = new FrameEncoder();
        encoder.begin(datagram, 0, killSwitch, FrameHandler.CONTROL_CHANNEL, 1, timeNs);
        killSwitch.engaged((short)(engage ? 1 : 0)).origin(KillSwitchOrigin.OPERATOR);
        return encoder.end(killSwitch);
    }

    /** Sends one datagram and polls until the control endpoint accepted or dropped it. */
    private int deliver(final int length)
    {
        final long rejectedBefore = control.rejected();
        sender.send(datagram, 0, length);
        final long deadline = System.nanoTime() + WAIT_NS;
        while (System.nanoTime() < deadline)
        {
            final int command = control.poll();
            if (command != OperatorControl.NONE || control.rejected() > rejectedBefore)
            {
                return command;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        throw new AssertionError("the datagram never arrived");
    }
}
