/**
 * Runs one suite end to end as every front end does (the CLI's commands, the JUnit engine, the
 * Maven plugin through the CLI): the cases on the engine, the observations the reports show, and
 * the reports of a run that failed.
 */
@NullMarked
package dev.parity.session;

import org.jspecify.annotations.NullMarked;
