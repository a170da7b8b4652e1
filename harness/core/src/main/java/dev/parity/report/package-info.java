/**
 * Reports written from a verdict and the run archive: verdict.json, JUnit XML, the HTML diff report
 * (index.html), summary.md.
 */
@NullMarked
package dev.parity.report;

import org.jspecify.annotations.NullMarked;
