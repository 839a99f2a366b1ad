package io.hedgeflow.cli;

import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.FrameSource;
import io.hedgeflow.gateway.deribit.AccountFile;
import io.hedgeflow.gateway.deribit.BookMargin;
import io.hedgeflow.gateway.deribit.BookRisk;
import io.hedgeflow.gateway.deribit.DeribitFrameSource;
import io.hedgeflow.gateway.deribit.PositionsFile;
import io.hedgeflow.pipeline.EngineContext;
import org.agrona.concurrent.UnsafeBuffer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code risk}: the book's Greeks at the end of a Deribit feed ({@link BookRisk}): per underlying the index, the
 * forward per expiry and the totals, per position the mark, forward, implied volatility (null when the mark admits
 * none) and Greeks; plus what the feed delivered. JSON keys: {@code time} (the end of the feed),
 * {@code underlyings} [ {@code underlying},
 * {@code index}, {@code forwards}, {@code delta}, {@code delta_premium_adjusted}, {@code gamma}, {@code vega},
 * {@code theta}, {@code no_iv}, {@code positions} [ {@code instrument}, {@code size}, {@code mark},
 * {@code forward}, {@code iv}, {@code delta}, {@code delta_premium_adjusted}, {@code gamma}, {@code vega},
 * {@code theta} ] ], {@code feed}. With {@code --account FILE} also {@code margin} [ {@code currency},
 * {@code margin_model}, {@code equity}, {@code initial_margin}, {@code maintenance_margin}, {@code notional},
 * {@code leverage}, {@code positions} [ {@code instrument}, {@code size}, {@code liquidation_price},
 * {@code liquidation_distance} ] ] per settlement currency ({@link BookMargin}, docs/margin.md).
 */
@Command(name = "risk", mixinStandardHelpOptions = true,
    description = "The book's Greeks at the end of a Deribit feed (pcap:FILE or deribit+udp://...).")
final class RiskCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--feed", required = true, description = "pcap:FILE (pcap or pcapng) or " +
        "deribit+udp://GROUP:PORT@INTERFACE[,GROUP_B:PORT].")
    String feed;

    @Option(names = "--channels", split = ",", paramLabel = "PORT", description = "Read only these destination " +
        "ports (default: all).")
    int[] channels = new int[0];

    @Option(names = "--positions", required = true, description = "Deribit private/get_positions JSON (the whole " +
        "response or its result array) or a CSV of instrument,size.")
    Path positions;

    @Option(names = "--account", description = "Deribit private/get_account_summary JSON (the whole response, its " +
        "result, or a list of results per currency) or the same keys in YAML: adds margin, leverage and " +
        "liquidation estimates per settlement currency.")
    Path account;

    @Option(names = "--idle-timeout", defaultValue = "5s", converter = DurationConverter.class, description =
        "deribit+udp: the feed ends after this long without a packet once one arrived (default ${DEFAULT-VALUE}).")
    Duration idleTimeout;

    @Option(names = "--receive-buffer", description = "deribit+udp: socket receive buffer in bytes " +
        "(default ${DEFAULT-VALUE}; capped by net.core.rmem_max).", defaultValue = "8388608")
    int receiveBuffer;

    @Mixin
    ConfigOption config = new ConfigOption();

    @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE}).")
    Format format;

    public Integer call() throws IOException
    {
        Options.positive("--receive-buffer", receiveBuffer);
        final List<PositionsFile.Position> book = PositionsFile.read(positions);
        final List<AccountFile.Account> accounts = account == null ? null : AccountFile.read(account);
        final EngineContext ctx = config.load();
        final List<BookRisk.UnderlyingRisk> risk;
        final List<BookMargin.CurrencyMargin> margin;
        final FeedReport feedReport;
        final long endTimeNs;
        try (DeribitFrameSource source = Feeds.openDeribit("--feed", feed, channels, receiveBuffer,
            idleTimeout.toNanos(), ctx.logicContext()))
        {
            endTimeNs = drain(source);
            risk = BookRisk.of(source.instruments(), positions, book, endTimeNs);
            margin = accounts == null ? null :
                BookMargin.of(source.instruments(), book, accounts, ctx.logicContext().margin(), endTimeNs);
            feedReport = FeedReport.of(source);
        }
        feedReport.warnIfCutShort(spec.commandLine().getErr(), "risk", feed);
        final PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json)
        {
            out.println(RiskPrinter.json(risk, margin, endTimeNs, feedReport));
        }
        else
        {
            RiskPrinter.text(risk, endTimeNs, out);
            if (margin != null)
            {
                RiskPrinter.marginText(margin, out);
            }
            feedReport.printText(out);
        }
        out.flush();
        return HedgeflowTool.EXIT_OK;
    }

    /** Polls the source to its end; returns the logic time of its last frame. */
    private static long drain(final FrameSource source)
    {
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
        long endTimeNs = 0;
        int length;
        while ((length = source.poll(frame, 0, FrameHeader.MAX_FRAME_LENGTH)) != FrameSource.END)
        {
            if (length >= FrameHeader.MIN_FRAME_LENGTH)
            {
                endTimeNs = Math.max(endTimeNs, FrameHeader.sendingTimeNs(frame, 0));
            }
        }
        return endTimeNs;
    }
}
