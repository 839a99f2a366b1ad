package io.hedgeflow.cli;

import io.hedgeflow.codecs.OptionType;
import io.hedgeflow.codecs.Settlement;
import io.hedgeflow.gateway.CaptureFileWriter;
import io.hedgeflow.logic.TestFrames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The margin constraints through the whole engine: a journaled session whose AccountSnapshot and hedge come from a
 * capture, replayed identically; and the backtest's margin flags.
 */
class MarginCommandsTest extends CommandTest
{
    private static final int ETH = 2;
    private static final int PERP = 20;
    private static final int CALL = 200;
    private static final double SPOT = 3000.0;

    @TempDir
    Path dir;

    /** ETH linear perpetual (0.01 ETH) and an ATM call, 50,000 USDC of equity, then 100 calls written. */
    private Path capture() throws IOException
    {
        final Path file = dir.resolve("eth.hfc");
        final TestFrames frames = new TestFrames();
        try (CaptureFileWriter writer = new CaptureFileWriter(file))
        {
            writer.write(frames.buffer, 0, frames.perpetual(PERP, ETH, Settlement.LINEAR, 0.01, 0.05));
            writer.write(frames.buffer, 0, frames.option(CALL, ETH, Settlement.LINEAR, OptionType.CALL, SPOT,
                TestFrames.T0 + 30L * 86_400_000_000_000L));
            writer.write(frames.buffer, 0, frames.quote(PERP, SPOT - 0.5, SPOT + 0.5));
            writer.write(frames.buffer, 0, frames.ticker(CALL, 0.6, SPOT));
            writer.write(frames.buffer, 0, frames.accountSnapshot(0, Settlement.LINEAR, 50_000.0));
            writer.write(frames.buffer, 0, frames.index(ETH, SPOT));
            writer.write(frames.buffer, 0, frames.optionTrade(CALL, -100.0, 200.0));
        }
        return file;
    }

    private Path config(final double targetLeverage) throws IOException
    {
        final String text = Files.readString(Path.of(System.getProperty("hedgeflow.root", ".."), "config",
            "hedgeflow.yaml"))
            .replace("  bandUnderlying: 0.0 ", "  bandUnderlying: 1.0 ")
            .replace("  targetLeverage: 0.0 ", "  targetLeverage: " + targetLeverage + " ");
        final Path file = dir.resolve("margin-" + targetLeverage + ".yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void shouldCutTheHedgeToTheTargetLeverageInTheJournalAndReplayItIdentically() throws Exception
    {
        final Path capture = capture();
        final Path config = config(2.0);
        final Path journal = dir.resolve("j");
        assertEquals(0, run("run", "--feed", "file:" + capture, "--journal", journal.toString(), "--config",
            config.toString(), "--format", "json"), err.toString());
        final String report = out.toString();
        assertTrue(report.contains("\"margin_limited\":1,\"margin_refused\":0"), report);
        assertTrue(report.contains("\"margin\":[{\"currency\":\"USDC\",\"margin_model\":\"standard\",\"equity\":"),
            report);
        assertTrue(report.contains("\"liquidation_price\":"), report);

        assertEquals(0, run("dump", journal.toString(), "--queue", "decisions", "--type", "HedgeDecision"),
            err.toString());
        // 2 x 50,000 USDC / (0.01 ETH x 3000) = 3,333.3 contracts: 3,333
        assertTrue(out.toString().contains("reason=MARGIN_LIMITED"), out.toString());
        assertTrue(out.toString().contains("orderQty=3333 "), out.toString());

        assertEquals(0, run("replay", journal.toString(), "--verify", "--config", config.toString()), err.toString());
        assertTrue(out.toString().contains("identical"), out.toString());
    }

    @Test
    void shouldSendTheFullHedgeWithTheConstraintOff() throws Exception
    {
        final Path journal = dir.resolve("j");
        assertEquals(0, run("run", "--feed", "file:" + capture(), "--journal", journal.toString(), "--config",
            config(0.0).toString(), "--format", "json"), err.toString());
        assertTrue(out.toString().contains("\"margin_limited\":0,\"margin_refused\":0"), out.toString());
        assertEquals(0, run("dump", journal.toString(), "--queue", "decisions", "--type", "HedgeDecision"));
        assertTrue(out.toString().contains("reason=BAND_BREACH"), out.toString());
    }

    @Test
    void shouldRunEveryPolicyWithinTheMarginConstraintsNextToItselfWithout()
    {
        assertEquals(0, run("backtest", "--strike", "50", "--maturity", "0.1", "--position", "-1000", "--vol", "0.2",
            "--spot", "49", "--compare", "interval:1w", "--paths", "20", "--threads", "1", "--equity", "20000",
            "--target-leverage", "1", "--format", "json", "--progress", "never"), err.toString());
        final String json = out.toString();
        assertTrue(json.contains("\"policy\":\"interval:1w\""), json);
        assertTrue(json.contains("\"policy\":\"interval:1w +margin\""), json);
        assertTrue(json.contains("\"margin_bound\":"), json);
        assertTrue(json.contains("\"sd_cost_unconstrained\":"), json);
        assertEquals(2, run("backtest", "--strike", "50", "--maturity", "0.1", "--spot", "49",
            "--target-leverage", "1"));
        assertTrue(err.toString().contains("--target-leverage and --max-margin-usage need --equity"), err.toString());
    }

    @Test
    void shouldJournalTheAccountFileAsAccountSnapshotsAndReportEachCurrency() throws Exception
    {
        final Path account = Path.of(System.getProperty("hedgeflow.root", ".."), "examples", "btc-account.json");
        final Path journal = dir.resolve("j");
        assertEquals(0, run("run", "--feed", "sim", "--events", "20000", "--rate", "0", "--journal",
            journal.toString(), "--account", account.toString(), "--format", "json"), err.toString());
        final String report = out.toString();
        assertTrue(report.contains("{\"currency\":\"USDC\",\"margin_model\":\"standard\",\"equity\":"), report);
        assertTrue(report.contains("{\"currency\":\"BTC\",\"margin_model\":\"standard\",\"equity\":"), report);

        assertEquals(0, run("dump", journal.toString(), "--queue", "inputs", "--type", "AccountSnapshot"),
            err.toString());
        assertTrue(out.toString().lines().anyMatch(l -> l.endsWith(" underlyingId=1 settlement=INVERSE equity=20")),
            out.toString());
        assertTrue(out.toString().lines().anyMatch(l -> l.endsWith(" underlyingId=0 settlement=LINEAR equity=50000")),
            out.toString());
        assertEquals(0, run("replay", journal.toString(), "--verify"), err.toString());
    }

    @Test
    void shouldExitTwoNamingACurrencyTheFeedNeverSettles() throws Exception
    {
        final Path account = dir.resolve("btc.json");
        Files.writeString(account, "{\"result\": {\"currency\": \"BTC\", \"equity\": 10}}\n");
        assertEquals(2, run("run", "--feed", "file:" + capture(), "--journal", dir.resolve("j").toString(),
            "--account", account.toString()));
        assertTrue(err.toString().contains(account + ":1: field 'currency': BTC settles no instrument of the feed"),
            err.toString());
        assertEquals(1, err.toString().lines().filter(l -> l.startsWith("hedgeflow run:")).count(), err.toString());
    }
}
