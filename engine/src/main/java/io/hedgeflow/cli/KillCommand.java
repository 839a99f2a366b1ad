package io.hedgeflow.cli;

import io.hedgeflow.codecs.KillSwitchEncoder;
import io.hedgeflow.codecs.KillSwitchOrigin;
import io.hedgeflow.control.CommandSeal;
import io.hedgeflow.framing.FrameEncoder;
import io.hedgeflow.gateway.UdpEndpoint;
import io.hedgeflow.gateway.UdpFramePublisher;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;

/**
 * {@code kill}: sends one KillSwitch frame (origin OPERATOR), sealed with the control key, the wall clock time and a
 * random nonce ({@link CommandSeal}), to the control endpoint of a running engine
 * ({@code run --control udp://HOST:PORT --control-key FILE}), which journals it as an input and engages or releases
 * the kill switch.
 */
@Command(name = "kill", mixinStandardHelpOptions = true,
    description = "Engage or release the kill switch of a running engine through its control endpoint.")
final class KillCommand implements Callable<Integer>
{
    /** Channel the frame is sent on; the engine re-stamps it on its own control channel anyway. */
    private static final int CHANNEL = 3;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    @Option(names = "--to", required = true, description = "The engine's control endpoint, udp://HOST:PORT.")
    String to;

    @Option(names = "--control-key", required = true, description = "File (owner-only permissions) holding the " +
        "secret the engine's --control-key holds; the command is signed with it.")
    Path controlKey;

    /** Exactly one of --engage and --release. */
    static final class Action
    {
        @Option(names = "--engage", required = true, description = "Stop all new orders.")
        boolean engage;

        @Option(names = "--release", required = true, description = "Resume trading (also resets the breaker).")
        boolean release;
    }

    public Integer call() throws Exception
    {
        final UdpEndpoint endpoint = Feeds.udpDestination("--to", to);
        final CommandSeal seal = new CommandSeal(Options.controlKey(controlKey));
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[CommandSeal.MAX_DATAGRAM_LENGTH]);
        final KillSwitchEncoder killSwitch = new KillSwitchEncoder();
        final FrameEncoder encoder = new FrameEncoder();
        final long nowNs = new SystemEpochNanoClock().nanoTime();
        encoder.begin(frame, 0, killSwitch, CHANNEL, 1, nowNs);
        killSwitch.engaged((short)(action.engage ? 1 : 0)).origin(KillSwitchOrigin.OPERATOR);
        final int length = seal.seal(frame, 0, encoder.end(killSwitch), nowNs, new SecureRandom().nextLong());
        try (UdpFramePublisher publisher = new UdpFramePublisher(endpoint, CommandSeal.MAX_DATAGRAM_LENGTH))
        {
            publisher.send(frame, 0, length);
        }
        spec.commandLine().getOut().printf("sent kill switch %s to %s (check: hedgeflow dump JOURNAL --type " +
            "KillSwitch)%n", action.engage ? "engage" : "release", endpoint);
        return HedgeflowTool.EXIT_OK;
    }
}
