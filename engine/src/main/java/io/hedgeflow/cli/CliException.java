package io.hedgeflow.cli;

/** A failure the command line reports as one line on stderr with an exit code (2: bad usage or input). */
public final class CliException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    final int exitCode;

    public CliException(final int exitCode, final String message)
    {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public static CliException badInput(final String message)
    {
        return new CliException(HedgeflowTool.EXIT_BAD_INPUT, message);
    }
}
