package dev.parity.engine;

import dev.parity.diff.Fact;
import dev.parity.diff.ObservationComparator;
import dev.parity.fixture.Case;
import dev.parity.fixture.CommandCase;
import dev.parity.run.Observation;
import java.util.ArrayList;
import java.util.List;

/**
 * Declared output files that neither side wrote. Both sides agreeing on "no file" must not read as
 * "identical": the case declared the file, so its absence is an error unless the case says {@code
 * optional: true}.
 */
final class MissingOutputs {
  private MissingOutputs() {}

  /** One fact per declared output absent from both observations. */
  static List<Fact> of(Case testCase, Observation legacy, Observation candidate) {
    List<Fact> facts = new ArrayList<>();
    if (!(testCase instanceof CommandCase command)) {
      return facts;
    }
    for (String output : command.outputs()) {
      String stream = Observation.FILE_PREFIX + output;
      if (!legacy.has(stream) && !candidate.has(stream)) {
        facts.add(
            new Fact(
                ObservationComparator.label(stream),
                command.optional()
                    ? "written by neither side (optional)"
                    : "written by neither side (declare the case [optional: true] if that is"
                        + " expected)"));
      }
    }
    return facts;
  }

  /** Whether a declared output that neither side writes is only a note ({@code optional: true}). */
  static boolean optional(Case testCase) {
    return testCase instanceof CommandCase command && command.optional();
  }
}
