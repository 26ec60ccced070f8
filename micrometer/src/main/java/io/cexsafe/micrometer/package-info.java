/** Micrometer metrics for assessments; optional, and free when absent. */
package io.cexsafe.micrometer;
