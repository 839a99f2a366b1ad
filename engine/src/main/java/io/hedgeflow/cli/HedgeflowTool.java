package io.hedgeflow.cli;

import io.hedgeflow.gateway.deribit.PositionsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.ServiceLoader;

/**
 * The {@code hedgeflow} command line, with the commands of the modules on the class path ({@link CommandExtension}).
 * Exit codes: 0 ok, 1 runtime failure, 2 bad usage or bad input, each failure
 * with one line on stderr saying what and where, never a stack trace.
 */
@Command(
    name = "hedgeflow",
    mixinStandardHelpOptions = true,
    version = "hedgeflow 0.1.0",
    description = "Low-latency hedging engine for derivatives books.",
    subcommands = {
        DemoCommand.class,
        RunCommand.class,
        RecordCommand.class,
        SendCommand.class,
        KillCommand.class,
        ReplayCommand.class,
        DumpCommand.class,
        VerifyCommand.class,
        RiskCommand.class,
        io.hedgeflow.greeks.GreeksTool.class,
        RatioCommand.class,
        NeutralizeCommand.class,
        StatCommand.class,
        BacktestCommand.class,
        VenueCommand.class,
    })
public final class HedgeflowTool implements Runnable
{
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_BAD_INPUT = 2;

    public void run()
    {
        throw new CommandLine.ParameterException(new CommandLine(this), "missing command (see hedgeflow --help)");
    }

    /** Runs a command line and returns its exit code. */
    public static int execute(final PrintWriter out, final PrintWriter err, final String... args)
    {
        final CommandLine cli = new CommandLine(new HedgeflowTool());
        for (final CommandExtension extension : ServiceLoader.load(CommandExtension.class))
        {
            extension.addTo(cli);
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, arguments) ->
        {
            err.println("hedgeflow: " + usageMessage(ex));
            err.flush();
            return EXIT_BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
        {
            final boolean badInput = ex instanceof PositionsException;
            final int code = ex instanceof CliException cliEx ? cliEx.exitCode :
                badInput ? EXIT_BAD_INPUT : EXIT_FAILURE;
            final String message = ex instanceof CliException || badInput ? ex.getMessage() :
                ex.getClass().getSimpleName() + ": " + ex.getMessage();
            err.println(commandLine.getCommandSpec().qualifiedName() + ": " + message);
            err.flush();
            return code;
        });
        final int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * picocli's message, except for an unknown command, named as such (picocli's own "Unmatched argument at index 0"
     * and its suggestions by letter similarity, often unrelated commands, read as noise).
     */
    private static String usageMessage(final CommandLine.ParameterException ex)
    {
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched &&
            !ex.getCommandLine().getSubcommands().isEmpty() && !unmatched.getUnmatched().isEmpty() &&
            !unmatched.getUnmatched().getFirst().startsWith("-"))
        {
            return "unknown command '" + unmatched.getUnmatched().getFirst() + "'; see " +
                ex.getCommandLine().getCommandSpec().qualifiedName() + " --help";
        }
        return ex.getMessage();
    }

    public static void main(final String[] args)
    {
        System.exit(execute(new PrintWriter(System.out), new PrintWriter(System.err), args));
    }
}
