package io.hedgeflow.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every JVM hedgeflow starts must run with chronicle.analytics.disable=true: this test JVM (Surefire argLine),
 * the launchers (scripts/java-env's flag list, used by every exec of java in scripts/), and JMH forks (which
 * inherit the launcher's flags). The pom's flag list and java-env's must be the same list.
 */
class JvmFlagsTest
{
    private static final String ANALYTICS = "-Dchronicle.analytics.disable=true";
    /** Chronicle's DiskSpaceMonitor (chronicle-threads) is off: the engine's own check fails closed instead. */
    private static final String DISK_MONITOR = "-Dchronicle.disk.monitor.disable=true";
    private static final Path ROOT = Path.of(System.getProperty("hedgeflow.root", "..")).toAbsolutePath();

    @Test
    void shouldRunThisJvmWithChronicleAnalyticsDisabled()
    {
        assertEquals("true", System.getProperty("chronicle.analytics.disable"));
        assertTrue(ManagementFactory.getRuntimeMXBean().getInputArguments().contains(ANALYTICS));
    }

    @Test
    void shouldKeepOneFlagListInJavaEnvAndThePom() throws IOException
    {
        final List<String> javaEnv = javaEnvFlags();
        assertTrue(javaEnv.contains(ANALYTICS), "scripts/java-env must disable Chronicle analytics");
        assertTrue(javaEnv.contains(DISK_MONITOR), "scripts/java-env must silence Chronicle's DiskSpaceMonitor");
        final List<String> pom = Arrays.asList(System.getProperty("hedgeflow.jvm.flags").trim().split("\\s+"));
        assertEquals(javaEnv, pom, "pom.xml hedgeflow.jvm.flags and scripts/java-env HEDGEFLOW_JVM_FLAGS differ");
    }

    @Test
    void shouldStartEveryJavaInTheScriptsWithTheFlagList() throws IOException
    {
        try (var scripts = Files.list(ROOT.resolve("scripts")))
        {
            for (final Path script : scripts.toList())
            {
                for (final String line : Files.readAllLines(script))
                {
                    if (line.contains("\"$JAVA\""))
                    {
                        assertTrue(line.contains("\"${HEDGEFLOW_JVM_FLAGS[@]}\""), script + ": " + line);
                    }
                }
            }
        }
    }

    private static List<String> javaEnvFlags() throws IOException
    {
        final String text = Files.readString(ROOT.resolve("scripts/java-env"));
        final Matcher m = Pattern.compile("HEDGEFLOW_JVM_FLAGS=\\(\\n(.*?)\\n\\)", Pattern.DOTALL).matcher(text);
        assertTrue(m.find(), "HEDGEFLOW_JVM_FLAGS array in scripts/java-env");
        return Arrays.stream(m.group(1).split("\\n")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
