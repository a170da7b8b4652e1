package dev.parity.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.parity.testing.Layers;
import org.junit.jupiter.api.Test;

class BenchArchitectureTests {
  private static final JavaClasses BENCH =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          // The core's test classes (the layer rule itself) come as a jar outside the reactor.
          .withImportOption(location -> !location.contains("-tests.jar"))
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

  @Test
  void theBenchmarksUseOnlyThePackagesBelowThemNeverTheEngine() {
    Layers.dependOnlyDownwards("dev.parity").check(BENCH);
    Layers.everyPackagePlaced("dev.parity").check(BENCH);
  }
}
