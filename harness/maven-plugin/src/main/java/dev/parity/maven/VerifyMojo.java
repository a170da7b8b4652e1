package dev.parity.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * {@code parity verify}: runs the candidate and compares it with the recorded goldens; fails the
 * build unless every case passes.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class VerifyMojo extends ParityMojo {
  /** {@code --golden}: where the goldens are (default: golden/&lt;suite&gt;). */
  @Parameter(property = "parity.golden")
  @Nullable File golden;

  /**
   * {@code --strict}: also fail on orphan goldens, pending results and expired accepted
   * differences.
   */
  @Parameter(property = "parity.strict", defaultValue = "false")
  boolean strict;

  /** {@code --candidate-version}: the version accepted differences are judged against. */
  @Parameter(property = "parity.candidateVersion")
  @Nullable String candidateVersion;

  @Override
  String command() {
    return "verify";
  }

  @Override
  void own(List<String> line) {
    option(line, "--golden", golden == null ? null : golden.getPath());
    flag(line, "--strict", strict);
    option(line, "--candidate-version", candidateVersion);
  }
}
