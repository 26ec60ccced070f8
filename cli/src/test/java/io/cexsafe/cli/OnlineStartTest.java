package io.cexsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Main has the HTTP client's TLS set-up built on another core only for command lines that start by
 * fetching: online assessments, not help, offline runs or commands that fetch later or never.
 */
class OnlineStartTest {
  @Test
  void onlineAssessmentsStartByFetching() {
    assertThat(Main.fetchesFirst("assess", "crypto-com")).isTrue();
    assertThat(Main.fetchesFirst("assess", "--all", "--format", "json")).isTrue();
    assertThat(Main.fetchesFirst("assess", "crypto-com", "--store", "runs.db")).isTrue();
    assertThat(Main.fetchesFirst("compare", "crypto-com", "kraken")).isTrue();
  }

  @Test
  void offlineHelpAndVersionDoNot() {
    assertThat(Main.fetchesFirst("assess", "crypto-com", "--offline")).isFalse();
    assertThat(Main.fetchesFirst("compare", "--offline", "crypto-com", "kraken")).isFalse();
    assertThat(Main.fetchesFirst("assess", "--help")).isFalse();
    assertThat(Main.fetchesFirst("assess", "-h")).isFalse();
    assertThat(Main.fetchesFirst("compare", "--version")).isFalse();
    assertThat(Main.fetchesFirst("assess", "-V")).isFalse();
  }

  @Test
  void otherCommandsAndBadInputDoNot() {
    assertThat(Main.fetchesFirst()).isFalse();
    assertThat(Main.fetchesFirst("")).isFalse();
    assertThat(Main.fetchesFirst("exchanges")).isFalse();
    assertThat(Main.fetchesFirst("por", "verify", "user.json", "tree.txt")).isFalse();
    assertThat(Main.fetchesFirst("watch", "--store", "runs.db")).isFalse();
    assertThat(Main.fetchesFirst("history", "crypto-com")).isFalse();
    assertThat(Main.fetchesFirst("ASSESS", "crypto-com")).as("not a command").isFalse();
    assertThat(Main.fetchesFirst("--verbose", "assess", "crypto-com"))
        .as("an option before the command: left to the usual lazy start")
        .isFalse();
  }
}
