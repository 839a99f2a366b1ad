package io.hedgeflow.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RiskCommandTest extends CommandTest
{
    private static final String CAPTURE = "pcap:" +
        Path.of("..", "captures", "deribit", "sample_capture_v1_6.pcapng").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void shouldReportTheExampleBookWithTotalsThatSumItsPositions()
    {
        assertEquals(0, run("risk", "--feed", CAPTURE, "--positions", "../examples/btc-book.json", "--format",
            "json"), err.toString());
        final Map<String, Object> report = (Map<String, Object>)new Load(LoadSettings.builder().build())
            .loadFromString(out.toString());
        assertTrue(report.get("time").toString().startsWith("2023-06-15T19:43:50."), "the last packet's time");
        final List<Map<String, Object>> underlyings = (List<Map<String, Object>>)report.get("underlyings");
        assertEquals(1, underlyings.size());
        final Map<String, Object> btc = underlyings.get(0);
        assertEquals("BTC", btc.get("underlying"));
        final List<Map<String, Object>> positions = (List<Map<String, Object>>)btc.get("positions");
        assertEquals(8, positions.size());
        for (final String greek : List.of("delta", "delta_premium_adjusted", "gamma", "vega", "theta"))
        {
            double sum = 0.0;
            for (final Map<String, Object> position : positions)
            {
                sum += ((Number)position.get(greek)).doubleValue();
            }
            assertEquals(sum, ((Number)btc.get(greek)).doubleValue(), 1e-9 * Math.max(1.0, Math.abs(sum)), greek);
        }
        assertNull(positions.get(6).get("iv"), "a perpetual has no implied volatility");
        assertTrue(((Number)positions.get(0).get("iv")).doubleValue() > 0.0);
        final Map<String, Object> feed = (Map<String, Object>)report.get("feed");
        assertEquals(5066, ((Number)feed.get("packets")).intValue());
        assertEquals(0, ((Number)feed.get("malformed")).intValue());
    }

    @Test
    void shouldRefuseAPositionInAnInstrumentTheFeedNeverDefined() throws IOException
    {
        final Path positions = Files.writeString(dir.resolve("book.csv"),
            "instrument,size\nBTC-PERPETUAL,1000\nBTC-29DEC23-40000-C,-5\n");
        assertEquals(2, run("risk", "--feed", CAPTURE, "--positions", positions.toString()));
        assertEquals("hedgeflow risk: " + positions + ":3: field 'instrument_name': BTC-29DEC23-40000-C is not an " +
            "instrument of the feed", err.toString().strip());
    }

    @Test
    void shouldRefuseAFileThatIsNotACaptureNamingItAndTheOffset() throws IOException
    {
        final Path file = Files.writeString(dir.resolve("notes.txt"), "not a capture at all\n");
        assertEquals(2, run("risk", "--feed", "pcap:" + file, "--positions", "../examples/btc-book.json"));
        assertTrue(err.toString().contains(file.toString()) && err.toString().contains("at byte 0"), err.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldPrintMarginLeverageAndLiquidationPerSettlementCurrencyWithAnAccount() throws IOException
    {
        final String[] args = {"risk", "--feed", CAPTURE, "--positions", "../examples/btc-book.json", "--account",
            "../examples/btc-account.json"};
        assertEquals(0, run(args), err.toString());
        for (final String key : List.of("margin BTC  margin_model standard  equity 20.000000", "initial_margin",
            "maintenance_margin", "leverage", "margin USDC", "BTC-PERPETUAL", "liquidation_price",
            "liquidation_distance"))
        {
            assertTrue(out.toString().contains(key), key + " in\n" + out);
        }
        assertEquals(0, run(append(args, "--format", "json")), err.toString());
        final Map<String, Object> report = (Map<String, Object>)new Load(LoadSettings.builder().build())
            .loadFromString(out.toString());
        final List<Map<String, Object>> margin = (List<Map<String, Object>>)report.get("margin");
        assertEquals(List.of("BTC", "USDC"), margin.stream().map(m -> m.get("currency")).toList());
        final Map<String, Object> btc = margin.get(0);
        assertEquals("standard", btc.get("margin_model"));
        assertEquals(20.0, number(btc, "equity"));
        assertTrue(number(btc, "initial_margin") > number(btc, "maintenance_margin"));
        assertTrue(number(btc, "maintenance_margin") > 0.0);
        assertEquals(number(btc, "notional") / 20.0, number(btc, "leverage"), 1e-12);
        final List<Map<String, Object>> positions = (List<Map<String, Object>>)btc.get("positions");
        assertEquals("BTC-PERPETUAL", positions.get(0).get("instrument"));
        assertTrue(number(positions.get(0), "liquidation_price") < 25_568.04, "a long liquidates below its mark");
        assertTrue(number(positions.get(0), "liquidation_distance") > 0.0);
        assertTrue(positions.get(1).containsKey("liquidation_price"), "the short future is reported too");

        final Path account = Files.writeString(dir.resolve("account.yaml"),
            "currency: BTC\nequity: 20\nmargin_model: segregated_pm\n");
        assertEquals(0, run("risk", "--feed", CAPTURE, "--positions", "../examples/btc-book.json", "--account",
            account.toString(), "--format", "json"), err.toString());
        final Map<String, Object> portfolio = ((List<Map<String, Object>>)((Map<String, Object>)new Load(
            LoadSettings.builder().build()).loadFromString(out.toString())).get("margin")).get(0);
        assertEquals("portfolio", portfolio.get("margin_model"));
        assertTrue(number(portfolio, "maintenance_margin") > 0.0);
        assertTrue(number(portfolio, "maintenance_margin") < number(btc, "maintenance_margin"),
            "the hedged book needs less under portfolio margin");
    }

    @Test
    void shouldRefuseABadAccountFileNamingFileLineAndField() throws IOException
    {
        final Path account = Files.writeString(dir.resolve("account.json"),
            "{\"result\": {\n  \"currency\": \"BTC\",\n  \"equity\": \"lots\"\n}}\n");
        assertEquals(2, run("risk", "--feed", CAPTURE, "--positions", "../examples/btc-book.json", "--account",
            account.toString()));
        assertEquals("hedgeflow risk: " + account + ":3: field 'equity': not a number: 'lots'", err.toString().strip());
    }

    private static double number(final Map<String, Object> map, final String key)
    {
        return ((Number)map.get(key)).doubleValue();
    }

    private static String[] append(final String[] args, final String... more)
    {
        final String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
