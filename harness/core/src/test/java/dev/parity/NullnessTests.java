package dev.parity;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/**
 * NullAway (run by Error Prone when the main code compiles, see the root pom) checks every {@code
 * dev.parity} class; {@code @NullMarked} on each package says the same to readers, IDEs and other
 * checkers, so a new package must carry it too.
 */
class NullnessTests {
  @Test
  void everyMainPackageIsNullMarked() {
    Set<JavaPackage> packages =
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.parity")
                .stream()
                .map(JavaClass::getPackage)
                .collect(Collectors.toSet());
    Set<String> unmarked =
        packages.stream()
            .filter(p -> !p.isAnnotatedWith(NullMarked.class))
            .map(JavaPackage::getName)
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(packages).extracting(JavaPackage::getName).contains("dev.parity.engine");
    assertThat(unmarked).as("packages without @NullMarked in package-info.java").isEmpty();
  }
}
