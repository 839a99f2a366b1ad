package io.hedgeflow.cli;

/** Output format of reports. */
enum Format
{
    text, json
}
