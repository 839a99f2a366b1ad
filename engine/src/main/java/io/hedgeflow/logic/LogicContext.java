package io.hedgeflow.logic;

import io.hedgeflow.greeks.GreekKernelType;
import io.hedgeflow.risk.LimitsContext;
import io.hedgeflow.risk.margin.MarginContext;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Configuration of {@link HedgeLogic} with validated defaults. Setters return this; {@link #conclude()} validates
 * and fails with the name of the offending key. All times are logic time (nanoseconds of message time).
 */
public final class LogicContext implements Cloneable
{
    private int maxInstruments = 4096;
    private int maxUnderlyings = 16;
    private int maxOptionsPerUnderlying = 1024;
    private int maxOpenOrders = 64;
    private double rate = 0.0;
    private double carry = 0.0;
    private PolicyContext policy = new PolicyContext();
    private TreeMap<Integer, PolicyContext> underlyingPolicies = new TreeMap<>();
    private double limitOffset = 0.002;
    private LimitsContext limits = new LimitsContext();
    private MarginContext margin = new MarginContext();
    private long retryIntervalNs = 1_000_000_000L;
    private long pnlSampleIntervalNs = 100_000_000L;
    private int decisionChannel = 100;
    private long gapRecoveryNs = 1_000_000_000L;
    private long heartbeatTimeoutNs = 1_000_000_000L;
    private double positionTolerance = 0.0;
    private GreekKernelType greekKernel = GreekKernelType.VECTOR;

    /**
     * SHA-256 (hex) of every setting of this context and its limits, name=value in name order: journal headers
     * carry it so a replay with another configuration is flagged. {@link #greekKernel} is left out: the kernels give
     * the same bits, so a journal replays identically with either.
     */
    public String digest()
    {
        final StringBuilder text = new StringBuilder();
        settings("LogicContext", text, this);
        settings("LimitsContext", text, limits);
        settings("MarginContext", text, margin);
        settings("PolicyContext", text, policy.parts());
        for (final Map.Entry<Integer, PolicyContext> entry : underlyingPolicies.entrySet())
        {
            settings("PolicyContext[" + entry.getKey() + "]", text, entry.getValue().parts());
        }
        try
        {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /** The settings of a context made of parts (each part's own getters), as one context in name order. */
    private static void settings(final String name, final StringBuilder text, final Object... parts)
    {
        Arrays.stream(parts)
            .flatMap(part -> Arrays.stream(part.getClass().getMethods())
                .filter(m -> m.getParameterCount() == 0 && m.getDeclaringClass() == part.getClass() &&
                    (m.getReturnType().isPrimitive() || m.getReturnType().isEnum()) && !m.getName().equals("digest") &&
                    !m.getName().equals("greekKernel"))
                .map(m -> Map.entry(m, part)))
            .sorted(Comparator.comparing(entry -> entry.getKey().getName()))
            .forEach(entry ->
            {
                try
                {
                    text.append(name).append('.').append(entry.getKey().getName()).append('=')
                        .append(entry.getKey().invoke(entry.getValue())).append(';');
                }
                catch (final ReflectiveOperationException ex)
                {
                    throw new IllegalStateException(ex);
                }
            });
    }

    /**
     * A copy with every setting of this one: a setting added to this class is copied without a change here. The
     * policies per underlying are a map of the copy's own; the policy, limits and margin contexts are shared (set
     * new ones on the copy to change them there: {@link #policyTypeOfAll} on a copy changes the shared policies).
     */
    public LogicContext copy()
    {
        try
        {
            final LogicContext copy = (LogicContext)super.clone();
            copy.underlyingPolicies = new TreeMap<>(underlyingPolicies);
            return copy;
        }
        catch (final CloneNotSupportedException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /** Checks every value; throws IllegalArgumentException naming the key. */
    public LogicContext conclude()
    {
        positive("maxInstruments", maxInstruments);
        positive("maxUnderlyings", maxUnderlyings);
        positive("maxOptionsPerUnderlying", maxOptionsPerUnderlying);
        positive("maxOpenOrders", maxOpenOrders);
        finite("rate", rate);
        finite("carry", carry);
        concludePolicy("policy", policy);
        for (final Map.Entry<Integer, PolicyContext> entry : underlyingPolicies.entrySet())
        {
            concludePolicy("underlyings." + entry.getKey(), entry.getValue());
        }
        if (!(limitOffset >= 0.0 && limitOffset < 0.5))
        {
            throw new IllegalArgumentException("limitOffset must be in [0, 0.5): " + limitOffset);
        }
        limits.conclude();
        margin.conclude();
        positive("retryIntervalNs", retryIntervalNs);
        positive("pnlSampleIntervalNs", pnlSampleIntervalNs);
        positive("decisionChannel", decisionChannel);
        if (gapRecoveryNs < 0)
        {
            throw new IllegalArgumentException("gapRecoveryNs must not be negative: " + gapRecoveryNs);
        }
        positive("heartbeatTimeoutNs", heartbeatTimeoutNs);
        if (greekKernel == null)
        {
            throw new IllegalArgumentException("greekKernel must be VECTOR or SCALAR");
        }
        if (!(positionTolerance >= 0.0 && positionTolerance < Double.POSITIVE_INFINITY))
        {
            throw new IllegalArgumentException("positionTolerance must be finite and not negative: " +
                positionTolerance);
        }
        return this;
    }

    /** Validates a policy; the message names the key as section.key (policy.bandUsd, underlyings.2.type). */
    private static void concludePolicy(final String section, final PolicyContext policy)
    {
        try
        {
            policy.conclude();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(section + "." + ex.getMessage(), ex);
        }
    }

    private static void positive(final String key, final double value)
    {
        if (!(value > 0.0) || Double.isInfinite(value))
        {
            throw new IllegalArgumentException(key + " must be positive and finite: " + value);
        }
    }

    private static void finite(final String key, final double value)
    {
        if (!Double.isFinite(value))
        {
            throw new IllegalArgumentException(key + " must be finite: " + value);
        }
    }

    public int maxInstruments()
    {
        return maxInstruments;
    }

    public LogicContext maxInstruments(final int value)
    {
        maxInstruments = value;
        return this;
    }

    public int maxUnderlyings()
    {
        return maxUnderlyings;
    }

    public LogicContext maxUnderlyings(final int value)
    {
        maxUnderlyings = value;
        return this;
    }

    public int maxOptionsPerUnderlying()
    {
        return maxOptionsPerUnderlying;
    }

    public LogicContext maxOptionsPerUnderlying(final int value)
    {
        maxOptionsPerUnderlying = value;
        return this;
    }

    public int maxOpenOrders()
    {
        return maxOpenOrders;
    }

    public LogicContext maxOpenOrders(final int value)
    {
        maxOpenOrders = value;
        return this;
    }

    /** Continuous risk-free rate used for option Greeks. */
    public double rate()
    {
        return rate;
    }

    public LogicContext rate(final double value)
    {
        rate = value;
        return this;
    }

    /** Continuous carry (dividend or funding yield) used for option Greeks. */
    public double carry()
    {
        return carry;
    }

    public LogicContext carry(final double value)
    {
        carry = value;
        return this;
    }

    /** The hedging policy of every underlying without one of its own ({@link #underlyingPolicy}). */
    public PolicyContext policy()
    {
        return policy;
    }

    public LogicContext policy(final PolicyContext value)
    {
        policy = value;
        return this;
    }

    /** Gives one underlying its own hedging policy. */
    public LogicContext underlyingPolicy(final int underlyingId, final PolicyContext value)
    {
        underlyingPolicies.put(underlyingId, value);
        return this;
    }

    /** Sets the policy type of every underlying: of {@link #policy()} and of each underlying's own policy. */
    public LogicContext policyTypeOfAll(final PolicyType type)
    {
        policy.type(type);
        for (final PolicyContext own : underlyingPolicies.values())
        {
            own.type(type);
        }
        return this;
    }

    /** The hedging policy of an underlying: its own, or {@link #policy()}. */
    public PolicyContext policyOf(final int underlyingId)
    {
        return underlyingPolicies.getOrDefault(underlyingId, policy);
    }

    /** Marketable limit offset through the touch, as a fraction of price (0.002 = 20 bps). */
    public double limitOffset()
    {
        return limitOffset;
    }

    public LogicContext limitOffset(final double value)
    {
        limitOffset = value;
        return this;
    }

    /** Pre-trade limits; all must be set (there are no defaults). */
    public LimitsContext limits()
    {
        return limits;
    }

    public LogicContext limits(final LimitsContext value)
    {
        limits = value;
        return this;
    }

    /** Margin models and their parameters (section {@code margin}); defaults are Deribit's published values. */
    public MarginContext margin()
    {
        return margin;
    }

    public LogicContext margin(final MarginContext value)
    {
        margin = value;
        return this;
    }

    /** After a decision that sent no order (rejected, no price, rounded to zero), wait this long before another. */
    public long retryIntervalNs()
    {
        return retryIntervalNs;
    }

    public LogicContext retryIntervalNs(final long value)
    {
        retryIntervalNs = value;
        return this;
    }

    /** Logic-time interval between P&amp;L samples for the hedged versus unhedged report. */
    public long pnlSampleIntervalNs()
    {
        return pnlSampleIntervalNs;
    }

    public LogicContext pnlSampleIntervalNs(final long value)
    {
        pnlSampleIntervalNs = value;
        return this;
    }

    /** Channel id on the frames the logic emits (decisions and orders). */
    public int decisionChannel()
    {
        return decisionChannel;
    }

    public LogicContext decisionChannel(final int value)
    {
        decisionChannel = value;
        return this;
    }

    /**
     * After a sequence gap a channel is STALE for this much logic time without another gap; 0 = until a
     * ChannelReset on the channel.
     */
    public long gapRecoveryNs()
    {
        return gapRecoveryNs;
    }

    public LogicContext gapRecoveryNs(final long value)
    {
        gapRecoveryNs = value;
        return this;
    }

    /** A channel that has sent heartbeats is STALE after this much logic time without a frame. */
    public long heartbeatTimeoutNs()
    {
        return heartbeatTimeoutNs;
    }

    public LogicContext heartbeatTimeoutNs(final long value)
    {
        heartbeatTimeoutNs = value;
        return this;
    }

    /**
     * Largest difference, in contracts per instrument, between the logic's position and the venue's in a
     * Reconciliation that is adopted silently; a larger one engages the kill switch (origin RECONCILIATION).
     */
    public double positionTolerance()
    {
        return positionTolerance;
    }

    public LogicContext positionTolerance(final double value)
    {
        positionTolerance = value;
        return this;
    }

    /** What computes the books' Greeks and totals: VECTOR (the default) or SCALAR, with the same bits. */
    public GreekKernelType greekKernel()
    {
        return greekKernel;
    }

    public LogicContext greekKernel(final GreekKernelType value)
    {
        greekKernel = value;
        return this;
    }
}
