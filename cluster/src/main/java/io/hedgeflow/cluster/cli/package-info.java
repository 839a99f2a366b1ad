/**
 * The {@code hedgeflow cluster} commands, added to the {@code hedgeflow} command line through
 * {@link io.hedgeflow.cli.CommandExtension}.
 */
package io.hedgeflow.cluster.cli;
