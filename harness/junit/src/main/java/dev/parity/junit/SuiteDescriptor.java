package dev.parity.junit;

import dev.parity.fixture.Suite;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/**
 * A suite as a JUnit container: its cases are its children. A suite that could not be loaded has no
 * child and carries the problem, which fails the container when it runs.
 */
final class SuiteDescriptor extends AbstractTestDescriptor {
  static final String SEGMENT = "suite";

  private final Path folder;
  private final Optional<Suite> suite;
  private final Optional<RuntimeException> problem;

  private SuiteDescriptor(
      UniqueId id,
      String name,
      TestSource source,
      Path folder,
      Optional<Suite> suite,
      Optional<RuntimeException> problem) {
    super(id, name, source);
    this.folder = folder;
    this.suite = suite;
    this.problem = problem;
  }

  static SuiteDescriptor loaded(UniqueId id, TestSource source, Suite suite) {
    return new SuiteDescriptor(
        id, suite.name(), source, suite.folder(), Optional.of(suite), Optional.empty());
  }

  /** A suite that cannot run: {@code problem} says what and where, as the CLI says it. */
  static SuiteDescriptor broken(
      UniqueId id, TestSource source, Path folder, RuntimeException problem) {
    String name =
        folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
    return new SuiteDescriptor(id, name, source, folder, Optional.empty(), Optional.of(problem));
  }

  Path folder() {
    return folder;
  }

  Optional<Suite> suite() {
    return suite;
  }

  Optional<RuntimeException> problem() {
    return problem;
  }

  /**
   * A broken suite has no case yet must run, to fail with its problem; without this JUnit would
   * prune it as an empty container and the problem would go unseen.
   */
  @Override
  public boolean mayRegisterTests() {
    return problem.isPresent();
  }

  @Override
  public Type getType() {
    return Type.CONTAINER;
  }
}
