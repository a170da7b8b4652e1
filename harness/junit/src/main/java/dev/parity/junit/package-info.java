/**
 * The JUnit Platform engine {@code parity}: discovers suites, shows each as a container of its
 * cases, and runs them through the engine the CLI uses, writing the same reports.
 */
@NullMarked
package dev.parity.junit;

import org.jspecify.annotations.NullMarked;
