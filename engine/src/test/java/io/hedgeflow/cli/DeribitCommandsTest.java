package io.hedgeflow.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeribitCommandsTest extends CommandTest
{
    @TempDir
    Path dir;

    private static Path sample()
    {
        final Path path = Path.of("..", "captures", "deribit", "sample_capture_v1_6.pcapng").toAbsolutePath()
            .normalize();
        assertTrue(Files.isRegularFile(path), "Deribit capture missing: " + path);
        return path;
    }

    @Test
    void shouldRunOnTheDeribitCaptureAndReplayAndVerifyTheJournal()
    {
        final Path journal = dir.resolve("journal");
        assertEquals(0, run("run", "--feed", "pcap:" + sample(), "--journal", journal.toString(), "--format",
            "json"), err.toString());
        final String report = out.toString();
        assertTrue(report.contains("\"feed\":{\"packets\":5066,\"messages\":{\"1000\":194,\"1001\":1064," +
            "\"1002\":332,\"1003\":4211,\"1004\":197,\"1005\":60,\"1006\":60,\"1008\":468,\"1010\":194}," +
            "\"malformed\":0,\"gaps\":0,\"duplicates\":0,\"unknown_templates\":0,\"truncated\":0"), report);
        assertTrue(report.contains("\"rejected_frames\":0,\"gaps\":0"), report);
        assertEquals(0, run("replay", journal.toString(), "--verify"), out + err.toString());
        assertTrue(out.toString().contains("identical"), out.toString());
        assertEquals(0, run("verify", journal.toString()), err.toString());
        assertEquals(0, run("dump", "--queue=inputs", journal.toString()), err.toString());
        assertTrue(out.toString().contains("symbol=BTC-23JUN23-26000-P"), "dump shows the Deribit names");
    }

    @Test
    void shouldExitTwoNamingTheFileAndOffsetOfAFileThatIsNotACapture() throws Exception
    {
        final Path notes = dir.resolve("notes.pcapng");
        Files.writeString(notes, "hello");
        assertEquals(2, run("run", "--feed", "pcap:" + notes, "--journal", dir.resolve("j").toString()));
        assertTrue(err.toString().contains(notes + ": not a pcap or pcapng capture (unknown magic 0x68656c6c at " +
            "byte 0)"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }

    @Test
    void shouldWarnAndCountWhenACaptureIsCutShort() throws Exception
    {
        final byte[] whole = Files.readAllBytes(sample());
        final Path cut = Files.write(dir.resolve("cut.pcapng"), java.util.Arrays.copyOf(whole, 300_000));
        final Path book = Path.of("..", "examples", "btc-book.json").toAbsolutePath().normalize();
        assertEquals(0, run("risk", "--feed", "pcap:" + cut, "--positions", book.toString(), "--format", "json"),
            err.toString());
        assertTrue(out.toString().contains("\"truncated\":1"), out.toString());
        assertEquals("hedgeflow risk: warning: pcap:" + cut + " is cut short (its last packet is incomplete): read " +
            "up to its last whole packet", err.toString().strip());
        assertEquals(0, run("record", "--feed", "pcap:" + cut, "--output", dir.resolve("cut.hfc").toString()),
            err.toString());
        assertTrue(err.toString().startsWith("hedgeflow record: warning: pcap:" + cut + " is cut short"),
            err.toString());
        assertEquals(0, run("risk", "--feed", "pcap:" + sample(), "--positions", book.toString()), err.toString());
        assertTrue(out.toString().contains(", truncated 0, "), out.toString());
        assertEquals("", err.toString(), "no warning for a whole capture");
    }

    @Test
    void shouldRecordTheNormalizedFramesOfACaptureForReplayWithoutTheGateway()
    {
        final Path capture = dir.resolve("deribit.hfc");
        assertEquals(0, run("record", "--feed", "pcap:" + sample(), "--channels", "6100,6101", "--output",
            capture.toString()), err.toString());
        assertTrue(out.toString().startsWith("recorded 4684 frames"), out.toString());
        assertEquals(0, run("run", "--feed", "file:" + capture, "--journal", dir.resolve("j").toString(),
            "--format", "json"), err.toString());
        assertTrue(out.toString().contains("\"events\":4684"), out.toString());
    }
}
