package dev.parity.junit;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/**
 * The JUnit Platform engine {@code parity}: each Parity suite is a container and each of its cases
 * a test, run (verify, or compare with {@code parity.mode=compare}) through the engine the CLI
 * uses, with the same reports. A differing case fails with an {@code AssertionFailedError} whose
 * expected and actual values are the normalized golden and candidate outputs, so IDEs show their
 * diff. Registered through {@code META-INF/services}: having {@code parity-junit} on the test
 * classpath is enough.
 */
public final class ParityTestEngine implements TestEngine {
  /** The engine id, e.g. for {@code includeEngines}. */
  public static final String ID = "parity";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Optional<String> getGroupId() {
    return Optional.of("dev.parity");
  }

  @Override
  public Optional<String> getArtifactId() {
    return Optional.of("parity-junit");
  }

  @Override
  public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
    EngineDescriptor engine = new EngineDescriptor(uniqueId, "Parity");
    Settings settings = Settings.of(request.getConfigurationParameters());
    new SuiteDiscovery(engine, Path.of("")).discover(request, settings);
    return engine;
  }

  @Override
  public void execute(ExecutionRequest request) {
    TestDescriptor engine = request.getRootTestDescriptor();
    EngineExecutionListener listener = request.getEngineExecutionListener();
    Settings settings = Settings.of(request.getConfigurationParameters());
    listener.executionStarted(engine);
    for (TestDescriptor child : engine.getChildren()) {
      if (child instanceof SuiteDescriptor suite) {
        new SuiteExecution(suite, settings, listener).run();
      }
    }
    listener.executionFinished(engine, TestExecutionResult.successful());
  }
}
