/** Reports written from a verdict: verdict.json, Surefire-compatible JUnit XML. */
package dev.parity.report;
