package dev.parity.archive;

import dev.parity.fixture.Case;
import dev.parity.fixture.Side;
import dev.parity.fixture.Suite;
import dev.parity.run.Observation;
import dev.parity.run.ObservationSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Receives a run's observations; {@link #finish()} writes what passing cases left. */
public final class ArchiveSink implements ObservationSink {
  private final RunArchive archive;
  private final Suite suite;
  private final Map<String, Pending> waiting = new HashMap<>();
  private final Map<String, Map<String, String>> passed = new ConcurrentSkipListMap<>();

  ArchiveSink(RunArchive archive, Suite suite) {
    this.archive = archive;
    this.suite = suite;
  }

  @Override
  public void accept(Case testCase, Side side, Observation raw, Observation compared) {
    pair(testCase, side, raw, compared);
  }

  /**
   * In record mode the legacy place holds the golden and the candidate place the new legacy run;
   * both are reproduced by the legacy command.
   */
  @Override
  public void recorded(
      Case testCase,
      Observation golden,
      Observation goldenCompared,
      Observation run,
      Observation runCompared) {
    String repro = Repro.of(suite, Side.LEGACY, testCase);
    try {
      archive.store(testCase.id(), Side.LEGACY, golden, goldenCompared, repro);
      archive.store(testCase.id(), Side.CANDIDATE, run, runCompared, repro);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the observations of " + testCase.id(), e);
    }
  }

  /**
   * Writes the repro commands of the cases whose sides were the same to {@link
   * RunArchive#REPRO_INDEX}, in one pass; call it once every case has run, before the reports are
   * written.
   */
  public void finish() throws IOException {
    if (!passed.isEmpty()) {
      archive.writeIndex(passed);
    }
  }

  private void pair(Case testCase, Side side, Observation raw, Observation compared) {
    Pending mine = new Pending(side, raw, compared);
    Pending first;
    synchronized (waiting) {
      first = waiting.remove(testCase.id());
      if (first == null) {
        waiting.put(testCase.id(), mine);
      }
    }
    if (first == null) {
      return;
    }
    if (first.compared().sameContentAs(compared)) {
      Map<String, String> scripts = new TreeMap<>();
      for (Pending pending : List.of(first, mine)) {
        scripts.put(pending.side().label(), Repro.of(suite, pending.side(), testCase));
      }
      passed.put(testCase.id(), scripts);
      return;
    }
    try {
      for (Pending pending : List.of(first, mine)) {
        archive.store(
            testCase.id(),
            pending.side(),
            pending.raw(),
            pending.compared(),
            Repro.of(suite, pending.side(), testCase));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the observations of " + testCase.id(), e);
    }
  }

  private record Pending(Side side, Observation raw, Observation compared) {}
}
