package io.hedgeflow.risk;

import io.hedgeflow.codecs.RiskVerdict;
import io.hedgeflow.snapshot.StateReader;
import io.hedgeflow.snapshot.StateWriter;

import java.util.Arrays;

/**
 * Fail-closed pre-trade checks of one order, in this order (the first failure is the verdict):
 * <pre>
 *   invalid value      quantity, limit price, reference or position not finite, or price/reference &lt;= 0
 *   SAFE mode          after the circuit breaker tripped: only orders that reduce |position + in flight|
 *   reduce-only        the same rule when configured
 *   max quantity       |qty| &lt;= maxOrderQuantity
 *   max notional       |qty| x notional per contract &lt;= maxOrderNotionalUsd
 *   price collar       |limit - reference| &lt;= reference x priceCollarBps / 10^4
 *   position limit     |position + in flight + qty| &lt;= maxPositionContracts
 *   duplicate          same instrument, side and quantity as an order sent within duplicateWindowNs
 *   order rate         token bucket: orderRatePerSecond refill, orderBurst capacity, in logic time
 * </pre>
 * The circuit breaker trips after circuitBreakerRejects consecutive exchange rejects or a drawdown beyond
 * maxDrawdownUsd; an explicit KillSwitch release (a journaled input) resets it. Deterministic and garbage-free.
 */
public final class PreTradeRisk
{
    private static final int RECENT = 16;

    private final LimitsContext limits;
    private final int[] recentInstrument = new int[RECENT];
    private final double[] recentQuantity = new double[RECENT];
    private final long[] recentTimeNs = new long[RECENT];
    private int recentNext;
    private double tokens;
    private long refilledNs = Long.MIN_VALUE;
    private int consecutiveRejects;
    private boolean safe;

    public PreTradeRisk(final LimitsContext limits)
    {
        this.limits = limits.conclude();
        this.tokens = limits.orderBurst();
        Arrays.fill(recentTimeNs, Long.MIN_VALUE);
    }

    /**
     * Checks an order; an accepted order is recorded (token spent, duplicate window).
     *
     * @param instrument       the hedge instrument (any stable id).
     * @param qty              signed contracts.
     * @param limitPrice       order limit price.
     * @param reference        trusted reference price (index).
     * @param notionalPerContract USD notional of one contract.
     * @param exposure         position plus orders in flight of the instrument, signed contracts.
     * @param nowNs            logic time.
     */
    public RiskVerdict check(
        final int instrument,
        final double qty,
        final double limitPrice,
        final double reference,
        final double notionalPerContract,
        final double exposure,
        final long nowNs)
    {
        final RiskVerdict verdict = verdict(instrument, qty, limitPrice, reference, notionalPerContract, exposure, nowNs);
        if (verdict == RiskVerdict.ACCEPTED)
        {
            tokens -= 1.0;
            recentInstrument[recentNext] = instrument;
            recentQuantity[recentNext] = qty;
            recentTimeNs[recentNext] = nowNs;
            recentNext = (recentNext + 1) % RECENT;
        }
        return verdict;
    }

    private RiskVerdict verdict(
        final int instrument,
        final double qty,
        final double limitPrice,
        final double reference,
        final double notionalPerContract,
        final double exposure,
        final long nowNs)
    {
        if (!Double.isFinite(qty) || qty == 0.0 || !(limitPrice > 0.0) || !Double.isFinite(limitPrice) ||
            !(reference > 0.0) || !Double.isFinite(reference) || !(notionalPerContract > 0.0) ||
            !Double.isFinite(notionalPerContract) || !Double.isFinite(exposure))
        {
            return RiskVerdict.REJECTED_INVALID_VALUE;
        }
        final boolean reduces = Math.abs(exposure + qty) < Math.abs(exposure);
        if (safe && !reduces)
        {
            return RiskVerdict.REJECTED_SAFE_MODE;
        }
        if (limits.reduceOnly() && !reduces)
        {
            return RiskVerdict.REJECTED_REDUCE_ONLY;
        }
        if (Math.abs(qty) > limits.maxOrderQuantity())
        {
            return RiskVerdict.REJECTED_MAX_ORDER_QTY;
        }
        if (Math.abs(qty) * notionalPerContract > limits.maxOrderNotionalUsd())
        {
            return RiskVerdict.REJECTED_MAX_NOTIONAL;
        }
        if (Math.abs(limitPrice - reference) > reference * limits.priceCollarBps() / 10_000.0)
        {
            return RiskVerdict.REJECTED_PRICE_COLLAR;
        }
        if (Math.abs(exposure + qty) > limits.maxPositionContracts())
        {
            return RiskVerdict.REJECTED_POSITION_LIMIT;
        }
        if (isDuplicate(instrument, qty, nowNs))
        {
            return RiskVerdict.REJECTED_DUPLICATE;
        }
        refill(nowNs);
        return tokens >= 1.0 ? RiskVerdict.ACCEPTED : RiskVerdict.REJECTED_ORDER_RATE;
    }

    private boolean isDuplicate(final int instrument, final double qty, final long nowNs)
    {
        for (int k = 0; k < RECENT; k++)
        {
            if (recentInstrument[k] == instrument && recentQuantity[k] == qty &&
                nowNs - recentTimeNs[k] < limits.duplicateWindowNs())
            {
                return true;
            }
        }
        return false;
    }

    private void refill(final long nowNs)
    {
        if (refilledNs != Long.MIN_VALUE && nowNs > refilledNs)
        {
            tokens = Math.min(limits.orderBurst(), tokens + (nowNs - refilledNs) * 1e-9 * limits.orderRatePerSecond());
        }
        refilledNs = Math.max(refilledNs, nowNs);
    }

    /** An exchange reject: counts towards the circuit breaker. */
    public void onExchangeReject()
    {
        if (++consecutiveRejects >= limits.circuitBreakerRejects())
        {
            safe = true;
        }
    }

    /** A fill: the consecutive reject count starts again. */
    public void onFill()
    {
        consecutiveRejects = 0;
    }

    /** The hedged P&amp;L of a book fell this far (USD) from its peak. */
    public void onDrawdown(final double drawdownUsd)
    {
        if (drawdownUsd > limits.maxDrawdownUsd())
        {
            safe = true;
        }
    }

    /** Explicit release (journaled KillSwitch release): leaves SAFE mode. */
    public void reset()
    {
        safe = false;
        consecutiveRejects = 0;
    }

    public boolean safeMode()
    {
        return safe;
    }

    public void writeTo(final StateWriter out)
    {
        for (int k = 0; k < RECENT; k++)
        {
            out.putInt(recentInstrument[k]);
        }
        out.putDoubles(recentQuantity, RECENT);
        out.putLongs(recentTimeNs, RECENT);
        out.putInt(recentNext);
        out.putDouble(tokens);
        out.putLong(refilledNs);
        out.putInt(consecutiveRejects);
        out.putBoolean(safe);
    }

    public void readFrom(final StateReader in)
    {
        for (int k = 0; k < RECENT; k++)
        {
            recentInstrument[k] = in.getInt();
        }
        in.getDoubles(recentQuantity, RECENT);
        in.getLongs(recentTimeNs, RECENT);
        recentNext = in.getInt();
        tokens = in.getDouble();
        refilledNs = in.getLong();
        consecutiveRejects = in.getInt();
        safe = in.getBoolean();
    }
}
