package dev.parity.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/** {@code parity record}: runs legacy on every case and stores its outputs as goldens. */
@Mojo(name = "record", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class RecordMojo extends ParityMojo {
  /** {@code --golden}: where the goldens go (default: golden/&lt;suite&gt;). */
  @Parameter(property = "parity.golden")
  @Nullable File golden;

  /** {@code --update}: replace goldens whose content changed. */
  @Parameter(property = "parity.update", defaultValue = "false")
  boolean update;

  /** {@code --force}: write goldens even when the environment variable CI is set. */
  @Parameter(property = "parity.force", defaultValue = "false")
  boolean force;

  /** {@code --runs}: legacy runs per case, to find noise. */
  @Parameter(property = "parity.runs")
  @Nullable Integer runs;

  /** {@code --suggest-rules}: print rules that would cover the noise found. */
  @Parameter(property = "parity.suggestRules", defaultValue = "false")
  boolean suggestRules;

  @Override
  String command() {
    return "record";
  }

  @Override
  void own(List<String> line) {
    option(line, "--golden", golden == null ? null : golden.getPath());
    flag(line, "--update", update);
    flag(line, "--force", force);
    option(line, "--runs", runs == null ? null : runs.toString());
    flag(line, "--suggest-rules", suggestRules);
  }
}
