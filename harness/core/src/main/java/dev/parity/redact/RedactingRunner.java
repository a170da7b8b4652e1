package dev.parity.redact;

import dev.parity.fixture.Case;
import dev.parity.fixture.Implementation;
import dev.parity.fixture.Suite;
import dev.parity.run.DaemonThreads;
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
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** A runner whose outcomes carry no secret in clear (see {@link Redactor}). */
public final class RedactingRunner implements Runner {
  private final Runner runner;
  private final Map<Suite, Redactor> redactors =
      Collections.synchronizedMap(new IdentityHashMap<>());
  private final SharedOutputs shared = new SharedOutputs();

  /** The threads that scan stored files beside the runs compared with them. */
  private static final ExecutorService SCANS =
      Executors.newCachedThreadPool(DaemonThreads.named("parity-stored-scan"));

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
    Scans own = new Scans(redactor, raw, shared::scanOf);
    RunOutcome outcome = runner.run(suite, implementation, testCase, own, raw);
    return redacted(outcome, redactor, own, raw, reference);
  }

  /** A stored observation redacted, and the outcome of a run compared with it. */
  public record AgainstStored(Observation stored, RunOutcome outcome) {}

  /**
   * Runs {@code implementation} against {@code stored}, an observation kept before this run (a
   * golden as read from disk): returns {@code stored} redacted as this runner redacts the case's
   * outputs, and the run's outcome, whose outputs were compared with the stored files as they
   * arrived, so an output over the in-memory limit equal to a stored one is not spooled again and
   * takes the redacted stored stream, which redacting its own copy would have given (issue 13).
   *
   * <p>Each stored file is scanned, as a run's output is while spooled, beside the run: one found
   * clean is not read again to be redacted, and the run's scan answers for bytes equal to it with
   * that scan, once it is finished (issue 13: a gigabyte's scan took a second before the run
   * started). The stored observation is redacted after the run, from the finished scans.
   */
  public AgainstStored runAgainstStored(
      Suite suite, Implementation implementation, Case testCase, Observation stored) {
    Redactor redactor = redactor(suite, testCase);
    Map<String, CompletableFuture<Optional<OutputRedactionScan>>> scanning = new TreeMap<>();
    Map<Spooled, CompletableFuture<Optional<OutputRedactionScan>>> byFile = new HashMap<>();
    stored
        .spooled()
        .forEach(
            (stream, file) -> {
              CompletableFuture<Optional<OutputRedactionScan>> scan =
                  redactor
                      .outputScan()
                      .map(
                          fresh -> CompletableFuture.supplyAsync(() -> scanned(fresh, file), SCANS))
                      .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty()));
              scanning.put(stream, scan);
              byFile.put(file, scan);
            });
    Reference raw = new Reference(stored.spooled());
    Scans own =
        new Scans(
            redactor,
            raw,
            file -> byFile.getOrDefault(file, CompletableFuture.completedFuture(Optional.empty())));
    RunOutcome outcome = runner.run(suite, implementation, testCase, own, raw);
    Map<String, OutputRedactionScan> finished = new HashMap<>();
    Set<String> clean = new HashSet<>();
    scanning.forEach(
        (stream, scan) ->
            scan.exceptionally(failed -> Optional.empty())
                .join()
                .ifPresent(
                    done -> {
                      finished.put(stream, done);
                      if (!done.could()) {
                        clean.add(stream);
                      }
                    }));
    Observation redacted = redactor.apply(stored, clean);
    shared.remember(stored, redacted, redactor, finished);
    return new AgainstStored(
        redacted, redacted(outcome, redactor, own, raw, Reference.of(redacted)));
  }

  /** {@code outcome} of a run compared with {@code raw}, the raw files behind {@code reference}. */
  private RunOutcome redacted(
      RunOutcome outcome, Redactor redactor, Scans own, Reference raw, Reference reference) {
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
   * {@code scan} once it saw the whole of {@code file}, or until its answer was "could" (more bytes
   * cannot change it); empty when the file cannot be read, which is then redacted as if unscanned.
   */
  private static Optional<OutputRedactionScan> scanned(OutputRedactionScan scan, Spooled file) {
    byte[] block = new byte[SpooledRedaction.PIECE];
    try (InputStream in = file.open()) {
      int n;
      while (!scan.could() && (n = in.read(block)) > 0) {
        scan.accept(block, 0, n);
      }
      return scan.could() || scan.seen() == file.size() ? Optional.of(scan) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
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
    private final Function<Spooled, CompletableFuture<Optional<OutputRedactionScan>>> scanOf;
    private final Map<String, Optional<OutputRedactionScan>> made = new ConcurrentHashMap<>();

    /**
     * The scans of a run compared with {@code raw}: each answers for the bytes of its stream's
     * reference file with the scan of that file {@code scanOf} gives, once finished, when it saw
     * the whole file.
     */
    Scans(
        Redactor redactor,
        Reference raw,
        Function<Spooled, CompletableFuture<Optional<OutputRedactionScan>>> scanOf) {
      this.redactor = redactor;
      this.raw = raw;
      this.scanOf = scanOf;
    }

    @Override
    public OutputScan forStream(String stream) {
      Optional<Spooled> reference = raw.forStream(stream);
      Optional<OutputRedactionScan> scan =
          redactor.outputScan(reference.orElse(null), reference.map(scanOf).orElse(null));
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
