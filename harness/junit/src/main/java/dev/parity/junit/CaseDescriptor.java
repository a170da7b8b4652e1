package dev.parity.junit;

import dev.parity.fixture.Case;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FileSource;

/**
 * A case as a JUnit test, named by its id and tagged with its tags, so that tag filters ({@code
 * -Dgroups=} under Surefire) and IDEs select cases as they select tests.
 */
final class CaseDescriptor extends AbstractTestDescriptor {
  static final String SEGMENT = "case";

  private final String caseId;
  private final Set<TestTag> tags;

  CaseDescriptor(UniqueId parent, Case testCase) {
    super(
        parent.append(SEGMENT, testCase.id()),
        testCase.id(),
        FileSource.from(testCase.source().toFile()));
    this.caseId = testCase.id();
    Set<TestTag> valid = new LinkedHashSet<>();
    // A tag JUnit cannot express (a space, a comma, parentheses...) cannot be filtered on: it is
    // left out rather than failing the discovery of every other case.
    for (String tag : testCase.tags()) {
      if (TestTag.isValid(tag)) {
        valid.add(TestTag.create(tag));
      }
    }
    this.tags = Set.copyOf(valid);
  }

  String caseId() {
    return caseId;
  }

  @Override
  public Set<TestTag> getTags() {
    return tags;
  }

  @Override
  public Type getType() {
    return Type.TEST;
  }
}
