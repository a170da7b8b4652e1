package dev.parity.redact;

import dev.parity.fixture.Case;
import dev.parity.fixture.Implementation;
import dev.parity.fixture.Suite;
import dev.parity.run.Observation;
import dev.parity.run.OutputScan;
import dev.parity.run.Reference;
import dev.parity.run.RunOutcome;
import dev.parity.run.Runner;
import dev.parity.run.Spooled;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A runner whose outcomes carry no secret in clear (see {@link Redactor}). */
public final class RedactingRunner implements Runner {
  private final Runner runner;
  private final Map<Suite, Redactor> redactors =
      Collections.synchronizedMap(new IdentityHashMap<>());
  private final SharedOutputs shared = new SharedOutputs();

  RedactingRunner(Runner runner) {
    this.runner = runner;
  }

  @Override
  public RunOutcome run(Suite suite, Implementation implementation, Case testCase) {
    return run(suite, implementation, testCase, OutputScan.Factory.NONE, Reference.NONE);
  }

  /**
   * Runs with the redaction scans of its own ({@code scans} are not asked for), comparing the
   * outputs with the raw files behind {@code reference}, a redacted observation this runner
   * returned for the same case (see {@link SharedOutputs}).
   */
  @Override
  public RunOutcome run(
      Suite suite,
      Implementation implementation,
      Case testCase,
      OutputScan.Factory scans,
      Reference reference) {
    Redactor redactor = redactor(suite, testCase);
    Reference raw = shared.raw(reference, redactor);
    Scans own = new Scans(redactor, raw, shared);
    RunOutcome outcome = runner.run(suite, implementation, testCase, own, raw);
    if (outcome instanceof RunOutcome.Completed done) {
      Observation observed = done.observed();
      Set<String> same = SharedOutputs.same(observed, raw);
      Set<String> unread = new HashSet<>(own.clean(observed));
      unread.addAll(same);
      Observation redacted = SharedOutputs.share(redactor.apply(observed, unread), same, reference);
      shared.remember(observed, redacted, redactor, own.finished());
      return new RunOutcome.Completed(redacted);
    }
    if (outcome instanceof RunOutcome.Failed failed) {
      return new RunOutcome.Failed(redactor.text(failed.reason()), failed.duration());
    }
    RunOutcome.Unavailable unavailable = (RunOutcome.Unavailable) outcome;
    return new RunOutcome.Unavailable(redactor.text(unavailable.reason()), unavailable.duration());
  }

  /**
   * {@code stored}, an observation kept before this run (a golden as read from disk), redacted as
   * this runner redacts the case's outputs, and remembered with the stored files it came from: a
   * run given it as its {@link Reference} compares its raw outputs with those files, so an output
   * over the in-memory limit equal to the stored one is not spooled again and takes the redacted
   * stream returned here, which redacting its own copy would have given (issue 13).
   */
  public Observation redactStored(Suite suite, Case testCase, Observation stored) {
    Redactor redactor = redactor(suite, testCase);
    // Each file kept on disk is scanned as a run's output is while spooled: one found clean is
    // not read again to be redacted, and a run equal to it answers with this scan for its bytes.
    Map<String, OutputRedactionScan> finished = new HashMap<>();
    Set<String> clean = new HashSet<>();
    for (Map.Entry<String, Spooled> stream : stored.spooled().entrySet()) {
      Optional<OutputRedactionScan> scan = redactor.outputScan();
      if (scan.isPresent() && scanned(scan.get(), stream.getValue())) {
        finished.put(stream.getKey(), scan.get());
        if (!scan.get().could()) {
          clean.add(stream.getKey());
        }
      }
    }
    Observation redacted = redactor.apply(stored, clean);
    shared.remember(stored, redacted, redactor, finished);
    return redacted;
  }

  /**
   * Shows {@code scan} the whole of {@code file} until its answer is "could" (more bytes cannot
   * change it); false when the file cannot be read, then redacted as if unscanned.
   */
  private static boolean scanned(OutputRedactionScan scan, Spooled file) {
    byte[] block = new byte[SpooledRedaction.PIECE];
    try (InputStream in = file.open()) {
      int n;
      while (!scan.could() && (n = in.read(block)) > 0) {
        scan.accept(block, 0, n);
      }
      return scan.could() || scan.seen() == file.size();
    } catch (IOException e) {
      return false;
    }
  }

  private Redactor redactor(Suite suite, Case testCase) {
    return redactors.computeIfAbsent(suite, s -> Redactor.of(s.redaction())).forCase(testCase);
  }

  /**
   * The redaction scans of one run's spooled outputs, made on the pumps' threads while the program
   * runs: an output whose scan saw all of it and found nothing a rule could change is not read
   * again to be redacted (issue 13: a gigabyte's scan was a second of the case's time after each
   * run).
   */
  private static final class Scans implements OutputScan.Factory {
    private final Redactor redactor;
    private final Reference raw;
    private final SharedOutputs shared;
    private final Map<String, Optional<OutputRedactionScan>> made = new ConcurrentHashMap<>();

    /**
     * The scans of a run compared with {@code raw}: each answers for the bytes of its stream's
     * reference file with the scan that saw that file, when {@code shared} has it.
     */
    Scans(Redactor redactor, Reference raw, SharedOutputs shared) {
      this.redactor = redactor;
      this.raw = raw;
      this.shared = shared;
    }

    @Override
    public OutputScan forStream(String stream) {
      Optional<Spooled> reference = raw.forStream(stream);
      Optional<OutputRedactionScan> scan =
          redactor.outputScan(
              reference.orElse(null), reference.flatMap(shared::scanOf).orElse(null));
      // A stream asked for twice is not trusted to either scan: both are forgotten.
      if (scan.isEmpty() || made.putIfAbsent(stream, scan) != null) {
        made.put(stream, Optional.empty());
        return OutputScan.NoScan.INSTANCE;
      }
      return scan.get();
    }

    /** The scans made, by stream name, each trusted by neither when asked for twice. */
    Map<String, OutputRedactionScan> finished() {
      Map<String, OutputRedactionScan> finished = new HashMap<>();
      made.forEach((stream, scan) -> scan.ifPresent(s -> finished.put(stream, s)));
      return finished;
    }

    /** The spooled streams of {@code observed} whose scans saw every byte and nothing to redact. */
    Set<String> clean(Observation observed) {
      Set<String> clean = new HashSet<>();
      observed
          .spooled()
          .forEach(
              (stream, spooled) ->
                  made.getOrDefault(stream, Optional.empty())
                      .filter(scan -> scan.seen() == spooled.size() && !scan.could())
                      .ifPresent(scan -> clean.add(stream)));
      return clean;
    }
  }

  @Override
  public void resetConnections() {
    runner.resetConnections();
  }

  @Override
  public void close() {
    runner.close();
  }
}
