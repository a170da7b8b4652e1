package dev.parity.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * {@code parity compare}: runs legacy and candidate live and compares them; fails the build unless
 * every case passes.
 */
@Mojo(name = "compare", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CompareMojo extends ParityMojo {
  /** {@code --runs}: legacy runs per case, to find noise. */
  @Parameter(property = "parity.runs")
  @Nullable Integer runs;

  /** {@code --noise}: discount (default) or detect. */
  @Parameter(property = "parity.noise")
  @Nullable String noise;

  @Override
  String command() {
    return "compare";
  }

  @Override
  void own(List<String> line) {
    option(line, "--runs", runs == null ? null : runs.toString());
    option(line, "--noise", noise);
  }
}
