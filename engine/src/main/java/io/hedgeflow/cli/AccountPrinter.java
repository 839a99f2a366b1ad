package io.hedgeflow.cli;

import io.hedgeflow.gateway.deribit.DeribitUnderlyings;
import io.hedgeflow.logic.AccountReport;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The account part of the {@code demo} and {@code run} reports, with the keys of {@code risk --account}: hedges the
 * margin constraints cut or refused, and per settlement currency {@code margin_model}, {@code equity},
 * {@code initial_margin}, {@code maintenance_margin}, {@code notional}, {@code leverage}, with per perpetual or
 * future position {@code liquidation_price} and {@code liquidation_distance} (percent of the index); null (JSON) or
 * none (text) when not known. The logic computes standard margin, so margin_model is standard.
 */
final class AccountPrinter
{
    private static final DeribitUnderlyings COINS = new DeribitUnderlyings();

    private AccountPrinter()
    {
    }

    /** USDC for the linear currency, else the coin's name (or its underlying id when it has none). */
    static String currency(final AccountReport a)
    {
        final String coin = a.inverse() ? COINS.name(a.underlyingId()) : "USDC";
        return coin != null ? coin : Integer.toString(a.underlyingId());
    }

    static void printText(
        final PrintWriter out, final long limited, final long refused, final List<AccountReport> accounts)
    {
        out.printf(Locale.ROOT, "margin limits     %,d hedges cut (margin_limited), %,d refused (margin_refused)%n",
            limited, refused);
        for (final AccountReport a : accounts)
        {
            out.printf(Locale.ROOT, "margin %s  margin_model %s  equity %s  initial_margin %.6g  " +
                "maintenance_margin %.6g  notional %.6g  leverage %s%n", currency(a), AccountReport.MARGIN_MODEL,
                text(a.equity()), a.initialMargin(), a.maintenanceMargin(), a.notional(), text(a.leverage()));
            for (final AccountReport.Position p : a.positions())
            {
                out.printf(Locale.ROOT, "  instrument %-15d %,.4f contracts  liquidation_price %s  " +
                    "liquidation_distance %s%n", p.instrumentId(), p.contracts(), text(p.liquidationPrice()),
                    Double.isFinite(p.liquidationDistance()) ? text(p.liquidationDistance()) + "%" : "none");
            }
        }
    }

    static void appendJson(
        final StringBuilder sb, final long limited, final long refused, final List<AccountReport> accounts)
    {
        sb.append(",\"margin_limited\":").append(limited).append(",\"margin_refused\":").append(refused)
            .append(",\"margin\":[");
        for (int k = 0; k < accounts.size(); k++)
        {
            final AccountReport a = accounts.get(k);
            sb.append(k == 0 ? "" : ",").append("{\"currency\":\"").append(Json.escape(currency(a))).append('"')
                .append(",\"margin_model\":\"").append(AccountReport.MARGIN_MODEL).append('"')
                .append(",\"equity\":").append(json(a.equity()))
                .append(",\"initial_margin\":").append(json(a.initialMargin()))
                .append(",\"maintenance_margin\":").append(json(a.maintenanceMargin()))
                .append(",\"notional\":").append(json(a.notional()))
                .append(",\"leverage\":").append(json(a.leverage()))
                .append(",\"positions\":[");
            for (int j = 0; j < a.positions().size(); j++)
            {
                final AccountReport.Position p = a.positions().get(j);
                sb.append(j == 0 ? "" : ",").append("{\"instrument_id\":").append(p.instrumentId())
                    .append(",\"contracts\":").append(json(p.contracts()))
                    .append(",\"liquidation_price\":").append(json(p.liquidationPrice()))
                    .append(",\"liquidation_distance\":").append(json(p.liquidationDistance())).append('}');
            }
            sb.append("]}");
        }
        sb.append(']');
    }

    private static String json(final double value)
    {
        return Double.isFinite(value) ? Double.toString(value) : "null";
    }

    private static String text(final double value)
    {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6g", value) : "none";
    }
}
