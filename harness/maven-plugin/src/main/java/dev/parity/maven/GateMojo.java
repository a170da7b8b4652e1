package dev.parity.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * {@code parity gate}: verify (or, with {@code live}, compare) plus the benchmark; fails the build
 * unless the decision is candidate.
 */
@Mojo(name = "gate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class GateMojo extends ParityMojo {
  /** {@code --golden}: where the goldens are (default: golden/&lt;suite&gt;). */
  @Parameter(property = "parity.golden")
  @Nullable File golden;

  /** {@code --live}: compare both sides live instead of verifying against the goldens. */
  @Parameter(property = "parity.live", defaultValue = "false")
  boolean live;

  /**
   * {@code --strict} or {@code --no-strict}; unset, the command's default (strict when the
   * environment variable CI is set).
   */
  @Parameter(property = "parity.strict")
  @Nullable Boolean strict;

  /** {@code --candidate-version}: the version accepted differences are judged against. */
  @Parameter(property = "parity.candidateVersion")
  @Nullable String candidateVersion;

  /** {@code --noise}: discount (default) or detect. */
  @Parameter(property = "parity.noise")
  @Nullable String noise;

  /** {@code --time-budget}: the benchmark's time budget, e.g. 30s. */
  @Parameter(property = "parity.timeBudget")
  @Nullable String timeBudget;

  /** {@code --github-output}: append the decision for GitHub Actions to this file. */
  @Parameter(property = "parity.githubOutput")
  @Nullable File githubOutput;

  @Override
  String command() {
    return "gate";
  }

  @Override
  void own(List<String> line) {
    option(line, "--golden", golden == null ? null : golden.getPath());
    flag(line, "--live", live);
    if (strict != null) {
      line.add(strict ? "--strict" : "--no-strict");
    }
    option(line, "--candidate-version", candidateVersion);
    option(line, "--noise", noise);
    option(line, "--time-budget", timeBudget);
    option(line, "--github-output", githubOutput == null ? null : githubOutput.getPath());
  }
}
