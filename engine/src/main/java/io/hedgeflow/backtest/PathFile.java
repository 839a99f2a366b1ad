package io.hedgeflow.backtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a given market path from CSV: a header naming the columns {@code time} (years from the start, strictly
 * increasing, the first 0), {@code spot} (positive) and optionally {@code vol} (the implied volatility the hedger
 * sees, in (0, 10)), in any order; blank lines and lines starting with {@code #} are skipped. Every error names
 * {@code file:line:column} (column = 1-based character position of the offending field).
 */
public final class PathFile
{
    private PathFile()
    {
    }

    /** Thrown with a file:line:column message when the CSV is not a valid path. */
    public static final class FormatException extends Exception
    {
        private static final long serialVersionUID = 1L;

        FormatException(final String message)
        {
            super(message, null, false, false);
        }
    }

    public static MarketPath read(final Path file) throws IOException, FormatException
    {
        final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int[] columns = null;
        final List<double[]> rows = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++)
        {
            final String line = lines.get(n);
            if (line.isBlank() || line.startsWith("#"))
            {
                continue;
            }
            if (columns == null)
            {
                columns = header(file, n + 1, line);
            }
            else
            {
                rows.add(row(file, n + 1, line, columns, rows.isEmpty() ? Double.NaN : rows.getLast()[0]));
            }
        }
        if (rows.size() < 2)
        {
            throw new FormatException(file + ":" + Math.max(1, lines.size()) + ":1: a path needs at least two rows");
        }
        final double[] time = new double[rows.size()];
        final double[] spot = new double[rows.size()];
        final double[] vol = new double[rows.size()];
        for (int k = 0; k < rows.size(); k++)
        {
            time[k] = rows.get(k)[0];
            spot[k] = rows.get(k)[1];
            vol[k] = rows.get(k)[2];
        }
        return MarketPath.of(time, spot, vol);
    }

    /** Positions of time, spot and vol (-1 when absent) among the header's fields. */
    private static int[] header(final Path file, final int line, final String text) throws FormatException
    {
        final String[] names = text.split(",", -1);
        final int[] at = {-1, -1, -1};
        int column = 1;
        for (int i = 0; i < names.length; i++)
        {
            final int which = switch (names[i].trim().toLowerCase())
            {
                case "time" -> 0;
                case "spot" -> 1;
                case "vol" -> 2;
                default -> throw new FormatException(file + ":" + line + ":" + column + ": unknown column '" +
                    names[i].trim() + "' (expected time, spot and optional vol)");
            };
            if (at[which] >= 0)
            {
                throw new FormatException(file + ":" + line + ":" + column + ": column '" + names[i].trim() +
                    "' given twice");
            }
            at[which] = i;
            column += names[i].length() + 1;
        }
        if (at[0] < 0 || at[1] < 0)
        {
            throw new FormatException(file + ":" + line + ":1: header needs columns time and spot");
        }
        return at;
    }

    private static double[] row(
        final Path file, final int line, final String text, final int[] at, final double previousTime)
        throws FormatException
    {
        final String[] fields = text.split(",", -1);
        final int expected = at[2] >= 0 ? 3 : 2;
        if (fields.length != expected)
        {
            throw new FormatException(file + ":" + line + ":1: expected " + expected + " fields, found " +
                fields.length);
        }
        final double[] value = {0.0, 0.0, Double.NaN};
        for (int c = 0; c < 3; c++)
        {
            if (at[c] < 0)
            {
                continue;
            }
            final int column = columnOf(fields, at[c]);
            final String field = fields[at[c]].trim();
            try
            {
                value[c] = Double.parseDouble(field);
            }
            catch (final NumberFormatException ex)
            {
                throw new FormatException(file + ":" + line + ":" + column + ": '" + field + "' is not a number");
            }
            check(file + ":" + line + ":" + column + ": ", c, value[c], previousTime);
        }
        return value;
    }

    private static void check(final String where, final int c, final double value, final double previousTime)
        throws FormatException
    {
        if (c == 0 && Double.isNaN(previousTime) && value != 0.0)
        {
            throw new FormatException(where + "the first time must be 0, found " + value);
        }
        if (c == 0 && !(value > previousTime) && !Double.isNaN(previousTime))
        {
            throw new FormatException(where + "time " + value + " does not increase (previous " + previousTime + ")");
        }
        if (c == 1 && !(value > 0.0 && Double.isFinite(value)))
        {
            throw new FormatException(where + "spot must be positive, found " + value);
        }
        if (c == 2 && !(value > 0.0 && value < 10.0))
        {
            throw new FormatException(where + "vol must be in (0, 10), found " + value);
        }
    }

    private static int columnOf(final String[] fields, final int index)
    {
        int column = 1;
        for (int i = 0; i < index; i++)
        {
            column += fields[i].length() + 1;
        }
        return column;
    }
}
