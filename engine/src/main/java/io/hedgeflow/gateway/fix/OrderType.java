package io.hedgeflow.gateway.fix;

/**
 * How the gateway sends the logic's marketable limit orders: good-till-cancel limit, immediate-or-cancel, or
 * post-only (Deribit's ExecInst 6: rests, never takes liquidity).
 */
public enum OrderType
{
    LIMIT,
    IOC,
    POST_ONLY
}
