package io.cexsafe.scoring;

import io.cexsafe.Pillar;

/**
 * The documentation of one scoring rule.
 *
 * @param id stable id, {@code <pillar>.<name>}
 * @param pillar the pillar it belongs to
 * @param title a short title
 * @param maxPoints the most it awards (a pillar's rules sum to 100)
 * @param rubric how points are awarded
 * @param rationale why
 */
public record RuleInfo(
    String id, Pillar pillar, String title, double maxPoints, String rubric, String rationale) {}
