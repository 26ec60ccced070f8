/**
 * Run history: stored runs, evidence, collector outcomes and scorecards, their diffs and alerts.
 */
package io.cexsafe.store;
