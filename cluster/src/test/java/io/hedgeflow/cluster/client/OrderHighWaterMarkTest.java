package io.hedgeflow.cluster.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderHighWaterMarkTest
{
    private static final long KILL_AFTER = 200_000;

    @TempDir
    Path dir;

    @Test
    void shouldStartNotStartedAndPersistAcrossReopen() throws Exception
    {
        final Path file = dir.resolve("orders.hwm");
        try (OrderHighWaterMark mark = OrderHighWaterMark.open(file, false))
        {
            assertEquals(OutputListener.NOT_STARTED, mark.value());
            assertTrue(mark.isNew(0));
            assertTrue(mark.isNew(1));
            mark.advance(1);
            mark.advance(5);
            assertFalse(mark.isNew(5));
            assertTrue(mark.isNew(6));
        }
        try (OrderHighWaterMark mark = OrderHighWaterMark.open(file, true))
        {
            assertEquals(5, mark.value());
            mark.advance(6);
        }
        try (OrderHighWaterMark mark = OrderHighWaterMark.open(file, false))
        {
            assertEquals(6, mark.value());
        }
    }

    @Test
    void shouldRefuseToHandleAnOutputTwice() throws Exception
    {
        try (OrderHighWaterMark mark = OrderHighWaterMark.open(dir.resolve("orders.hwm"), false))
        {
            mark.advance(3);
            assertThrows(IllegalArgumentException.class, () -> mark.advance(3));
            assertThrows(IllegalArgumentException.class, () -> mark.advance(2));
            assertEquals(3, mark.value());
        }
    }

    @Test
    void shouldRefuseAFileThatIsNotAMark() throws Exception
    {
        final Path wrongSize = Files.writeString(dir.resolve("notes.txt"), "hello");
        final IllegalArgumentException size =
            assertThrows(IllegalArgumentException.class, () -> OrderHighWaterMark.open(wrongSize, false));
        assertTrue(size.getMessage().contains(wrongSize.toString()), size.getMessage());
        final Path wrongMagic = Files.write(dir.resolve("zeros"), new byte[OrderHighWaterMark.FILE_LENGTH]);
        final IllegalArgumentException magic =
            assertThrows(IllegalArgumentException.class, () -> OrderHighWaterMark.open(wrongMagic, false));
        assertTrue(magic.getMessage().contains("bad magic"), magic.getMessage());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldKeepEveryAdvanceOfAProcessKilledWithSigkill() throws Exception
    {
        final Path file = dir.resolve("orders.hwm");
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(Arrays.asList(System.getProperty("hedgeflow.jvm.flags").trim().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Advancer.class.getName(),
            file.toString()));
        final Process child = new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long reported = 0;
        try (BufferedReader out = new BufferedReader(
            new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII)))
        {
            String line;
            while (reported < KILL_AFTER && (line = out.readLine()) != null)
            {
                reported = Long.parseLong(line.trim());
            }
        }
        finally
        {
            child.destroyForcibly().waitFor();
        }
        assertTrue(reported >= KILL_AFTER, "the child advanced the mark before it was killed");
        try (OrderHighWaterMark mark = OrderHighWaterMark.open(file, false))
        {
            assertTrue(mark.value() >= reported, "every advance reported before the kill survives: " +
                mark.value() + " < " + reported);
        }
    }

    /** Child JVM: advances the mark by one forever, printing every 1,000th value after storing it. */
    static final class Advancer
    {
        public static void main(final String[] args) throws Exception
        {
            try (OrderHighWaterMark mark = OrderHighWaterMark.open(Path.of(args[0]), false))
            {
                for (long id = 1; ; id++)
                {
                    mark.advance(id);
                    if (id % 1_000 == 0)
                    {
                        System.out.println(id);
                        System.out.flush();
                    }
                }
            }
        }
    }
}
