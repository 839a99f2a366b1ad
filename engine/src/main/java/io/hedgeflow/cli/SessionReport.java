package io.hedgeflow.cli;

import io.hedgeflow.codecs.RiskVerdict;
import io.hedgeflow.logic.AccountReport;
import io.hedgeflow.logic.HedgeLogic;
import io.hedgeflow.logic.LogicCounters;
import io.hedgeflow.logic.RejectReason;
import io.hedgeflow.logic.UnderlyingReport;
import org.HdrHistogram.Histogram;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a session did, printed as a human report or as one JSON object (also built by the cluster clients). */
public record SessionReport(
    long events,
    long measuredEvents,
    double eventsPerSecond,
    long decisions,
    long orders,
    long fills,
    long rejectedFrames,
    String rejectDetail,
    String verdictDetail,
    long gaps,
    long staleSkips,
    long p50,
    long p99,
    long p999,
    long max,
    long latencySamples,
    long gcCollections,
    Path journal,
    long journalBytes,
    List<UnderlyingReport> underlyings,
    long marginLimited,
    long marginRefused,
    List<AccountReport> accounts,
    FeedReport feed)
{
    public static SessionReport of(
        final HedgeLogic logic,
        final long events,
        final long measured,
        final long elapsedNs,
        final Histogram latency,
        final long gcCollections,
        final long sourceRejected,
        final Path journal,
        final long journalBytes,
        final FeedReport feed)
    {
        final LogicCounters c = logic.counters();
        final List<UnderlyingReport> underlyings = new ArrayList<>();
        for (int k = 0; k < logic.underlyingCount(); k++)
        {
            underlyings.add(logic.report(k));
        }
        return new SessionReport(events, measured, elapsedNs > 0 ? measured * 1e9 / elapsedNs : 0.0,
            c.decisions(), c.orders(), c.fills(), c.rejected() + sourceRejected, rejectDetail(c, sourceRejected),
            verdictDetail(c), c.gaps(), c.staleSkips(),
            latency.getValueAtPercentile(50), latency.getValueAtPercentile(99), latency.getValueAtPercentile(99.9),
            latency.getMaxValue(), latency.getTotalCount(), gcCollections, journal, journalBytes, underlyings,
            c.marginLimited(), c.marginRefused(), logic.accounts(), feed);
    }

    void printText(final PrintWriter out)
    {
        out.printf(Locale.ROOT, "events            %,d (measured %,d at %,.0f events/s)%n", events, measuredEvents,
            eventsPerSecond);
        out.printf(Locale.ROOT, "decisions         %,d%s%norders            %,d%nfills             %,d%n",
            decisions, verdictDetail.isEmpty() ? "" : " (" + verdictDetail + ")", orders, fills);
        out.printf(Locale.ROOT, "rejected frames   %,d%s%n", rejectedFrames, rejectDetail);
        out.printf(Locale.ROOT, "sequence gaps     %,d (hedge evaluations skipped on stale data %,d)%n", gaps,
            staleSkips);
        out.printf(Locale.ROOT, "tick-to-decision  p50 %,d ns  p99 %,d ns  p99.9 %,d ns  max %,d ns  (%,d samples)%n",
            p50, p99, p999, max, latencySamples);
        out.printf(Locale.ROOT, "GC collections    %d during the measured phase%n", gcCollections);
        for (final UnderlyingReport u : underlyings)
        {
            final String unit = u.inverse() ? "coin" : "USD";
            out.printf(Locale.ROOT, "underlying %d      index %,.2f  delta hedged %+.4f  unhedged %+.4f%n",
                u.underlyingId(), u.indexPrice(), u.hedgedDelta(), u.unhedgedDelta());
            out.printf(Locale.ROOT,
                "                  P&L sd per sample (%d samples, %s book): hedged %.6g  unhedged %.6g  " +
                "(USD %,.2f vs %,.2f)%n", u.pnlSamples(), unit, u.pnlSdHedged(), u.pnlSdUnhedged(),
                u.toUsd(u.pnlSdHedged()), u.toUsd(u.pnlSdUnhedged()));
            out.printf(Locale.ROOT,
                "                  policy %s: %,d fills, %,.4g contracts, costs %.6g %s (fees %.6g + spread/slippage " +
                "vs mid %.6g; USD %,.2f), mean |delta| %.4f%n", u.policy(), u.fills(), u.contracts(),
                u.fees() + u.slippage(), unit, u.fees(), u.slippage(), u.toUsd(u.fees() + u.slippage()),
                u.meanAbsDelta());
        }
        AccountPrinter.printText(out, marginLimited, marginRefused, accounts);
        if (feed != null)
        {
            feed.printText(out);
        }
        out.printf(Locale.ROOT, "journal           %s (%,d bytes)%n", journal, journalBytes);
    }

    private static String verdictDetail(final LogicCounters counters)
    {
        final StringBuilder sb = new StringBuilder();
        for (final RiskVerdict verdict : RiskVerdict.values())
        {
            final long n = verdict == RiskVerdict.NULL_VAL ? 0 : counters.verdicts(verdict);
            if (n > 0)
            {
                sb.append(sb.isEmpty() ? "" : ", ").append(verdict.name().toLowerCase(Locale.ROOT)).append(' ')
                    .append(String.format(Locale.ROOT, "%,d", n));
            }
        }
        return sb.toString();
    }

    private static String rejectDetail(final LogicCounters counters, final long sourceRejected)
    {
        final StringBuilder sb = new StringBuilder();
        if (sourceRejected > 0)
        {
            sb.append(" (unreadable records ").append(String.format(Locale.ROOT, "%,d", sourceRejected));
        }
        for (final RejectReason reason : RejectReason.values())
        {
            final long n = counters.rejected(reason);
            if (n > 0)
            {
                sb.append(sb.isEmpty() ? " (" : ", ").append(reason.name().toLowerCase(Locale.ROOT)).append(' ')
                    .append(String.format(Locale.ROOT, "%,d", n));
            }
        }
        return sb.isEmpty() ? "" : sb.append(')').toString();
    }

    void printJson(final PrintWriter out)
    {
        final StringBuilder sb = new StringBuilder(512);
        sb.append("{\"events\":").append(events)
            .append(",\"measured_events\":").append(measuredEvents)
            .append(",\"events_per_second\":").append(Math.round(eventsPerSecond))
            .append(",\"decisions\":").append(decisions)
            .append(",\"orders\":").append(orders)
            .append(",\"fills\":").append(fills)
            .append(",\"rejected_frames\":").append(rejectedFrames)
            .append(",\"gaps\":").append(gaps)
            .append(",\"stale_skips\":").append(staleSkips)
            .append(",\"latency_ns\":{\"p50\":").append(p50).append(",\"p99\":").append(p99)
            .append(",\"p999\":").append(p999).append(",\"max\":").append(max)
            .append(",\"samples\":").append(latencySamples).append('}')
            .append(",\"gc_collections\":").append(gcCollections)
            .append(",\"journal\":\"").append(Json.escape(journal.toString())).append('"')
            .append(",\"journal_bytes\":").append(journalBytes)
            .append(",\"underlyings\":[");
        for (int k = 0; k < underlyings.size(); k++)
        {
            final UnderlyingReport u = underlyings.get(k);
            sb.append(k == 0 ? "" : ",").append("{\"underlying_id\":").append(u.underlyingId())
                .append(",\"index_price\":").append(u.indexPrice())
                .append(",\"delta_hedged\":").append(u.hedgedDelta())
                .append(",\"delta_unhedged\":").append(u.unhedgedDelta())
                .append(",\"pnl_samples\":").append(u.pnlSamples())
                .append(",\"pnl_currency\":\"").append(u.inverse() ? "coin" : "USD").append('"')
                .append(",\"pnl_sd_hedged\":").append(u.pnlSdHedged())
                .append(",\"pnl_sd_unhedged\":").append(u.pnlSdUnhedged())
                .append(",\"pnl_sd_hedged_usd\":").append(u.toUsd(u.pnlSdHedged()))
                .append(",\"pnl_sd_unhedged_usd\":").append(u.toUsd(u.pnlSdUnhedged()))
                .append(",\"policy\":\"").append(u.policy()).append('"')
                .append(",\"fills\":").append(u.fills())
                .append(",\"contracts\":").append(u.contracts())
                .append(",\"fees\":").append(u.fees())
                .append(",\"slippage\":").append(u.slippage())
                .append(",\"costs\":").append(u.fees() + u.slippage())
                .append(",\"costs_usd\":").append(u.toUsd(u.fees() + u.slippage()))
                .append(",\"mean_abs_delta\":").append(u.meanAbsDelta()).append('}');
        }
        sb.append(']');
        AccountPrinter.appendJson(sb, marginLimited, marginRefused, accounts);
        if (feed != null)
        {
            sb.append(",\"feed\":");
            feed.appendJson(sb);
        }
        sb.append('}');
        out.println(sb);
    }
}
