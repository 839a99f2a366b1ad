package io.hedgeflow.backtest;

import io.hedgeflow.greeks.BlackScholes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathFileTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReadColumnsInAnyOrderAndFeedThePathsVolToTheLogic() throws Exception
    {
        final Path csv = Files.writeString(dir.resolve("p.csv"),
            "# a comment\nspot,vol,time\n49,0.2,0\n\n48,0.3,0.02\n50,0.25,0.04\n51,0.25,0.1\n");
        final MarketPath path = PathFile.read(csv);
        assertEquals(4, path.points());
        assertEquals(0.02, path.time(1), 0.0);
        assertEquals(48.0, path.spot(1), 0.0);
        assertEquals(0.3, path.vol(1), 0.0);

        final OptionPosition position = new OptionPosition(true, 50, 0.1, -1_000, 0.2, 0.05, 0.0, 49);
        final Ledger ledger = new Ledger();
        final PathResult result = new PathResult();
        new BacktestHost(position, PolicySpec.parse("band:0.0001"), 0.0, 0.0).run(path, result, ledger, true);
        for (int k = 0; k < 3; k++)
        {
            final double expected = BlackScholes.delta(true, path.spot(k), 50, 0.1 - path.time(k), 0.05, 0.0,
                path.vol(k));
            assertEquals(expected, ledger.rows().get(k).delta(), 1e-9, "the logic's delta at the path's vol, row " + k);
        }
        assertTrue(result.attribution[PathResult.VEGA] != 0.0, "vol moves are attributed to vega");
    }

    @Test
    void shouldRefuseATimeThatDoesNotIncreaseNamingLineAndColumn() throws Exception
    {
        final Path csv = Files.writeString(dir.resolve("p.csv"), "time,spot\n0,49\n0.5,48\n0.5,47\n");
        final PathFile.FormatException ex = assertThrows(PathFile.FormatException.class, () -> PathFile.read(csv));
        assertEquals(csv + ":4:1: time 0.5 does not increase (previous 0.5)", ex.getMessage());
    }
}
