package io.hedgeflow.config;

import io.hedgeflow.logic.LogicContext;
import io.hedgeflow.logic.PolicyContext;
import io.hedgeflow.pipeline.EngineContext;
import io.hedgeflow.risk.LimitsContext;
import io.hedgeflow.sim.SimContext;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * Loads a YAML configuration file into an {@link EngineContext}. Sections {@code logic}, {@code policy},
 * {@code underlyings}, {@code limits}, {@code margin}, {@code engine} and {@code sim}; each key is the name of a setter of the
 * section's context (the table of keys is docs/configuration.md). Every section a file gives starts from the
 * built-in {@link Defaults}, except {@code limits}, which must be complete (fail closed); each underlying of
 * {@code underlyings} starts from the {@code policy} section. Any problem is a {@link ConfigException} naming file,
 * line and key.
 * <pre>
 * policy:                 # PolicyContext of every underlying
 *   type: FIXED_BAND
 *   bandUsd: 250000
 * underlyings:            # per underlying id, the policy keys that differ
 *   2:
 *     type: TIME_INTERVAL
 * limits:
 *   maxOrderQuantity: 200000
 *   ...
 * </pre>
 */
public final class ConfigFile
{
    private static final Object UNDERLYINGS = new Object();

    private ConfigFile()
    {
    }

    /** Reads and validates a configuration file; the journal directory is left to the caller. */
    public static EngineContext load(final Path file)
    {
        final MappingNode root = parse(file);
        final LimitsContext limits = new LimitsContext();
        final LogicContext logic = Defaults.logicContext().limits(limits);
        final SimContext sim = new SimContext();
        final EngineContext engine = new EngineContext().logicContext(logic).simContext(sim);
        final Map<String, Object> sections = Map.of(
            "logic", logic, "policy", logic.policy(), "underlyings", UNDERLYINGS, "limits", limits, "margin",
            logic.margin(), "engine", engine, "sim", sim, "fix", engine.fixContext());
        int limitsLine = line(root);
        MappingNode underlyings = null;
        final Set<String> seen = new HashSet<>();
        for (final NodeTuple section : root.getValue())
        {
            final String name = scalar(file, section.getKeyNode(), "section name");
            final Object target = sections.get(name);
            if (target == null)
            {
                throw new ConfigException(file, line(section.getKeyNode()), name,
                    "unknown section (expected logic, policy, underlyings, limits, margin, engine, sim or fix)");
            }
            if (!(section.getValueNode() instanceof MappingNode keys))
            {
                throw new ConfigException(file, line(section.getValueNode()), name, "must be a mapping of keys");
            }
            limitsLine = "limits".equals(name) ? line(section.getKeyNode()) : limitsLine;
            if (!seen.add(name))
            {
                throw new ConfigException(file, line(section.getKeyNode()), name, "section given twice");
            }
            if (target == UNDERLYINGS)
            {
                underlyings = keys;
                continue;
            }
            for (final NodeTuple key : keys.getValue())
            {
                final String keyName = scalar(file, key.getKeyNode(), "key");
                if (!seen.add(name + "." + keyName))
                {
                    throw new ConfigException(file, line(key.getKeyNode()), name + "." + keyName, "key given twice");
                }
                ConfigSetter.apply(file, name, target, keyName, key.getKeyNode(), key.getValueNode());
            }
        }
        if (underlyings != null)
        {
            underlyingPolicies(file, underlyings, logic);
        }
        conclude(file, root, engine, limitsLine);
        return engine;
    }

    /** Section {@code underlyings}: per underlying id, a copy of the {@code policy} section with its own keys. */
    private static void underlyingPolicies(final Path file, final MappingNode underlyings, final LogicContext logic)
    {
        final Set<Integer> seen = new HashSet<>();
        for (final NodeTuple underlying : underlyings.getValue())
        {
            final String id = scalar(file, underlying.getKeyNode(), "underlying id");
            final int underlyingId;
            try
            {
                underlyingId = Integer.parseInt(id.trim());
            }
            catch (final NumberFormatException ex)
            {
                throw new ConfigException(file, line(underlying.getKeyNode()), "underlyings." + id,
                    "must be an underlying id (an integer)");
            }
            final String section = "underlyings." + underlyingId;
            if (!seen.add(underlyingId))
            {
                throw new ConfigException(file, line(underlying.getKeyNode()), section, "underlying given twice");
            }
            if (!(underlying.getValueNode() instanceof MappingNode keys))
            {
                throw new ConfigException(file, line(underlying.getValueNode()), section, "must be a mapping of keys");
            }
            final PolicyContext policy = logic.policy().copy();
            final Set<String> keysSeen = new HashSet<>();
            for (final NodeTuple key : keys.getValue())
            {
                final String keyName = scalar(file, key.getKeyNode(), "key");
                if (!keysSeen.add(keyName))
                {
                    throw new ConfigException(file, line(key.getKeyNode()), section + "." + keyName, "key given twice");
                }
                ConfigSetter.apply(file, section, policy, keyName, key.getKeyNode(), key.getValueNode());
            }
            logic.underlyingPolicy(underlyingId, policy);
        }
    }

    private static void conclude(final Path file, final MappingNode root, final EngineContext engine, final int limitsLine)
    {
        conclude(file, root, "limits", engine.logicContext().limits()::conclude, limitsLine);
        conclude(file, root, "margin", engine.logicContext().margin()::conclude, 1);
        conclude(file, root, "logic", engine.logicContext()::conclude, 1);
        conclude(file, root, "sim", engine.simContext()::conclude, 1);
        conclude(file, root, "engine", engine.journalDir(Path.of("."))::conclude, 1);
    }

    /** Runs a context's validation; its message starts with the key (SimContext: "invalid SimContext.key: ..."). */
    private static void conclude(
        final Path file, final MappingNode root, final String section, final Runnable check, final int fallbackLine)
    {
        try
        {
            check.run();
        }
        catch (final IllegalArgumentException ex)
        {
            final String message = ex.getMessage().replaceFirst("^invalid SimContext\\.([A-Za-z]+):", "$1 is invalid:");
            final String key = message.split(" ", 2)[0].replaceFirst("^" + section + "\\.", "");
            final String dotted = key.startsWith("policy.") || key.startsWith("underlyings.") ? key : section + "." + key;
            throw new ConfigException(file, lineOf(root, dotted, fallbackLine), dotted,
                message.substring(message.indexOf(' ') + 1));
        }
    }

    /**
     * Line of a dotted key (section.key, or underlyings.id.key) in the file: of the deepest part present, or the
     * fallback line when not even the section is.
     */
    private static int lineOf(final MappingNode root, final String dottedKey, final int fallback)
    {
        int line = fallback;
        MappingNode mapping = root;
        for (final String part : dottedKey.split("\\."))
        {
            Node value = null;
            for (final NodeTuple tuple : mapping.getValue())
            {
                if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().trim().equals(part))
                {
                    line = line(tuple.getKeyNode());
                    value = tuple.getValueNode();
                }
            }
            if (!(value instanceof MappingNode next))
            {
                return line;
            }
            mapping = next;
        }
        return line;
    }

    /** Parses a YAML file into its root mapping; any problem is a {@link ConfigException} naming the file. */
    public static MappingNode parse(final Path file)
    {
        if (!Files.isRegularFile(file))
        {
            throw new ConfigException(file, 0, "", Files.isDirectory(file) ?
                "is a directory, not a configuration file" : "no such configuration file");
        }
        try (Reader reader = Files.newBufferedReader(file))
        {
            final Optional<Node> node = new Compose(LoadSettings.builder().setLabel(file.toString()).build())
                .composeReader(reader);
            if (node.isEmpty() || !(node.get() instanceof MappingNode root))
            {
                throw new ConfigException(file, 1, "", "must be a YAML mapping of sections");
            }
            return root;
        }
        catch (final MarkedYamlEngineException ex)
        {
            final int line = ex.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            throw new ConfigException(file, line, "", "not valid YAML: " + ex.getProblem());
        }
        catch (final YamlEngineException ex)
        {
            throw new ConfigException(file, 0, "", "not valid YAML: " + ex.getMessage());
        }
        catch (final IOException ex)
        {
            throw new ConfigException(file, 0, "", "cannot be read: " + ex.getMessage());
        }
    }

    /** The value of a plain scalar node, else a {@link ConfigException} saying what it should have been. */
    public static String scalar(final Path file, final Node node, final String what)
    {
        if (node instanceof ScalarNode s)
        {
            return s.getValue();
        }
        throw new ConfigException(file, line(node), "", what + " must be a plain value" +
            (node instanceof SequenceNode ? ", not a list" : ""));
    }

    /** One-based line of a node, 0 if unknown. */
    public static int line(final Node node)
    {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }
}
