package io.hedgeflow.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A hedgeflow command line in a child JVM like the test's own: the same java, class path and project flags. */
public final class ChildJvm
{
    private ChildJvm()
    {
    }

    /**
     * The child's command.
     *
     * @param args the hedgeflow command and its arguments.
     * @return java, the project's JVM flags, the class path and {@link HedgeflowTool}, then args.
     */
    public static List<String> command(final String... args)
    {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(Arrays.asList(System.getProperty("hedgeflow.jvm.flags").trim().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), HedgeflowTool.class.getName()));
        command.addAll(Arrays.asList(args));
        return command;
    }

    /**
     * Starts the command with its standard output and error written to files.
     *
     * @param out  receives standard output.
     * @param err  receives standard error.
     * @param args the hedgeflow command and its arguments.
     * @return the started child.
     * @throws IOException when it cannot start.
     */
    public static Process start(final Path out, final Path err, final String... args) throws IOException
    {
        return new ProcessBuilder(command(args)).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }
}
