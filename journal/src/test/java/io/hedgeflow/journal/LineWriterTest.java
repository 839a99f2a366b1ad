package io.hedgeflow.journal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LineWriterTest
{
    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "1, 0.00000001",
        "-5, -0.00000005",
        "100000000, 1",
        "-100000000, -1",
        "-150000000, -1.5",
        "10000050000000, 100000.5",
        "12345678901, 123.45678901",
        "9223372036854775807, 92233720368.54775807",
        "-9223372036854775808, -92233720368.54775808"
    })
    void shouldPrintFixed8AsExactDecimal(final long mantissa, final String expected)
    {
        final StringBuilder out = new StringBuilder();
        LineWriter.appendFixed8(out, mantissa);
        assertEquals(expected, out.toString());
    }
}
