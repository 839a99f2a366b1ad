/**
 * Configuration: the built-in defaults ({@link io.hedgeflow.config.Defaults}) used when no configuration file is
 * given.
 */
package io.hedgeflow.config;
