package io.hedgeflow.backtest;

import io.hedgeflow.codecs.ExecType;
import io.hedgeflow.codecs.ExecutionReportDecoder;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderDecoder;
import io.hedgeflow.codecs.Side;
import io.hedgeflow.framing.Fixed8;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.greeks.BlackScholes;
import io.hedgeflow.logic.HedgeLogic;
import io.hedgeflow.logic.LogicContext;
import io.hedgeflow.risk.LimitsContext;
import io.hedgeflow.sim.SimContext;
import io.hedgeflow.sim.SimExchange;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Runs one path through the production {@link HedgeLogic} and a {@link SimExchange}, closing the loop with frames:
 * <pre>
 *  t0   InstrumentDefinition (hedge: linear perpetual, 1 share per contract, lot = delta rounding x |Q|; option)
 *       Quote, OptionTicker (mark IV), OptionTrade (the position, at the BSM price), IndexPrice  ─► logic
 *  t_k  Quote, [OptionTicker when the path's vol changes], IndexPrice                            ─► logic
 *       logic NewOrder ─► exchange (latency 0, fills at the quote, fee = cost bps) ─► ExecutionReport ─► logic
 *  end  settlement: the option is exercised or marked, the hedge delivered at the last spot (no trade)
 * </pre>
 * With margin constraints ({@link MarginSpec}) an AccountSnapshot of the equity opens the path and every step
 * carries the option's mark (OptionTicker at its Black-Scholes value), so the logic keeps the account as live.
 * Quotes have zero spread: the proportional cost is the exchange fee. Between points the financed balance (the
 * cumulative cost) accrues interest at e^{r dt} - 1 and the hedge earns its dividend yield (Hull's convention);
 * the last point is not fed to the logic, so the book ends as the hedger held it. One logic per path, so paths are
 * independent of each other and of the thread running them. Not thread safe.
 */
public final class BacktestHost
{
    /** Logic time of the start of every path: 2026-01-01T00:00:00Z. */
    public static final long START_NS = 1_767_225_600_000_000_000L;
    private static final long EXPIRY_TOLERANCE_NS = 1_000_000_000L;

    private final OptionPosition position;
    private final PolicySpec policy;
    private final double lot;
    private final double costBps;
    private final SimContext simContext;
    private final HostFrames frames = new HostFrames();
    private final UnsafeBuffer output = new UnsafeBuffer(new byte[HedgeLogic.MAX_OUTPUT_LENGTH * 4]);
    private final UnsafeBuffer report = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final ExecutionReportDecoder execution = new ExecutionReportDecoder();
    private final PnlAttribution attribution;
    private HedgeLogic logic;
    private SimExchange exchange;
    private long ring;
    private double hedge;
    private double cumulative;
    private double stepQty;
    private double stepCash;
    private PathResult result;

    /**
     * @param position      the option position.
     * @param policy        the hedging policy the logic runs.
     * @param costBps       proportional transaction cost, basis points of the traded notional (exchange fee).
     * @param deltaRounding hedge granularity in shares per option (0.001 as in Hull's tables); 0 = none (1e-8).
     */
    public BacktestHost(
        final OptionPosition position, final PolicySpec policy, final double costBps, final double deltaRounding)
    {
        this.position = position;
        this.policy = policy;
        this.attribution = new PnlAttribution(position);
        this.costBps = costBps;
        this.lot = deltaRounding > 0.0 ? deltaRounding * Math.abs(position.quantity()) : HostFrames.TICK;
        this.simContext = new SimContext().latencyNs(0).takerFeeBps(costBps).orderCapacity(8).instrumentCapacity(4);
    }

    /** The logic's configuration for this host: its policy, the position's rate and carry, limits that never bind. */
    LogicContext logicContext()
    {
        return new LogicContext().maxInstruments(4).maxUnderlyings(1).maxOptionsPerUnderlying(1)
            .maxOpenOrders(8).rate(position.rate()).carry(position.dividend()).limitOffset(0.01)
            .retryIntervalNs(1).pnlSampleIntervalNs(Durations.YEAR_NS).limits(new LimitsContext()
                .maxOrderQuantity(1e15).maxOrderNotionalUsd(1e18).priceCollarBps(1_000).maxPositionContracts(1e15)
                .orderRatePerSecond(1e9).orderBurst(1e9).duplicateWindowNs(1).circuitBreakerRejects(1_000_000)
                .maxDrawdownUsd(1e18))
            .policy(policy.logicPolicy(position, costBps));
    }

    /**
     * Hedges the position along a path and fills result; with a ledger, adds one row per point; with attribute,
     * splits the P&amp;L into Greeks (Black-Scholes at the hedger's vol, for the report only).
     */
    public void run(final MarketPath path, final PathResult result, final Ledger ledger, final boolean attribute)
    {
        this.result = result;
        result.clear();
        hedge = 0.0;
        cumulative = 0.0;
        ring = 0;
        final long expiryNs = START_NS + Durations.ns(position.maturity());
        try (HedgeLogic logic = new HedgeLogic(logicContext()))
        {
            this.logic = logic;
            this.exchange = new SimExchange(simContext);
            open(path, expiryNs, ledger);
            final int last = path.points() - 1;
            final boolean marked = policy.margin() != null;
            for (int k = 1; k <= last; k++)
            {
                final double dt = path.time[k] - path.time[k - 1];
                final double interest = accrue(dt, fixed(path.spot[k - 1]));
                if (attribute)
                {
                    attribute(path, k, expiryNs, interest);
                }
                if (k < last)
                {
                    step(path, k, marked ? expiryNs : 0L);
                    row(ledger, path, k, Double.NaN, interest);
                }
                else
                {
                    settle(path, k, expiryNs, ledger, interest);
                }
            }
            result.decisions = logic.counters().decisions();
            result.marginBound = logic.counters().marginLimited() + logic.counters().marginRefused();
        }
        this.logic = null;
    }

    private void open(final MarketPath path, final long expiryNs, final Ledger ledger)
    {
        frames.restart(START_NS);
        final long spot = Fixed8.fromDouble(path.spot[0]);
        if (policy.margin() != null)
        {
            feed(frames.accountSnapshot(policy.margin().equity()));
        }
        feed(frames.hedgeDefinition(lot));
        feed(frames.optionDefinition(position.call(), position.strike(), expiryNs));
        feed(frames.quote(spot));
        feed(frames.ticker(volAt(path, 0), position.unitPrice(), spot));
        feed(frames.optionTrade(position.quantity(), position.unitPrice()));
        stepQty = 0.0;
        stepCash = 0.0;
        feed(frames.index(spot));
        row(ledger, path, 0, Double.NaN, 0.0);
    }

    /** The market at point k; with markExpiryNs (margin constraints), the option's mark at it every step. */
    private void step(final MarketPath path, final int k, final long markExpiryNs)
    {
        frames.timeNs = START_NS + path.timeNs[k];
        final long spot = Fixed8.fromDouble(path.spot[k]);
        stepQty = 0.0;
        stepCash = 0.0;
        feed(frames.quote(spot));
        final double vol = volAt(path, k);
        if (markExpiryNs != 0L)
        {
            feed(frames.ticker(vol, position.unitValue(fixed(path.spot[k]), yearsLeft(path, k, markExpiryNs), vol),
                spot));
        }
        else if (vol != volAt(path, k - 1))
        {
            feed(frames.ticker(vol, 0.0, spot));
        }
        feed(frames.index(spot));
    }

    /** Interest on the financed balance over dt, less the hedge's dividends; added to the cumulative cost. */
    private double accrue(final double dt, final double previousSpot)
    {
        final double interest = cumulative * Math.expm1(position.rate() * dt) -
            hedge * previousSpot * Math.expm1(position.dividend() * dt);
        cumulative += interest;
        return interest;
    }

    private void settle(final MarketPath path, final int k, final long expiryNs, final Ledger ledger, final double interest)
    {
        final double s = fixed(path.spot[k]);
        final double yearsLeft = yearsLeft(path, k, expiryNs);
        final double sigma = volAt(path, k);
        final double q = position.quantity();
        final double value = position.unitValue(s, yearsLeft, sigma);
        final double discount = Math.exp(-position.rate() * path.time[k]);
        final double premium = -q * position.unitPrice();
        stepQty = 0.0;
        stepCash = 0.0;
        final double delta = BlackScholes.delta(position.call(), s, position.strike(), yearsLeft, position.rate(),
            position.dividend(), sigma);
        row(ledger, path, k, delta, interest);
        unwind(s, q * value);
        row(ledger, path, k, delta, 0.0);
        result.costAtEnd = cumulative;
        result.cost = result.costAtEnd * discount;
        result.pnl = premium - result.cost;
        result.unhedgedPnl = premium + q * value * discount;
    }

    /**
     * The settlement row's trade: the hedge sold (bought back) at the last spot and the option position settled at
     * its value, the payoff at expiry. In the money, a call hedged with as many shares as it has options is the
     * delivery of the shares for the strike; out of the money it is the sale of what the last rebalance left.
     */
    private void unwind(final double spot, final double optionValue)
    {
        stepQty = -hedge;
        stepCash = -hedge * spot - optionValue;
        cumulative += stepCash;
        hedge = 0.0;
    }

    private static double yearsLeft(final MarketPath path, final int k, final long expiryNs)
    {
        final long left = expiryNs - (START_NS + path.timeNs[k]);
        return Math.abs(left) <= EXPIRY_TOLERANCE_NS ? 0.0 : Durations.years(left);
    }

    /** P&amp;L of the step from k - 1 to k split into Greeks, before the trades at k (which only cost fees). */
    private void attribute(final MarketPath path, final int k, final long expiryNs, final double interest)
    {
        if (k == 1)
        {
            attribution.start(fixed(path.spot[0]), yearsLeft(path, 0, expiryNs), volAt(path, 0));
        }
        final double spot = fixed(path.spot[k]);
        attribution.step(result.attribution, spot, yearsLeft(path, k, expiryNs), volAt(path, k),
            spot - fixed(path.spot[k - 1]), volAt(path, k) - volAt(path, k - 1), hedge, path.time[k - 1],
            path.time[k] - path.time[k - 1], interest);
    }

    private double volAt(final MarketPath path, final int k)
    {
        final double vol = path.vol[k];
        return Double.isNaN(vol) ? position.vol() : vol;
    }

    private double optionDelta()
    {
        return logic.report(0).unhedgedDelta() / position.quantity();
    }

    /** Adds a ledger row; delta NaN = the option delta the logic holds now. */
    private void row(final Ledger ledger, final MarketPath path, final int k, final double delta, final double interest)
    {
        if (ledger != null)
        {
            ledger.add(new Ledger.Row(k, path.time[k], fixed(path.spot[k]), Double.isNaN(delta) ? optionDelta() : delta,
                hedge, stepQty, stepCash,
                interest, cumulative));
        }
    }

    private static double fixed(final double price)
    {
        return Fixed8.toDouble(Fixed8.fromDouble(price));
    }

    /** Hands a market frame to the exchange and the logic, then runs the order / report loop until it is quiet. */
    private void feed(final int length)
    {
        exchange.onMarketFrame(frames.buffer, 0, length);
        int out = logic.onFrame(frames.buffer, 0, length, ++ring, output, 0);
        while (true)
        {
            submitOrders(out);
            final int r = exchange.poll(frames.timeNs, report, 0);
            if (r == 0)
            {
                return;
            }
            onReport();
            out = logic.onFrame(report, 0, r, ++ring, output, 0);
        }
    }

    private void submitOrders(final int length)
    {
        for (int offset = 0; offset < length; offset += FrameHeader.frameLength(output, offset))
        {
            header.wrap(output, offset + FrameHeader.MESSAGE_OFFSET);
            if (header.templateId() == NewOrderDecoder.TEMPLATE_ID)
            {
                exchange.onOrder(output, offset, FrameHeader.frameLength(output, offset));
            }
        }
    }

    private void onReport()
    {
        header.wrap(report, FrameHeader.MESSAGE_OFFSET);
        execution.wrap(report, FrameHeader.MIN_FRAME_LENGTH, header.blockLength(), header.version());
        if (execution.execType() != ExecType.FILL && execution.execType() != ExecType.PARTIAL_FILL)
        {
            return;
        }
        final double qty = Math.copySign(Fixed8.toDouble(execution.lastQty()), execution.side() == Side.BUY ? 1 : -1);
        final double fee = Fixed8.toDouble(execution.fee());
        final double cash = qty * Fixed8.toDouble(execution.lastPrice()) + fee;
        hedge += qty;
        cumulative += cash;
        stepQty += qty;
        stepCash += cash;
        result.trades++;
        result.fees += fee * Math.exp(-position.rate() * Durations.years(frames.timeNs - START_NS));
        result.attribution[PathResult.COSTS] -= fee;
    }
}
