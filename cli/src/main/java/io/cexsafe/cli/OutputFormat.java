package io.cexsafe.cli;

/** Output formats. */
enum OutputFormat {
  TABLE,
  JSON
}
