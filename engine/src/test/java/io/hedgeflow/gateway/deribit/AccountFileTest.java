package io.hedgeflow.gateway.deribit;

import io.hedgeflow.risk.margin.MarginModel;
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

class AccountFileTest
{
    @TempDir
    Path dir;

    private List<AccountFile.Account> read(final String text) throws IOException
    {
        return AccountFile.read(Files.writeString(dir.resolve("account"), text));
    }

    private String error(final String text) throws IOException
    {
        final Path file = Files.writeString(dir.resolve("account"), text);
        return assertThrows(PositionsException.class, () -> AccountFile.read(file)).getMessage()
            .replace(file.toString(), "FILE");
    }

    @Test
    void shouldReadTheExampleResponseWithOneAccountPerCurrency()
    {
        final List<AccountFile.Account> accounts = AccountFile.read(Path.of(System.getProperty("hedgeflow.root",
            ".."), "examples", "btc-account.json"));
        assertEquals(2, accounts.size());
        final AccountFile.Account btc = AccountFile.find(accounts, "btc");
        assertEquals(20.0, btc.equity());
        assertEquals(19.88, btc.balance());
        assertEquals(MarginModel.STANDARD, btc.marginModel());
        assertEquals(50_000.0, AccountFile.find(accounts, "USDC").equity());
        assertNull(AccountFile.find(accounts, "ETH"));
    }

    @Test
    void shouldReadAResultObjectAResponseAndYaml() throws IOException
    {
        final AccountFile.Account result = read("{\"currency\": \"eth\", \"equity\": 3.5, \"margin_model\": " +
            "\"cross_pm\", \"initial_margin\": null}").get(0);
        assertEquals("ETH", result.currency());
        assertEquals(MarginModel.PORTFOLIO, result.marginModel());
        assertTrue(Double.isNaN(result.initialMargin()) && Double.isNaN(result.maintenanceMargin()));
        assertEquals(1.25, read("{\"jsonrpc\": \"2.0\", \"result\": {\"currency\": \"BTC\", \"equity\": 1.25}}")
            .get(0).equity());
        final AccountFile.Account yaml = read("currency: BTC\nequity: 2_000.5\nportfolio_margining_enabled: true\n")
            .get(0);
        assertEquals(2_000.5, yaml.equity());
        assertEquals(MarginModel.PORTFOLIO, yaml.marginModel());
        assertNull(read("currency: BTC\nequity: 1\n").get(0).marginModel());
        assertEquals(2, read("{\"result\": {\"summaries\": [{\"currency\": \"BTC\", \"equity\": 1}, " +
            "{\"currency\": \"ETH\", \"equity\": 2}]}}").size());
    }

    @Test
    void shouldNameFileLineAndFieldOfEveryProblem() throws IOException
    {
        assertEquals("FILE:2: field 'equity': missing", error("\n{\"currency\": \"BTC\", \"balance\": 1}"));
        assertEquals("FILE:3: field 'equity': not a number: 'NaN'", error("currency: BTC\n\nequity: NaN\n"));
        assertEquals("FILE:2: field 'margin_model': unknown margin model 'isolated' (expected segregated_sm, " +
            "cross_sm, segregated_pm, cross_pm, legacy_pm, standard or portfolio)",
            error("currency: BTC\nmargin_model: isolated\nequity: 1\n"));
        assertEquals("FILE:3: field 'currency': duplicate account in BTC (first on line 2)",
            error("[\n{\"currency\": \"BTC\", \"equity\": 1},\n{\"currency\": \"btc\", \"equity\": 2}]"));
        assertEquals("FILE:1: field 'result': no account", error("[]"));
        assertTrue(error("{\"currency\": [").startsWith("FILE:1: field 'file': not JSON or YAML"));
        assertEquals("FILE:1: field 'result': expected an account object", error("[1]"));
    }
}
