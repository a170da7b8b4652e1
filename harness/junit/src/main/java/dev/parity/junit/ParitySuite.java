package dev.parity.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the Parity suites in the given folders as JUnit tests: each suite a container, each case a
 * test. Paths are relative to the working directory of the test run (the module folder under Maven
 * Surefire), e.g. {@code @ParitySuite("fixtures/wordcount")}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ParitySuite {
  /** The suite folders (each holds a {@code suite.yaml}). */
  String[] value();
}
