package io.hedgeflow.cli;

import io.hedgeflow.gateway.FrameSource;
import io.hedgeflow.gateway.deribit.DeribitFrameSource;
import io.hedgeflow.gateway.deribit.FeedCounters;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What an exchange feed gateway delivered (the Deribit gateway's counters), for the reports of run and risk. */
public record FeedReport(
    long packets,
    Map<Integer, Long> messages,
    long malformed,
    long gaps,
    long duplicates,
    long unknownTemplates,
    long truncated,
    long noIv)
{
    /** The report of a Deribit source; null for other sources. */
    public static FeedReport of(final FrameSource source)
    {
        if (!(source.origin() instanceof DeribitFrameSource deribit))
        {
            return null;
        }
        final FeedCounters c = deribit.counters();
        final Map<Integer, Long> messages = new TreeMap<>();
        for (int t = FeedCounters.FIRST_TEMPLATE; t <= FeedCounters.LAST_TEMPLATE; t++)
        {
            if (c.messages(t) > 0)
            {
                messages.put(t, c.messages(t));
            }
        }
        return new FeedReport(c.packets(), messages, c.malformed(), c.gaps(), c.duplicates(), c.unknownTemplates(),
            c.truncated(), c.noIv());
    }

    /** One warning line on err when the capture was cut short: what follows was read only up to its cut. */
    void warnIfCutShort(final PrintWriter err, final String command, final String feed)
    {
        if (truncated > 0)
        {
            err.printf(Locale.ROOT, "hedgeflow %s: warning: %s is cut short (its last packet is incomplete): read " +
                "up to its last whole packet%n", command, feed).flush();
        }
    }

    void printText(final PrintWriter out)
    {
        final StringBuilder sb = new StringBuilder();
        messages.forEach((t, n) -> sb.append(sb.isEmpty() ? "" : ", ").append(t).append(": ").append(n));
        out.printf(Locale.ROOT, "deribit feed      packets %,d, messages (%s), malformed %,d, gaps %,d, " +
            "duplicates %,d, unknown templates %,d, truncated %,d, marks without implied vol %,d%n", packets, sb,
            malformed, gaps, duplicates, unknownTemplates, truncated, noIv);
    }

    /**
     * The JSON object: packets, messages (template id -> count), malformed, gaps, duplicates, unknown_templates,
     * truncated (1 when a capture file was cut short: its last packet or block is incomplete), no_iv.
     */
    void appendJson(final StringBuilder sb)
    {
        sb.append("{\"packets\":").append(packets).append(",\"messages\":{");
        final int start = sb.length();
        messages.forEach((t, n) -> sb.append(sb.length() == start ? "" : ",").append('"').append(t).append("\":")
            .append(n));
        sb.append("},\"malformed\":").append(malformed)
            .append(",\"gaps\":").append(gaps)
            .append(",\"duplicates\":").append(duplicates)
            .append(",\"unknown_templates\":").append(unknownTemplates)
            .append(",\"truncated\":").append(truncated)
            .append(",\"no_iv\":").append(noIv).append('}');
    }
}
