package io.hedgeflow.backtest;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The step-by-step account of one path, as in Hull's delta-hedging tables. One row per grid point after its
 * trades: delta per option as the logic computed it, hedge position (shares), shares traded, cash paid for them
 * (fees included), interest accrued on the financed balance since the previous row (less dividends earned by the
 * hedge) and the cumulative cost including that interest. The last point has two rows, as Hull's tables 19.2 and
 * 19.3 end: the point itself (its interest, no rebalance), then the settlement at the same time and spot: the hedge
 * unwound at the spot and the option settled at its value (in the money, the shares delivered for the strike; out
 * of the money, the shares left sold), so the hedge position ends at 0 and the last cumulative cost is the cost of
 * writing and hedging the summary reports.
 */
public final class Ledger
{
    /** CSV header. */
    public static final String HEADER =
        "step,time,spot,delta,hedge_position,trade_qty,trade_cost,interest,cumulative_cost";

    /** One row. */
    public record Row(
        int step, double time, double spot, double delta, double hedgePosition, double tradeQty, double tradeCost,
        double interest, double cumulativeCost)
    {
    }

    private final List<Row> rows = new ArrayList<>();

    void add(final Row row)
    {
        rows.add(row);
    }

    public List<Row> rows()
    {
        return rows;
    }

    public void writeCsv(final Writer out) throws IOException
    {
        out.write(HEADER);
        out.write('\n');
        for (final Row r : rows)
        {
            out.write(String.format(Locale.ROOT, "%d,%.10g,%.8f,%.6f,%.8f,%.8f,%.6f,%.6f,%.6f%n", r.step, r.time,
                r.spot, r.delta, r.hedgePosition, r.tradeQty, r.tradeCost, r.interest, r.cumulativeCost));
        }
    }
}
