package io.hedgeflow.gateway.fix;

/**
 * One order resting at the test venue, quantities in Fixed8.
 */
final class VenueOrder
{
    final String clOrdId;
    final String venueOrderId;
    final String symbol;
    final char side;
    final long quantity;
    final long price;
    long cumQty;

    VenueOrder(
        final String clOrdId,
        final String venueOrderId,
        final String symbol,
        final char side,
        final long quantity,
        final long price)
    {
        this.clOrdId = clOrdId;
        this.venueOrderId = venueOrderId;
        this.symbol = symbol;
        this.side = side;
        this.quantity = quantity;
        this.price = price;
    }

    long leaves()
    {
        return quantity - cumQty;
    }
}
