package dev.parity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.Repository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every class with tests is run by {@code mvn verify}: its name matches surefire's patterns (the
 * root pom's {@code <includes>}) or failsafe's ({@code *IT}). A property class named {@code
 * *Properties} was run by neither until the root pom included it: sixteen of them, the comparison's
 * and the escaping's among them, had never run in CI.
 */
class TestClassNamesTests {
  /** Failsafe's default includes (its configuration in the root pom keeps them). */
  private static final String FAILSAFE = "IT.*|.*IT|.*ITCase";

  /** Class names surefire (the root pom's includes) or failsafe runs. */
  private static final Pattern RUN = Pattern.compile(surefireIncludes() + "|" + FAILSAFE);

  /** What makes a class hold tests, for JUnit Jupiter or jqwik. */
  private static final Pattern TESTS =
      Pattern.compile(
          "@(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate|Property|Example)\\b");

  @Test
  void everyClassWithTestsIsNamedSoThatTheBuildRunsIt() throws IOException {
    List<Path> missed;
    try (Stream<Path> files = Files.walk(Repository.root().resolve("harness"))) {
      missed =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(f -> f.toString().contains("/src/test/java/"))
              .filter(f -> !RUN.matcher(className(f)).matches())
              .filter(TestClassNamesTests::holdsTests)
              .toList();
    }

    assertThat(missed)
        .as("test classes whose names neither surefire nor failsafe runs (rename them)")
        .isEmpty();
  }

  @Test
  void thePatternsTakeWhatTheBuildRunsAndNotOtherClasses() {
    assertThat(List.of("ComparisonProperties", "EngineTests", "DemoGateIT", "TestHelper"))
        .allMatch(name -> RUN.matcher(name).matches());
    assertThat(List.of("TempSuite", "Repository", "PropertiesFile", "Fixtures"))
        .noneMatch(name -> RUN.matcher(name).matches());
  }

  /**
   * The root pom's surefire {@code <include>}s of the form {@code **}{@code /NAME.java} as one
   * pattern of class names ({@code *} any characters).
   */
  private static String surefireIncludes() {
    String pom;
    try {
      pom = Files.readString(Repository.root().resolve("pom.xml"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    int plugin = pom.indexOf("<artifactId>maven-surefire-plugin</artifactId>");
    String includes = pom.substring(plugin, pom.indexOf("</includes>", plugin));
    List<String> names =
        Pattern.compile("<include>\\*\\*/([^<]+)\\.java</include>")
            .matcher(includes)
            .results()
            .map(m -> m.group(1).replace("*", ".*"))
            .toList();
    assertThat(names).as("surefire's includes in the root pom").isNotEmpty();
    return String.join("|", names);
  }

  private static String className(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - ".java".length());
  }

  private static boolean holdsTests(Path file) {
    try {
      return TESTS.matcher(Files.readString(file, StandardCharsets.UTF_8)).find();
    } catch (IOException e) {
      throw new IllegalStateException(file.toString(), e);
    }
  }
}
