package io.hedgeflow.gateway.deribit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PositionsFileTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReadTheCommittedExampleBookAsAWholeGetPositionsResponse()
    {
        final List<PositionsFile.Position> book = PositionsFile.read(Path.of("..", "examples", "btc-book.json"));
        assertEquals(8, book.size());
        assertEquals("BTC-23JUN23-26000-C", book.get(0).instrument());
        assertEquals(-25.0, book.get(0).size());
        assertEquals("option", book.get(0).kind());
        assertEquals(0.0105, book.get(0).averagePrice());
        assertEquals("BTC-PERPETUAL", book.get(6).instrument());
        assertEquals(150_000.0, book.get(6).size());
    }

    @Test
    void shouldReadTheResultArrayAlone() throws IOException
    {
        final Path file = write("a.json", """
            [
              {"instrument_name": "ETH-PERPETUAL", "size": -1200, "direction": "sell", "kind": "future"},
              {"instrument_name": "ETH_USDC-30JUN23-1d5-C", "size": 3.5, "direction": "buy"}
            ]
            """);
        final List<PositionsFile.Position> book = PositionsFile.read(file);
        assertEquals(-1200.0, book.get(0).size());
        assertEquals(3, book.get(1).line());
        assertNull(book.get(1).kind());
        assertTrue(Double.isNaN(book.get(1).averagePrice()));
    }

    @Test
    void shouldReadCsvWithHeaderAndComments() throws IOException
    {
        final Path file = write("a.csv", "instrument,size\n# hedges\nBTC-PERPETUAL,-50000\nBTC-16JUN23-25000-P,12\n");
        final List<PositionsFile.Position> book = PositionsFile.read(file);
        assertEquals(2, book.size());
        assertEquals(4, book.get(1).line());
        assertEquals(12.0, book.get(1).size());
    }

    @Test
    void shouldNameFileLineAndFieldOfEveryProblem() throws IOException
    {
        assertProblem("a.csv", "BTC-PERPETUAL,10\nBTC-PERPETUAL,20\n",
            ":2: field 'instrument_name': duplicate position in BTC-PERPETUAL (first on line 1)");
        assertProblem("b.csv", "BTC-PERPETUAL,ten\n", ":1: field 'size': not a number: 'ten'");
        assertProblem("c.csv", "BTC-FOO-1,1\n", ":1: field 'instrument_name': not a Deribit instrument name: 'BTC-FOO-1'");
        assertProblem("d.json", "[\n {\"instrument_name\": \"BTC-PERPETUAL\",\n  \"size\": \"abc\"}]",
            ":3: field 'size': not a number: 'abc'");
        assertProblem("e.json", "[{\"size\": 1}]", ":1: field 'instrument_name': missing");
        assertProblem("f.json", "[{\"instrument_name\": \"BTC-PERPETUAL\", \"size\": 10, \"direction\": \"sell\"}]",
            ":1: field 'direction': 'sell' contradicts size 10.0");
        assertProblem("g.json", "{\"result\": 3}", ":1: field 'result': expected an array of positions");
        assertProblem("h.json", "[{\"instrument_name\": ", ": field 'file': not JSON");
        assertProblem("i.csv", "BTC-PERPETUAL;10\n", ":1: field 'line': expected instrument,size");
    }

    @Test
    void shouldNameAMissingBlankOrDirectoryFileWithoutALineOrField() throws IOException
    {
        final Path missing = dir.resolve("missing.json");
        assertEquals(missing + ": no such file",
            assertThrows(PositionsException.class, () -> PositionsFile.read(missing)).getMessage());
        assertEquals(dir + ": is a directory, not a file",
            assertThrows(PositionsException.class, () -> PositionsFile.read(dir)).getMessage());
        final Path blank = write("blank.csv", " \n");
        assertEquals(blank + ": empty file (expected Deribit get_positions JSON or instrument,size CSV)",
            assertThrows(PositionsException.class, () -> PositionsFile.read(blank)).getMessage());
        assertEquals(missing + ": no such file",
            assertThrows(PositionsException.class, () -> AccountFile.read(missing)).getMessage());
    }

    private void assertProblem(final String name, final String text, final String message) throws IOException
    {
        final Path file = write(name, text);
        final PositionsException ex = assertThrows(PositionsException.class, () -> PositionsFile.read(file));
        assertTrue(ex.getMessage().startsWith(file.toString()), ex.getMessage());
        assertTrue(ex.getMessage().contains(message), ex.getMessage());
    }

    private Path write(final String name, final String text) throws IOException
    {
        return Files.writeString(dir.resolve(name), text);
    }
}
