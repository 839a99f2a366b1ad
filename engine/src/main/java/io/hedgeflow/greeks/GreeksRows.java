package io.hedgeflow.greeks;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;

/**
 * A batch of CSV rows for {@link GreeksTool}: parses and validates each row, computes it with the vector kernel
 * (a one-slot {@link GreekVectors} under the row's own market) and buffers the row with its outputs until
 * {@link #flush}.
 */
final class GreeksRows implements AutoCloseable
{
    /** A row or header the command cannot use; the message names file, line and column. */
    static final class BadInput extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        BadInput(final String message)
        {
            super(message, null, false, false);
        }
    }

    private final String file;
    private final boolean impliedVol;
    private final List<String> columns;
    private final int type, spot, forward, strike, expiry, rate, vol, price, dividend, model, settlement;
    private final int capacity;
    private final GreekVectors book = new GreekVectors(1);
    private final StringBuilder out = new StringBuilder(256);
    private int rows;

    GreeksRows(final String file, final String header, final boolean impliedVol, final int capacity)
    {
        this.file = file;
        this.impliedVol = impliedVol;
        this.columns = Arrays.asList(header.split(",", -1));
        type = required("type");
        strike = required("strike");
        expiry = required("expiry");
        rate = required("rate");
        vol = impliedVol ? -1 : required("vol");
        price = impliedVol ? required("price") : -1;
        spot = columns.indexOf("spot");
        forward = columns.indexOf("forward");
        dividend = columns.indexOf("dividend");
        model = columns.indexOf("model");
        settlement = columns.indexOf("settlement");
        if (spot < 0 && (model < 0 || forward < 0))
        {
            required("spot");
        }
        this.capacity = capacity;
    }

    private int required(final String name)
    {
        final int index = columns.indexOf(name);
        if (index < 0)
        {
            throw new BadInput(file + ":1: missing column '" + name + "'");
        }
        return index;
    }

    boolean full()
    {
        return rows == capacity;
    }

    void add(final String line, final int lineNumber)
    {
        final String[] f = line.split(",", -1);
        if (f.length != columns.size())
        {
            throw new BadInput(file + ":" + lineNumber + ": expected " + columns.size() + " fields, found " + f.length);
        }
        final boolean call = choice(f, lineNumber, type, "call", "put", null);
        final boolean black76 = model >= 0 && !choice(f, lineNumber, model, "bsm", "black76", "bsm");
        final boolean inverse = settlement >= 0 && !choice(f, lineNumber, settlement, "linear", "inverse", "linear");
        final double s = number(f, lineNumber, black76 ? forward : spot, black76 ? "forward" : "spot");
        final double k = number(f, lineNumber, strike, "strike");
        final double t = number(f, lineNumber, expiry, "expiry");
        final double r = number(f, lineNumber, rate, "rate");
        final double q = black76 ? r : dividend >= 0 && !f[dividend].isEmpty() ? number(f, lineNumber, dividend, "dividend") : 0.0;
        final double v;
        if (impliedVol)
        {
            final double p = number(f, lineNumber, price, "price");
            v = ImpliedVol.solve(call, s, k, t, r, q, inverse ? p * s : p);
        }
        else
        {
            v = number(f, lineNumber, vol, "vol");
        }
        book.clear();
        book.vol(book.add(call, k, Math.round(t * GreekKernel.NS_PER_YEAR), inverse, 1.0), v);
        if (black76)
        {
            book.computeBlack76(s, r, 0L);
        }
        else
        {
            book.compute(s, r, q, 0L);
        }
        out.append(line);
        if (impliedVol)
        {
            out.append(',').append(v);
        }
        out.append(',').append(book.price(0)).append(',').append(book.delta(0)).append(',').append(book.gamma(0))
            .append(',').append(book.vega(0)).append(',').append(book.theta(0)).append(',').append(book.rho(0))
            .append(',').append(book.vanna(0)).append(',').append(book.volga(0)).append(',').append(book.charm(0))
            .append('\n');
        rows++;
    }

    void flush(final Writer writer) throws IOException
    {
        writer.append(out);
        out.setLength(0);
        rows = 0;
    }

    private boolean choice(
        final String[] f, final int lineNumber, final int column, final String yes, final String no, final String empty)
    {
        final String value = f[column].trim();
        if (value.equalsIgnoreCase(yes) || (value.isEmpty() && yes.equals(empty)))
        {
            return true;
        }
        if (value.equalsIgnoreCase(no) || (value.isEmpty() && no.equals(empty)))
        {
            return false;
        }
        throw new BadInput(file + ":" + lineNumber + ": column '" + columns.get(column) + "': expected " + yes + " or " +
            no + ", found '" + value + "'");
    }

    private double number(final String[] f, final int lineNumber, final int column, final String name)
    {
        if (column < 0)
        {
            throw new BadInput(file + ":" + lineNumber + ": missing column '" + name + "'");
        }
        final String value = f[column].trim();
        try
        {
            final double x = Double.parseDouble(value);
            if (Double.isFinite(x))
            {
                return x;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // reported below
        }
        throw new BadInput(file + ":" + lineNumber + ": column '" + name + "': expected a finite number, found '" +
            value + "'");
    }

    public void close()
    {
        book.close();
    }
}
