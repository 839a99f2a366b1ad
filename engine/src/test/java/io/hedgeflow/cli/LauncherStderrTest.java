package io.hedgeflow.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launchers' stderr filter (scripts/java-env hedgeflow_exec, used by scripts/hedgeflow and scripts/bench): it
 * drops exactly the JDK's incubator warning line and nothing else, passes partial lines (progress bars) at once,
 * and keeps the command's pid (exec) and exit code; stdout is untouched. Slow profile: under heavy load one run of the
 * first test once saw an empty stderr (cause not found yet), so it stays out of the default run until explained.
 */
@Tag("slow")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LauncherStderrTest
{
    private static final Path ROOT = Path.of(System.getProperty("hedgeflow.root", "..")).toAbsolutePath();
    private static final String WARNING = "WARNING: Using incubator modules: jdk.incubator.vector";

    @Test
    void shouldDropExactlyTheIncubatorWarningLineAndKeepTheExitCodeAndPid() throws Exception
    {
        final Process process = launch("hedgeflow_exec bash -c 'echo $$; printf \"%s\\n\" " +
            "\"$W\" first \"$W\" \"$W.\" " +
            "\" $W\" \"WARNING: Using\" >&2; printf \"50%%\\r$W\\n" +
            "last\" >&2; exit 3'");
        final String out = read(process.getInputStream());
        final String err = read(process.getErrorStream());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(3, process.exitValue(), "the command's exit code");
        assertEquals(process.pid() + "\n", out, "same pid: the launcher execs the command; stdout untouched");
        assertEquals("first\n" + WARNING + ".\n " + WARNING + "\nWARNING: Using\n50%\r" + WARNING + "\nlast", err);
    }

    @Test
    void shouldPassAPartialLineAtOnce() throws Exception
    {
        final Process process = launch("hedgeflow_exec bash -c 'printf \"\\r[####      ] 40%%\" >&2; read line; " +
            "printf \"\\r%20s\\r\" \"\" >&2'");
        final InputStream err = process.getErrorStream();
        final byte[] bar = "\r[####      ] 40%".getBytes(StandardCharsets.US_ASCII);
        assertEquals(new String(bar, StandardCharsets.US_ASCII),
            new String(err.readNBytes(bar.length), StandardCharsets.US_ASCII), "drawn while the command runs");
        assertTrue(process.isAlive(), "the command is still waiting for its input");
        process.getOutputStream().close();
        assertEquals("\r" + " ".repeat(20) + "\r", read(err), "then erased");
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
    }

    @Test
    void shouldSilenceTheJdkItself() throws Exception
    {
        final Process process = launch("hedgeflow_exec \"$JAVA\" \"${HEDGEFLOW_JVM_FLAGS[@]}\" -version");
        final String err = read(process.getErrorStream());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
        assertTrue(err.contains(" version \""), err);
        assertFalse(err.contains("incubator"), err);
    }

    private static Process launch(final String command) throws IOException
    {
        final ProcessBuilder builder = new ProcessBuilder("bash", "-c", "source scripts/java-env && " + command)
            .directory(ROOT.toFile());
        builder.environment().put("W", WARNING);
        return builder.start();
    }

    private static String read(final InputStream in) throws IOException
    {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
