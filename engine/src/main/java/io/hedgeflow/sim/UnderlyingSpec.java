package io.hedgeflow.sim;

import io.hedgeflow.codecs.Settlement;

/**
 * Contract specifications of one simulated underlying's instruments, Deribit style. Sizes are in contracts;
 * contract sizes are USD face for inverse perpetuals and units of the underlying otherwise.
 * <pre>
 *   instrument            settlement  contract size   tick      lot      min
 *   BTC-PERPETUAL         INVERSE     10 USD          0.5       1        1
 *   BTC_USDC (spot)       LINEAR      1 BTC           0.5       0.0001   0.0001
 *   BTC-12JAN26-95000-C   INVERSE     1 BTC           0.0001    0.1      0.1     price in BTC
 *   ETH_USDC-PERPETUAL    LINEAR      0.01 ETH        0.05      1        1
 *   ETH_USDC (spot)       LINEAR      1 ETH           0.01      0.001    0.001
 *   ETH_USDC-12JAN26-3300-C LINEAR    1 ETH           0.1       1        1       price in USD
 * </pre>
 * Client option trades are 1 to {@code maxTradeLots} lots (BTC 0.1 to 5, ETH 1 to 25 contracts); quote sizes are
 * 1 to {@code maxQuoteLots} lots.
 */
final class UnderlyingSpec
{
    static final UnderlyingSpec BTC = new UnderlyingSpec(
        1, "BTC-PERPETUAL", Settlement.INVERSE, 10.0, 0.5, 1.0, 20_000,
        "BTC_USDC", 0.5, 0.0001, 50_000,
        "BTC", Settlement.INVERSE, 0.0001, 0.1, 50);

    static final UnderlyingSpec ETH = new UnderlyingSpec(
        2, "ETH_USDC-PERPETUAL", Settlement.LINEAR, 0.01, 0.05, 1.0, 20_000,
        "ETH_USDC", 0.01, 0.001, 50_000,
        "ETH_USDC", Settlement.LINEAR, 0.1, 1.0, 25);

    static final UnderlyingSpec[] ALL = {BTC, ETH};

    final int underlyingId;
    final String perpSymbol;
    final Settlement perpSettlement;
    final double perpContractSize;
    final double perpTick;
    final double perpLot;
    final int perpMaxQuoteLots;
    final String spotSymbol;
    final double spotTick;
    final double spotLot;
    final int spotMaxQuoteLots;
    final String optionPrefix;
    final Settlement optionSettlement;
    final double optionTick;
    final double optionLot;
    final int optionMaxTradeLots;

    private UnderlyingSpec(
        final int underlyingId,
        final String perpSymbol,
        final Settlement perpSettlement,
        final double perpContractSize,
        final double perpTick,
        final double perpLot,
        final int perpMaxQuoteLots,
        final String spotSymbol,
        final double spotTick,
        final double spotLot,
        final int spotMaxQuoteLots,
        final String optionPrefix,
        final Settlement optionSettlement,
        final double optionTick,
        final double optionLot,
        final int optionMaxTradeLots)
    {
        this.underlyingId = underlyingId;
        this.perpSymbol = perpSymbol;
        this.perpSettlement = perpSettlement;
        this.perpContractSize = perpContractSize;
        this.perpTick = perpTick;
        this.perpLot = perpLot;
        this.perpMaxQuoteLots = perpMaxQuoteLots;
        this.spotSymbol = spotSymbol;
        this.spotTick = spotTick;
        this.spotLot = spotLot;
        this.spotMaxQuoteLots = spotMaxQuoteLots;
        this.optionPrefix = optionPrefix;
        this.optionSettlement = optionSettlement;
        this.optionTick = optionTick;
        this.optionLot = optionLot;
        this.optionMaxTradeLots = optionMaxTradeLots;
    }
}
