package io.hedgeflow.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Base of the command tests: runs a hedgeflow command line in-process and keeps what it wrote to stdout and stderr. */
abstract class CommandTest
{
    protected final StringWriter out = new StringWriter();
    protected final StringWriter err = new StringWriter();

    /** Runs one command line with emptied output buffers; returns its exit code. */
    protected int run(final String... args)
    {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return HedgeflowTool.execute(new PrintWriter(out), new PrintWriter(err), args);
    }
}
