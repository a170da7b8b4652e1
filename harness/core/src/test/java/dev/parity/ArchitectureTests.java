package dev.parity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.parity.testing.Layers;
import org.assertj.core.api.InstanceOfAssertFactories;
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
        // The checksum JVM prints its digest for the JVM that started it, not for people.
        .and()
        .doNotHaveFullyQualifiedName("dev.parity.files.Sha256")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .because("only dev.parity.cli talks to people; the core returns values")
        .check(CORE);
  }

  @Test
  void everyPackageUsesOnlyThePackagesBelowItDirectlyOrTransitively() {
    Layers.dependOnlyDownwards("dev.parity").check(CORE);
  }

  @Test
  void everyPackageIsPlacedSoThatItsDirectionIsChecked() {
    Layers.everyPackagePlaced("dev.parity").check(CORE);
  }

  @Test
  void theDirectionRuleCatchesABackwardsPathThroughAnUnplacedPackage() {
    String root = "dev.parity.testing.layers.backwards";
    JavaClasses backwards = new ClassFileImporter().importPackages(root);

    EvaluationResult result = Layers.dependOnlyDownwards(root).evaluate(backwards);

    assertThat(result.getFailureReport().getDetails())
        .singleElement(as(InstanceOfAssertFactories.STRING))
        .contains(root + ".fixture.Loader", root + ".relay.Relay", root + ".engine.Orchestrator");
    // A rule on direct edges sees nothing wrong: the fixture never names the engine itself.
    assertThat(
            noClasses()
                .that()
                .resideInAPackage(root + ".fixture..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + ".engine..")
                .evaluate(backwards)
                .hasViolation())
        .isFalse();
  }

  @Test
  void theDirectionRuleAcceptsTheSamePathDownwards() {
    String root = "dev.parity.testing.layers.forwards";
    JavaClasses forwards = new ClassFileImporter().importPackages(root);

    assertThat(Layers.dependOnlyDownwards(root).evaluate(forwards).hasViolation()).isFalse();
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
