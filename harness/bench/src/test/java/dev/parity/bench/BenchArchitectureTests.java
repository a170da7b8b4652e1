package dev.parity.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class BenchArchitectureTests {
  private static final JavaClasses BENCH =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.parity");

  @Test
  void benchmarksDoNotWriteToTheConsole() {
    noClasses()
        .that()
        .resideInAPackage("dev.parity.bench..")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .because("only dev.parity.cli talks to people; JMH runs silent and results are returned")
        .check(BENCH);
  }

  @Test
  void theCoreDoesNotDependOnTheBenchmarks() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.parity.bench..")
        .and()
        .resideInAPackage("dev.parity..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.parity.bench..")
        .check(BENCH);
  }
}
