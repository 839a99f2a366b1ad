package io.hedgeflow.cli;

import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.CaptureFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HedgeflowToolTest extends CommandTest
{
    private static final int HEADER = FrameHeader.LENGTH;

    @TempDir
    Path dir;

    private void assertOneLineError(final int expectedCode, final int code, final String mentions)
    {
        assertEquals(expectedCode, code, err.toString());
        final String text = err.toString();
        assertEquals(1, text.lines().count(), "one line on stderr: " + text);
        assertTrue(text.contains(mentions), text);
        assertFalse(text.contains("\tat "), "no stack trace: " + text);
    }

    @Test
    void shouldExitTwoOnAnUnknownOption()
    {
        assertOneLineError(2, run("demo", "--no-such-option"), "--no-such-option");
    }

    @Test
    void shouldExitTwoNamingAnUnknownCommand()
    {
        assertOneLineError(2, run("replya", "j"), "hedgeflow: unknown command 'replya'; see hedgeflow --help");
        assertOneLineError(2, run("frobnicate"), "hedgeflow: unknown command 'frobnicate'; see hedgeflow --help");
        assertOneLineError(2, run("demo", "extra"), "Unmatched argument at index 1: 'extra'");
    }

    @Test
    void shouldExitTwoOnAMissingCaptureFile()
    {
        final Path missing = dir.resolve("missing.cap");
        assertOneLineError(2, run("run", "--feed", "file:" + missing, "--journal", dir.resolve("j").toString()),
            missing.toString());
    }

    @Test
    void shouldExitTwoOnAFileThatIsNotACapture() throws IOException
    {
        final Path bogus = Files.writeString(dir.resolve("bogus.cap"), "hello");
        assertOneLineError(2, run("run", "--feed", "file:" + bogus, "--journal", dir.resolve("j").toString()),
            "bad magic");
    }

    @Test
    void shouldExitTwoOnAMissingJournal()
    {
        assertOneLineError(2, run("replay", dir.resolve("nothing").toString(), "--verify"), "no journal");
        assertOneLineError(2, run("dump", dir.resolve("nothing").toString()), "no journal");
    }

    @Test
    void shouldExitTwoNamingFileLineAndKeyOfAMalformedConfiguration() throws IOException
    {
        final Path config = Files.writeString(dir.resolve("bad.yaml"), "limits:\n  maxOrderQuantity: -1\n");
        assertOneLineError(2, run("run", "--feed", "sim", "--events", "10", "--config", config.toString(),
            "--journal", dir.resolve("j").toString()), config + ":2: key 'limits.maxOrderQuantity': must be positive");
        assertFalse(Files.exists(dir.resolve("j")), "refused before the journal directory is created");
        assertOneLineError(2, run("demo", "--events", "10", "--config", config.toString(), "--journal",
            dir.resolve("d").toString()), "must be positive");
        assertFalse(Files.exists(dir.resolve("d")), "refused before the journal directory is created");
        assertOneLineError(2, run("replay", dir.toString(), "--config", dir.resolve("none.yaml").toString()),
            "no journal");
        assertOneLineError(2, run("run", "--feed", "sim", "--events", "10", "--config", dir.toString(),
            "--journal", dir.resolve("j").toString()), dir + ": is a directory, not a configuration file");
    }

    @Test
    void shouldRefuseABadPositionsOrAccountFileBeforeTheWarmUpAndTheJournalDirectory() throws IOException
    {
        // one line on stderr: the warm-up would have printed its own line first
        final Path empty = Files.writeString(dir.resolve("empty.json"), "");
        assertOneLineError(2, run("run", "--feed", "sim", "--events", "10", "--positions", empty.toString(),
            "--journal", dir.resolve("j").toString()), empty + ": empty file");
        assertOneLineError(2, run("demo", "--events", "10", "--account", dir.resolve("none.json").toString(),
            "--journal", dir.resolve("d").toString()), dir.resolve("none.json") + ": no such file");
        assertFalse(Files.exists(dir.resolve("j")) || Files.exists(dir.resolve("d")),
            "refused before the journal directory is created");
    }

    @Test
    void shouldExitTwoOnABadFeed()
    {
        assertOneLineError(2, run("run", "--feed", "tcp://x", "--journal", dir.resolve("j").toString()), "--feed");
    }

    @Test
    void shouldExitTwoOnANegativeWarmUp()
    {
        assertOneLineError(2, run("run", "--feed", "sim", "--events", "10", "--warmup-events", "-1",
            "--journal", dir.resolve("j").toString()), "--warmup-events must not be negative: -1");
        assertFalse(err.toString().contains("-1.0"), "a count shown as given: " + err);
        assertFalse(Files.exists(dir.resolve("j")), "refused before the journal is created");
        assertOneLineError(2, run("demo", "--events", "10", "--warmup-events", "-1",
            "--journal", dir.resolve("d").toString()), "--warmup-events");
    }

    @Test
    void shouldExitTwoNamingAJournalPathThatIsAFile() throws IOException
    {
        final Path file = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertOneLineError(2, run("run", "--feed", "sim", "--events", "10", "--warmup-events", "0",
            "--journal", file.toString()), "journal " + file + ": exists and is not a directory");
        assertOneLineError(2, run("demo", "--events", "10", "--warmup-events", "0", "--journal", file.toString()),
            "journal " + file + ": exists and is not a directory");
        assertEquals("hello", Files.readString(file), "left as it was");
    }

    @Test
    void shouldExitTwoWhenTheCaptureToRecordIsADirectory()
    {
        assertOneLineError(2, run("record", "--events", "10", "--output", dir.toString()),
            "--output " + dir + ": is a directory");
    }

    @Test
    void shouldPrintNeitherEmptyParenthesesNorAPercentOfNothingInTheTextReport()
    {
        assertEquals(0, run("run", "--feed", "sim", "--events", "1000", "--warmup-events", "0", "--journal",
            dir.resolve("quiet").toString()), err.toString());
        assertTrue(out.toString().contains("decisions         0" + System.lineSeparator()), out.toString());
        assertEquals(0, run("run", "--feed", "sim", "--events", "20000", "--warmup-events", "0", "--journal",
            dir.resolve("hedged").toString()), err.toString());
        final String report = out.toString();
        assertTrue(report.contains("liquidation_distance none"), report);
        assertFalse(report.contains("()") || report.contains("none%"), report);
    }

    @Test
    void shouldRejectAndCountCorruptFramesAndStillVerifyOnReplay() throws IOException
    {
        final Path capture = dir.resolve("clean.cap");
        assertEquals(0, run("record", "--events", "20000", "--seed", "3", "--output", capture.toString()));
        final Path corrupt = corrupt(capture, dir.resolve("corrupt.cap"));
        final Path journal = dir.resolve("journal");

        assertEquals(0, run("run", "--feed", "file:" + corrupt, "--journal", journal.toString(), "--format", "json"),
            err.toString());
        final String report = out.toString();
        final long rejected = Long.parseLong(report.replaceAll(".*\"rejected_frames\":(\\d+).*", "$1").trim());
        assertTrue(rejected >= 50, report);
        assertTrue(err.toString().matches("threading (SHARED|DEDICATED): [^\\n]*\\R"),
            "only the threading line, no error: " + err);

        assertEquals(0, run("replay", journal.toString(), "--verify"), out.toString());
        assertTrue(out.toString().contains("identical"), out.toString());
        assertEquals(0, run("dump", journal.toString(), "--queue", "inputs", "--format", "json"));
        assertTrue(out.toString().contains("\"type\":\"invalid\""));
    }

    /** Copies a capture, damaging every 200th frame (flipped bytes, truncation, bad lengths) and the file's tail. */
    private static Path corrupt(final Path clean, final Path target) throws IOException
    {
        final ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(clean)).order(ByteOrder.LITTLE_ENDIAN);
        final ByteBuffer outBuf = ByteBuffer.allocate(in.capacity()).order(ByteOrder.LITTLE_ENDIAN);
        final SplittableRandom random = new SplittableRandom(11);
        outBuf.put(CaptureFile.MAGIC);
        in.position(CaptureFile.MAGIC.length);
        for (int frame = 0; in.remaining() >= 4; frame++)
        {
            final int length = in.getInt();
            final byte[] bytes = new byte[length];
            in.get(bytes);
            int written = length;
            if (frame > 100 && frame % 200 == 0)
            {
                switch (random.nextInt(3))
                {
                    case 0 -> bytes[HEADER + random.nextInt(length - HEADER)] ^= (byte)(1 + random.nextInt(255));
                    case 1 -> written = HEADER + random.nextInt(length - HEADER);
                    default -> bytes[random.nextInt(HEADER)] ^= (byte)0x40;
                }
            }
            outBuf.putInt(written).put(bytes, 0, written);
        }
        outBuf.putInt(500).put(new byte[10]);
        Files.write(target, java.util.Arrays.copyOf(outBuf.array(), outBuf.position()));
        return target;
    }
}
