package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CiEnvironmentTests {
  @ParameterizedTest
  @ValueSource(strings = {"true", "1", "yes", "TRUE", ""})
  void anyValueButFalseOrZeroMeansCi(String value) {
    assertThat(CiEnvironment.isSet(Map.of("CI", value))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "FALSE", "False", "0"})
  void falseOrZeroMeansNoCi(String value) {
    assertThat(CiEnvironment.isSet(Map.of("CI", value))).isFalse();
  }

  @Test
  void noVariableMeansNoCi() {
    assertThat(CiEnvironment.isSet(Map.of("CONTINUOUS_INTEGRATION", "true"))).isFalse();
  }
}
