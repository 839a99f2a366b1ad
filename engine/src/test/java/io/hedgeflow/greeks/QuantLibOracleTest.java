package io.hedgeflow.greeks;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QuantLibOracleTest
{
    @Test
    void shouldMatchQuantLibWithScalarReference() throws Exception
    {
        final QuantLibOracle o = QuantLibOracle.load();
        assertEquals(2000, o.size());
        final double[] out = new double[BlackScholes.OUTPUTS];
        for (int i = 0; i < o.size(); i++)
        {
            BlackScholes.greeks(o.call[i], o.spot[i], o.strike[i], o.expiry[i], o.rate[i], o.dividend[i], o.vol[i],
                false, false, out);
            for (int g = 0; g < QuantLibOracle.GREEKS.length; g++)
            {
                o.check(g, i, out[g], "scalar");
            }
        }
    }

    @Test
    void shouldMatchQuantLibWithSingleGreekFunctions() throws Exception
    {
        final QuantLibOracle o = QuantLibOracle.load();
        for (int i = 0; i < o.size(); i++)
        {
            final double s = o.spot[i], k = o.strike[i], t = o.expiry[i], r = o.rate[i], q = o.dividend[i];
            final double v = o.vol[i];
            o.check(0, i, BlackScholes.price(o.call[i], s, k, t, r, q, v), "price()");
            o.check(1, i, BlackScholes.delta(o.call[i], s, k, t, r, q, v), "delta()");
            o.check(2, i, BlackScholes.gamma(s, k, t, r, q, v), "gamma()");
            o.check(3, i, BlackScholes.vega(s, k, t, r, q, v), "vega()");
        }
    }

    @Test
    void shouldMatchQuantLibWithVectorKernel() throws Exception
    {
        final QuantLibOracle o = QuantLibOracle.load();
        try (GreekVectors book = new GreekVectors(1))
        {
            for (int i = 0; i < o.size(); i++)
            {
                book.clear();
                book.vol(book.add(o.call[i], o.strike[i], Math.round(o.expiry[i] * GreekKernel.NS_PER_YEAR), false, 1.0),
                    o.vol[i]);
                book.compute(o.spot[i], o.rate[i], o.dividend[i], 0L);
                o.check(0, i, book.price(0), "vector");
                o.check(1, i, book.delta(0), "vector");
                o.check(2, i, book.gamma(0), "vector");
                o.check(3, i, book.vega(0), "vector");
                o.check(4, i, book.theta(0), "vector");
                o.check(5, i, book.rho(0), "vector");
            }
        }
    }

    @Test
    void shouldMatchQuantLibThroughPublicApiOneBookPerCase() throws Exception
    {
        final QuantLibOracle o = QuantLibOracle.load();
        final long now = 1_700_000_000_000_000_000L;
        for (int i = 0; i < o.size(); i += 7)
        {
            try (GreekVectors book = new GreekVectors(1))
            {
                final long expiryNs = now + Math.round(o.expiry[i] * GreekKernel.NS_PER_YEAR);
                book.vol(book.add(o.call[i], o.strike[i], expiryNs, false, 1.0), o.vol[i]);
                book.compute(o.spot[i], o.rate[i], o.dividend[i], now);
                o.check(0, i, book.price(0), "public vector");
                o.check(1, i, book.delta(0), "public vector");
                o.check(5, i, book.rho(0), "public vector");
            }
        }
    }
}
