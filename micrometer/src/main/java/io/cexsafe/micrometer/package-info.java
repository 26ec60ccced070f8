/**
 * Micrometer metrics for assessments; optional, and free when absent. {@link
 * io.cexsafe.micrometer.CexsafeMetrics} is a Micrometer {@code MeterBinder} and a cexsafe {@code
 * AssessmentListener}: bind it to a registry and give it to the {@code Assessor}. Core has no
 * Micrometer dependency; it calls the listener's no-op defaults when no metrics are wanted.
 */
package io.cexsafe.micrometer;
