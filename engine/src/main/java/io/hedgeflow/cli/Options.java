package io.hedgeflow.cli;

import io.hedgeflow.control.ControlKey;
import io.hedgeflow.pipeline.EngineContext;
import io.hedgeflow.pipeline.EngineWarmup;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Checks and helpers shared by commands. */
final class Options
{
    private Options()
    {
    }

    /** The operator control key of --control-key FILE; a bad file (or permissions) is exit 2 naming it. */
    static ControlKey controlKey(final Path file)
    {
        try
        {
            return ControlKey.load(file);
        }
        catch (final IllegalArgumentException ex)
        {
            throw CliException.badInput("--control-key " + ex.getMessage());
        }
    }

    static void positive(final String option, final double value)
    {
        if (!(value > 0))
        {
            throw CliException.badInput(option + " must be positive: " + value);
        }
    }

    /** As {@link #positive(String, double)}, for a count: the message shows it as given (10, not 10.0). */
    static void positive(final String option, final long value)
    {
        if (value <= 0)
        {
            throw CliException.badInput(option + " must be positive: " + value);
        }
    }

    /** As {@link #notNegative(String, double)}, for a count. */
    static void notNegative(final String option, final long value)
    {
        if (value < 0)
        {
            throw CliException.badInput(option + " must not be negative: " + value);
        }
    }

    static void notNegative(final String option, final double value)
    {
        if (!(value >= 0))
        {
            throw CliException.badInput(option + " must not be negative: " + value);
        }
    }

    /** The given journal directory, or a new timestamped one under ./journals/; one that cannot be made is exit 2. */
    static Path newJournalDir(final Path given, final String prefix)
    {
        final Path dir = given != null ? given : Path.of("journals",
            prefix + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")));
        try
        {
            Files.createDirectories(dir);
        }
        catch (final FileAlreadyExistsException ex)
        {
            throw CliException.badInput("journal " + dir + ": exists and is not a directory");
        }
        catch (final IOException ex)
        {
            throw CliException.badInput("journal " + dir + ": cannot create the directory (" + reason(ex) + ")");
        }
        return dir.toAbsolutePath().normalize();
    }

    /** An input file that exists and is not a directory, else exit 2 naming it. */
    static Path inputFile(final Path file)
    {
        if (Files.isDirectory(file))
        {
            throw CliException.badInput(file + ": is a directory, not a file");
        }
        if (!Files.exists(file))
        {
            throw CliException.badInput(file + ": no such file");
        }
        return file;
    }

    /** Why an operation on a file failed, in words (the operating system's reason), without a class name. */
    static String reason(final IOException ex)
    {
        if (ex instanceof FileSystemException fs && fs.getReason() != null)
        {
            return fs.getReason();
        }
        if (ex instanceof NoSuchFileException)
        {
            return "no such file or directory";
        }
        if (ex instanceof AccessDeniedException)
        {
            return "permission denied";
        }
        return ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName();
    }

    /** An existing journal directory (with inputs/ and decisions/), else exit 2. */
    static Path existingJournal(final Path dir)
    {
        if (!Files.isDirectory(dir.resolve("inputs")) || !Files.isDirectory(dir.resolve("decisions")))
        {
            throw CliException.badInput("no journal at " + dir + " (expected inputs/ and decisions/ directories)");
        }
        return dir;
    }

    static void print(final CommandSpec spec, final Format format, final SessionReport report)
    {
        final PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json)
        {
            report.printJson(out);
        }
        else
        {
            report.printText(out);
        }
        out.flush();
    }

    /**
     * Runs the JIT warm-up of a session ({@link EngineWarmup}: sim, and network feeds before their sockets are bound)
     * and prints on stderr how long it took, the wait for the compiler threads included, so the session's events/s
     * (the compiled engine's) is read next to the wall time the warm-up added.
     */
    static void warmUp(final CommandSpec spec, final EngineContext ctx, final long frames) throws IOException
    {
        final long start = System.nanoTime();
        final long run = EngineWarmup.run(ctx, frames);
        if (run > 0)
        {
            spec.commandLine().getErr().printf("hedgeflow %s: JIT warm-up, %,d simulated frames in %.1f s through " +
                "throwaway engines (--warmup-events)%n", spec.name(), run, (System.nanoTime() - start) / 1e9).flush();
        }
    }
}
