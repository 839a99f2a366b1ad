package io.hedgeflow.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The two price columns of the {@code ratio} command's CSV: a header line of column names, then one row per
 * observation (blank lines skipped). Columns are chosen by name, or else the first two whose first data row parses
 * as a number (spot first). Any unusable value is bad input naming file, line and column.
 */
final class RatioInput
{
    double[] spot = new double[64];
    double[] hedge = new double[64];
    int rows;
    String spotName;
    String hedgeName;

    static RatioInput read(final Path file, final String spotColumn, final String hedgeColumn) throws IOException
    {
        try (BufferedReader reader = Files.newBufferedReader(Options.inputFile(file), StandardCharsets.UTF_8))
        {
            final RatioInput input = new RatioInput();
            input.parse(file, reader, spotColumn, hedgeColumn);
            return input;
        }
    }

    private void parse(final Path file, final BufferedReader reader, final String spotColumn, final String hedgeColumn)
        throws IOException
    {
        final String header = reader.readLine();
        if (header == null || header.isBlank())
        {
            throw CliException.badInput(file + ":1: empty file, expected a header line of column names");
        }
        final List<String> names = Arrays.stream(header.split(",", -1)).map(String::trim).toList();
        int s = spotColumn == null ? -1 : column(file, names, spotColumn, "--spot-column");
        int h = hedgeColumn == null ? -1 : column(file, names, hedgeColumn, "--hedge-column");
        String line;
        int lineNumber = 1;
        while ((line = reader.readLine()) != null)
        {
            lineNumber++;
            if (line.isBlank())
            {
                continue;
            }
            final String[] fields = line.split(",", -1);
            if (fields.length != names.size())
            {
                throw CliException.badInput(file + ":" + lineNumber + ": expected " + names.size() + " fields, found " +
                    fields.length);
            }
            if (s < 0 || h < 0)
            {
                s = s >= 0 ? s : firstNumeric(file, lineNumber, fields, names, h);
                h = h >= 0 ? h : firstNumeric(file, lineNumber, fields, names, s);
            }
            add(number(file, lineNumber, fields, names, s), number(file, lineNumber, fields, names, h));
        }
        spotName = s >= 0 ? names.get(s) : spotColumn;
        hedgeName = h >= 0 ? names.get(h) : hedgeColumn;
    }

    private static int column(final Path file, final List<String> names, final String name, final String option)
    {
        final int index = names.indexOf(name);
        if (index < 0)
        {
            throw CliException.badInput(file + ":1: " + option + ": no column '" + name + "' (columns: " +
                String.join(",", names) + ")");
        }
        return index;
    }

    private static int firstNumeric(
        final Path file, final int lineNumber, final String[] fields, final List<String> names, final int taken)
    {
        for (int i = 0; i < fields.length; i++)
        {
            if (i != taken && parse(fields[i]) != null)
            {
                return i;
            }
        }
        throw CliException.badInput(file + ":" + lineNumber + ": need two numeric columns (spot, hedge), found " +
            (taken >= 0 ? "only '" + names.get(taken) + "'" : "none") + " (columns: " + String.join(",", names) + ")");
    }

    private static double number(
        final Path file, final int lineNumber, final String[] fields, final List<String> names, final int column)
    {
        final Double value = parse(fields[column]);
        if (value == null)
        {
            throw CliException.badInput(file + ":" + lineNumber + ": column '" + names.get(column) +
                "': expected a finite number, found '" + fields[column].trim() + "'");
        }
        return value;
    }

    private static Double parse(final String field)
    {
        try
        {
            final double x = Double.parseDouble(field.trim());
            return Double.isFinite(x) ? x : null;
        }
        catch (final NumberFormatException ex)
        {
            return null;
        }
    }

    private void add(final double s, final double h)
    {
        if (rows == spot.length)
        {
            spot = Arrays.copyOf(spot, rows * 2);
            hedge = Arrays.copyOf(hedge, rows * 2);
        }
        spot[rows] = s;
        hedge[rows] = h;
        rows++;
    }
}
