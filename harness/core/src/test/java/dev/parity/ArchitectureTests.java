package dev.parity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTests {
  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.parity");

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("dev.parity.(*)..").should().beFreeOfCycles().check(CORE);
  }

  @Test
  void onlyTheCommandLineWritesToTheConsole() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.parity.cli..")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .because("only dev.parity.cli talks to people; the core returns values")
        .check(CORE);
  }

  @Test
  void dataFlowsOneWay() {
    noClasses()
        .that()
        .resideInAPackage("dev.parity.fixture..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.parity.run..",
            "dev.parity.golden..",
            "dev.parity.diff..",
            "dev.parity.verdict..",
            "dev.parity.engine..",
            "dev.parity.report..")
        .check(CORE);
    noClasses()
        .that()
        .resideInAPackage("dev.parity.verdict..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.parity.engine..", "dev.parity.report..")
        .check(CORE);
    noClasses()
        .that()
        .resideInAPackage("dev.parity.report..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.parity.engine..")
        .check(CORE);
  }

  @Test
  void normalizationComesBeforeDiffsAndVerdicts() {
    noClasses()
        .that()
        .resideInAPackage("dev.parity.normalize..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.parity.golden..",
            "dev.parity.diff..",
            "dev.parity.noise..",
            "dev.parity.verdict..",
            "dev.parity.engine..",
            "dev.parity.report..")
        .check(CORE);
    noClasses()
        .that()
        .resideInAPackage("dev.parity.noise..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.parity.golden..",
            "dev.parity.verdict..",
            "dev.parity.engine..",
            "dev.parity.report..")
        .check(CORE);
  }

  @Test
  void redactionSitsBetweenRunningAndEverythingThatWrites() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.parity.fixture..", "dev.parity.run..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.parity.redact..")
        .check(CORE);
    noClasses()
        .that()
        .resideInAPackage("dev.parity.redact..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.parity.normalize..",
            "dev.parity.diff..",
            "dev.parity.golden..",
            "dev.parity.verdict..",
            "dev.parity.engine..",
            "dev.parity.report..")
        .because("secrets are replaced as observations arrive, before anything else sees them")
        .check(CORE);
  }
}
