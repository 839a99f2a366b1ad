package io.hedgeflow.gateway.deribit;

import io.hedgeflow.risk.margin.MarginModel;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import static io.hedgeflow.gateway.deribit.YamlNodes.field;
import static io.hedgeflow.gateway.deribit.YamlNodes.line;
import static io.hedgeflow.gateway.deribit.YamlNodes.lineOf;
import static io.hedgeflow.gateway.deribit.YamlNodes.parse;
import static io.hedgeflow.gateway.deribit.YamlNodes.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an account's state per settlement currency: the JSON of Deribit's {@code private/get_account_summary}
 * (the whole response {@code {"jsonrpc": .., "result": {..}}}, just the result object, a list of results for
 * several currencies, or {@code private/get_account_summaries}' {@code result.summaries}) or the same keys in YAML.
 * Read: {@code currency} and {@code equity} (required), {@code balance}, {@code initial_margin},
 * {@code maintenance_margin} (optional, NaN when absent) and {@code margin_model} (optional: Deribit's
 * {@code segregated_sm}, {@code cross_sm}, {@code segregated_pm}, {@code cross_pm}, {@code legacy_pm}, or
 * {@code standard} / {@code portfolio}; without it {@code portfolio_margining_enabled: true} means portfolio);
 * other keys are ignored. Amounts are in the currency (coin for BTC, ETH; USDC for USDC). Any problem (not JSON or
 * YAML, a missing or non-numeric field, an unknown margin model, a currency given twice, no account at all) is an
 * {@link PositionsException} naming file, line and field.
 */
public final class AccountFile
{
    private AccountFile()
    {
    }

    /**
     * One settlement currency's account.
     *
     * @param currency          upper case, as Deribit names it (BTC, ETH, USDC).
     * @param equity            equity, in the currency.
     * @param balance           cash balance, NaN when absent.
     * @param initialMargin     Deribit's initial margin, NaN when absent.
     * @param maintenanceMargin Deribit's maintenance margin, NaN when absent.
     * @param marginModel       the model the file names, null when it names none.
     * @param line              line of the account object.
     */
    public record Account(
        String currency, double equity, double balance, double initialMargin, double maintenanceMargin,
        MarginModel marginModel, int line)
    {
    }

    /** Reads and validates the file; accounts in file order. */
    public static List<Account> read(final Path file)
    {
        final String text = YamlNodes.read(file, "Deribit get_account_summary JSON or YAML");
        final Node root = parse(file, text, "JSON or YAML");
        Node result = root instanceof MappingNode response && field(response, "result") != null ?
            field(response, "result") : root;
        if (result instanceof MappingNode summaries && field(summaries, "summaries") != null)
        {
            result = field(summaries, "summaries");
        }
        final List<Account> accounts = new ArrayList<>();
        if (result instanceof SequenceNode list)
        {
            for (final Node item : list.getValue())
            {
                accounts.add(account(file, item));
            }
        }
        else
        {
            accounts.add(account(file, result));
        }
        if (accounts.isEmpty())
        {
            throw new PositionsException(file, line(root), "result", "no account");
        }
        for (int i = 1; i < accounts.size(); i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (accounts.get(i).currency().equals(accounts.get(j).currency()))
                {
                    throw new PositionsException(file, accounts.get(i).line(), "currency", "duplicate account in " +
                        accounts.get(i).currency() + " (first on line " + accounts.get(j).line() + ")");
                }
            }
        }
        return accounts;
    }

    /** The account in a currency (case-insensitive), or null. */
    public static Account find(final List<Account> accounts, final String currency)
    {
        for (final Account account : accounts)
        {
            if (account.currency().equalsIgnoreCase(currency))
            {
                return account;
            }
        }
        return null;
    }

    private static Account account(final Path file, final Node item)
    {
        if (!(item instanceof MappingNode node))
        {
            throw new PositionsException(file, line(item), "result", "expected an account object");
        }
        final String currency = text(file, node, "currency", true).strip().toUpperCase(Locale.ROOT);
        if (currency.isEmpty())
        {
            throw new PositionsException(file, lineOf(node, "currency"), "currency", "empty");
        }
        return new Account(currency, number(file, node, "equity", true), number(file, node, "balance", false),
            number(file, node, "initial_margin", false), number(file, node, "maintenance_margin", false),
            model(file, node), line(node));
    }

    private static MarginModel model(final Path file, final MappingNode node)
    {
        final String name = text(file, node, "margin_model", false);
        if (name == null)
        {
            final String portfolio = text(file, node, "portfolio_margining_enabled", false);
            return portfolio == null ? null : portfolio.strip().equalsIgnoreCase("true") ?
                MarginModel.PORTFOLIO : MarginModel.STANDARD;
        }
        final MarginModel model = MarginModel.of(name.strip());
        if (model == null)
        {
            throw new PositionsException(file, lineOf(node, "margin_model"), "margin_model", "unknown margin model '" +
                name + "' (expected segregated_sm, cross_sm, segregated_pm, cross_pm, legacy_pm, standard or " +
                "portfolio)");
        }
        return model;
    }

    private static double number(final Path file, final MappingNode node, final String key, final boolean required)
    {
        final String value = text(file, node, key, required);
        return value == null ? Double.NaN : YamlNodes.number(file, lineOf(node, key), key, value);
    }
}
