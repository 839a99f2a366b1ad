package io.hedgeflow.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code demo --policy NAME}: the same seeded session under each policy, with trades, costs and residual risk. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DemoPolicyTest extends CommandTest
{
    private static final String EVENTS = "60000";

    @TempDir
    Path dir;

    /** The built-in configuration with a rebalance interval of 0.5 s, so TIME_INTERVAL trades in a short session. */
    private Path config() throws IOException
    {
        final Path example = Path.of(System.getProperty("hedgeflow.root", ".."), "config", "hedgeflow.yaml");
        return Files.writeString(dir.resolve("demo.yaml"),
            Files.readString(example).replace("intervalNs: 60_000_000_000", "intervalNs: 500_000_000"));
    }

    private String demo(final String policy, final String format) throws IOException
    {
        final int code = run("demo", "--policy", policy, "--events", EVENTS, "--rate", "0", "--format", format,
            "--journal", dir.resolve(policy + format).toString(), "--config", config().toString());
        assertEquals(0, code, err.toString());
        return out.toString();
    }

    /** A number of the first underlying (BTC) in the JSON report. */
    private static double number(final String json, final String key)
    {
        final Matcher m = Pattern.compile("\"" + key + "\":(-?[0-9.Ee+-]+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void shouldCompareThePoliciesOnTheSameSeed() throws IOException
    {
        final String none = demo("NONE", "json");
        assertTrue(none.contains("\"policy\":\"NONE\""), none);
        assertEquals(0.0, number(none, "fills"));
        assertEquals(0.0, number(none, "costs"));
        assertEquals(number(none, "pnl_sd_unhedged"), number(none, "pnl_sd_hedged"), "nothing hedged");

        final String band = demo("FIXED_BAND", "json");
        assertTrue(band.contains("\"policy\":\"FIXED_BAND\""), band);
        assertTrue(number(band, "fills") > 0, band);
        assertTrue(number(band, "fees") > 0.0 && number(band, "slippage") > 0.0, "taker fees and half spreads paid");
        assertEquals(number(none, "pnl_sd_unhedged"), number(band, "pnl_sd_unhedged"),
            0.1 * number(none, "pnl_sd_unhedged"), "same seed, same market (sampled at slightly different inputs)");
        assertTrue(number(band, "pnl_sd_hedged") < number(band, "pnl_sd_unhedged"), band);
        assertTrue(number(band, "mean_abs_delta") < number(none, "mean_abs_delta"), band);

        final String time = demo("TIME_INTERVAL", "json");
        assertTrue(time.contains("\"policy\":\"TIME_INTERVAL\""), time);
        assertTrue(number(time, "fills") > 0, time);
    }

    @Test
    void shouldPrintCostsAndResidualRiskAsText() throws IOException
    {
        final String text = demo("ZAKAMOULINE", "text");
        assertTrue(text.contains("policy ZAKAMOULINE: "), text);
        assertTrue(text.contains("spread/slippage vs mid") && text.contains("mean |delta|"), text);
    }

    @Test
    void shouldRefuseAnUnknownPolicy()
    {
        final int code = run("demo", "--policy", "MAGIC");
        assertEquals(2, code);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("MAGIC"), err.toString());
    }
}
