/**
 * The {@code hedgeflow} command line (picocli): {@link io.hedgeflow.cli.HedgeflowTool} and one command class per
 * subcommand. Exit codes 0 ok, 1 runtime failure, 2 bad usage or input, always with one line on stderr.
 */
package io.hedgeflow.cli;
