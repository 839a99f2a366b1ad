package io.hedgeflow.greeks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code greeks --input CSV [--output CSV] [--implied-vol]}: batch Greeks with the production vector kernel.
 * <p>
 * Input columns by header name: type (call|put), spot, strike, expiry (years), rate, vol; optional dividend
 * (continuous yield, default 0), model (bsm|black76; black76 reads forward instead of spot and dividend) and
 * settlement (linear|inverse). With --implied-vol a price column (in the option's settlement currency) is read
 * instead of vol and implied_vol is written before the Greeks ({@link ImpliedVol#NO_SOLUTION} when none; the
 * Greeks are then those of the degenerate zero-vol case). Output: each input line as read, then
 * price,delta,gamma,vega,theta,rho,vanna,volga,charm printed with Double.toString (they parse back exactly).
 * Exit codes: 0 ok, 1 I/O failure, 2 bad usage or input (one line on stderr naming file, line and column; a
 * missing file or a directory names the file).
 */
@Command(name = "greeks", mixinStandardHelpOptions = true,
    description = "Prices a CSV of European options and writes their Greeks (vector kernel).",
    footer = {"Input columns, by header name, in any order: type (call or put), spot, strike, expiry (years), " +
        "rate, vol; optional dividend (continuous yield, default 0), model (bsm or black76: black76 reads forward " +
        "instead of spot), settlement (linear or inverse). With --implied-vol, price instead of vol.",
        "Output: each input line as read, then " + GreeksTool.OUTPUTS + " (implied_vol first with --implied-vol)."})
public final class GreeksTool implements Callable<Integer>
{
    static final int BATCH = 1024;
    static final String OUTPUTS = "price,delta,gamma,vega,theta,rho,vanna,volga,charm";

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "CSV", description = "Input CSV with a header line (columns below).")
    Path input;

    @Option(names = "--output", paramLabel = "CSV", description = "Output CSV (default: standard output).")
    Path output;

    @Option(names = "--implied-vol", description = "Read a price column instead of vol; write implied_vol.")
    boolean impliedVol;

    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new GreeksTool()).execute(args));
    }

    public Integer call()
    {
        final PrintWriter err = spec.commandLine().getErr();
        try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8))
        {
            if (output == null)
            {
                run(reader, spec.commandLine().getOut());
                return 0;
            }
            try (Writer writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8))
            {
                run(reader, writer);
            }
            return 0;
        }
        catch (final GreeksRows.BadInput ex)
        {
            err.println("hedgeflow greeks: " + ex.getMessage());
            return 2;
        }
        catch (final NoSuchFileException ex)
        {
            err.println("hedgeflow greeks: " + ex.getFile() + ": no such file");
            return 2;
        }
        catch (final IOException ex)
        {
            final Path directory = Files.isDirectory(input) ? input : output != null && Files.isDirectory(output) ?
                output : null;
            err.println("hedgeflow greeks: " + (directory != null ? directory + ": is a directory, not a file" :
                input + ": " + ex));
            return directory != null ? 2 : 1;
        }
        finally
        {
            err.flush();
        }
    }

    private void run(final BufferedReader reader, final Writer writer) throws IOException
    {
        final String header = reader.readLine();
        if (header == null)
        {
            throw new GreeksRows.BadInput(input + ":1: empty file, expected a header line");
        }
        try (GreeksRows rows = new GreeksRows(input.toString(), header, impliedVol, BATCH))
        {
            writer.write(header + (impliedVol ? ",implied_vol," : ",") + OUTPUTS + "\n");
            int lineNumber = 1;
            String line;
            while ((line = reader.readLine()) != null)
            {
                lineNumber++;
                if (!line.isBlank())
                {
                    rows.add(line, lineNumber);
                    if (rows.full())
                    {
                        rows.flush(writer);
                    }
                }
            }
            rows.flush(writer);
        }
        writer.flush();
    }
}
