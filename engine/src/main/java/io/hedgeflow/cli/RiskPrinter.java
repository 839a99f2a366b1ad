package io.hedgeflow.cli;

import io.hedgeflow.gateway.deribit.BookMargin;
import io.hedgeflow.gateway.deribit.BookRisk;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The {@code risk} report as text or JSON; a value that does not exist (NaN) is null in JSON and - in text. */
final class RiskPrinter
{
    private RiskPrinter()
    {
    }

    /** The report; margin null without an account file (no {@code margin} key). */
    static String json(
        final List<BookRisk.UnderlyingRisk> risk, final List<BookMargin.CurrencyMargin> margin, final long endTimeNs,
        final FeedReport feed)
    {
        final StringBuilder sb = new StringBuilder(4096).append("{\"time\":\"")
            .append(Instant.ofEpochSecond(0, endTimeNs)).append("\",\"underlyings\":[");
        for (int u = 0; u < risk.size(); u++)
        {
            final BookRisk.UnderlyingRisk r = risk.get(u);
            sb.append(u == 0 ? "" : ",").append("{\"underlying\":\"").append(Json.escape(r.underlying()))
                .append("\",\"index\":").append(number(r.index())).append(",\"forwards\":[");
            for (int f = 0; f < r.forwards().size(); f++)
            {
                final BookRisk.Forward forward = r.forwards().get(f);
                sb.append(f == 0 ? "" : ",").append("{\"expiry\":\"").append(Instant.ofEpochSecond(0,
                    forward.expiryNs())).append("\",\"forward\":").append(number(forward.forward())).append('}');
            }
            sb.append("],");
            greeks(sb, r.delta(), r.deltaPremiumAdjusted(), r.gamma(), r.vega(), r.theta());
            sb.append(",\"no_iv\":").append(r.noIv()).append(",\"positions\":[");
            for (int p = 0; p < r.positions().size(); p++)
            {
                final BookRisk.PositionRisk position = r.positions().get(p);
                sb.append(p == 0 ? "" : ",").append("{\"instrument\":\"").append(Json.escape(position.instrument()))
                    .append("\",\"size\":").append(number(position.size()))
                    .append(",\"mark\":").append(number(position.mark()))
                    .append(",\"forward\":").append(number(position.forward()))
                    .append(",\"iv\":").append(number(position.iv())).append(',');
                greeks(sb, position.delta(), position.deltaPremiumAdjusted(), position.gamma(), position.vega(),
                    position.theta());
                sb.append('}');
            }
            sb.append("]}");
        }
        sb.append(']');
        if (margin != null)
        {
            marginJson(sb, margin);
        }
        sb.append(",\"feed\":");
        feed.appendJson(sb);
        return sb.append('}').toString();
    }

    private static void greeks(
        final StringBuilder sb, final double delta, final double adjusted, final double gamma, final double vega,
        final double theta)
    {
        sb.append("\"delta\":").append(number(delta))
            .append(",\"delta_premium_adjusted\":").append(number(adjusted))
            .append(",\"gamma\":").append(number(gamma))
            .append(",\"vega\":").append(number(vega))
            .append(",\"theta\":").append(number(theta));
    }

    private static String number(final double value)
    {
        return Double.isFinite(value) ? Double.toString(value) : "null";
    }

    static void text(final List<BookRisk.UnderlyingRisk> risk, final long endTimeNs, final PrintWriter out)
    {
        out.printf(Locale.ROOT, "risk at the end of the feed, %s%n", Instant.ofEpochSecond(0, endTimeNs));
        for (final BookRisk.UnderlyingRisk r : risk)
        {
            out.printf(Locale.ROOT, "%s  index %s  delta %s coin (premium-adjusted %s)  gamma %s /USD  vega %s USD" +
                "  theta %s USD/yr  options without implied vol %d%n", r.underlying(), text(r.index(), 2),
                text(r.delta(), 4), text(r.deltaPremiumAdjusted(), 4), text(r.gamma(), 8), text(r.vega(), 2),
                text(r.theta(), 2), r.noIv());
            for (final BookRisk.Forward forward : r.forwards())
            {
                out.printf(Locale.ROOT, "  forward %s  %s%n", Instant.ofEpochSecond(0, forward.expiryNs()),
                    text(forward.forward(), 2));
            }
            out.printf(Locale.ROOT, "  %-26s %12s %10s %10s %8s %10s %10s %12s %12s %14s%n", "instrument", "size",
                "mark", "forward", "iv", "delta", "delta_pa", "gamma", "vega", "theta");
            for (final BookRisk.PositionRisk p : r.positions())
            {
                out.printf(Locale.ROOT, "  %-26s %12s %10s %10s %8s %10s %10s %12s %12s %14s%n", p.instrument(),
                    text(p.size(), 2), text(p.mark(), 4), text(p.forward(), 2), text(p.iv(), 4), text(p.delta(), 4),
                    text(p.deltaPremiumAdjusted(), 4), text(p.gamma(), 8), text(p.vega(), 2), text(p.theta(), 2));
            }
        }
    }

    private static String text(final double value, final int decimals)
    {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "-";
    }

    private static void marginJson(final StringBuilder sb, final List<BookMargin.CurrencyMargin> margin)
    {
        sb.append(",\"margin\":[");
        for (int c = 0; c < margin.size(); c++)
        {
            final BookMargin.CurrencyMargin m = margin.get(c);
            sb.append(c == 0 ? "" : ",").append("{\"currency\":\"").append(Json.escape(m.currency()))
                .append("\",\"margin_model\":\"").append(m.model().label())
                .append("\",\"equity\":").append(number(m.equity()))
                .append(",\"initial_margin\":").append(number(m.initialMargin()))
                .append(",\"maintenance_margin\":").append(number(m.maintenanceMargin()))
                .append(",\"notional\":").append(number(m.notional()))
                .append(",\"leverage\":").append(number(m.leverage())).append(",\"positions\":[");
            for (int p = 0; p < m.positions().size(); p++)
            {
                final BookMargin.PositionMargin position = m.positions().get(p);
                sb.append(p == 0 ? "" : ",").append("{\"instrument\":\"").append(Json.escape(position.instrument()))
                    .append("\",\"size\":").append(number(position.size()))
                    .append(",\"liquidation_price\":").append(number(position.liquidationPrice()))
                    .append(",\"liquidation_distance\":").append(number(position.liquidationDistance())).append('}');
            }
            sb.append("]}");
        }
        sb.append(']');
    }

    /** Per settlement currency its margin line and per future or perpetual its liquidation estimate. */
    static void marginText(final List<BookMargin.CurrencyMargin> margin, final PrintWriter out)
    {
        for (final BookMargin.CurrencyMargin m : margin)
        {
            out.printf(Locale.ROOT, "margin %s  margin_model %s  equity %s  initial_margin %s  maintenance_margin %s" +
                "  notional %s  leverage %s%n", m.currency(), m.model().label(), text(m.equity(), 6),
                text(m.initialMargin(), 6), text(m.maintenanceMargin(), 6), text(m.notional(), 6),
                text(m.leverage(), 4));
            for (final BookMargin.PositionMargin p : m.positions())
            {
                out.printf(Locale.ROOT, "  %-26s %12s  liquidation_price %s  liquidation_distance %s%s%n",
                    p.instrument(), text(p.size(), 2), text(p.liquidationPrice(), 2),
                    text(p.liquidationDistance(), 2), Double.isFinite(p.liquidationDistance()) ? "%" : "");
            }
        }
    }
}
