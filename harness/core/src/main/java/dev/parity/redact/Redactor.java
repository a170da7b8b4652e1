package dev.parity.redact;

import dev.parity.fixture.Case;
import dev.parity.fixture.HttpCase;
import dev.parity.fixture.HttpRequest;
import dev.parity.fixture.Redaction;
import dev.parity.run.Observation;
import dev.parity.run.Runner;
import dev.parity.run.Spooled;
import dev.parity.run.StreamContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Replaces secrets by a marker holding a hash of the value, {@code <redacted
 * sha256:0123456789abcdef>}, before anything is written: goldens, observations, repro scripts and
 * every report.
 *
 * <p>What is a secret: the values of the suite's sensitive headers (see {@link Redaction}; also
 * {@code Name: value} lines of such headers in any output), the values of query parameters and of
 * {@code NAME=value} assignments whose name contains {@code token}, {@code secret}, {@code
 * password} or {@code api key}, every match of the suite's {@code redact:} regexes, and the values
 * of Parity's own environment variables with such names (e.g. {@code GITHUB_TOKEN}).
 *
 * <p>Equal values get equal markers and different values different ones, so comparing redacted
 * observations compares the secrets' hashes: the comparison still sees whether they differ. A
 * marker is left as it is, so redacting twice changes nothing (a golden recorded with markers
 * compares against a candidate's live value).
 */
public final class Redactor {
  static final String MARKER = "<redacted sha256:";
  private static final Pattern MARKER_TEXT = Pattern.compile("<redacted sha256:[0-9a-f]{16}>");
  private static final String SECRET_NAME =
      "[A-Za-z0-9_.-]*(?:token|secret|password|passwd|api[_-]?key)[A-Za-z0-9_.-]*";
  private static final Pattern QUERY =
      Pattern.compile(
          "([?&;]" + SECRET_NAME + "=)(?!<redacted )([^&\\s#\"'<>]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern ASSIGNMENT =
      Pattern.compile(
          "(?<![A-Za-z0-9_])(" + SECRET_NAME + "=)(?!<redacted )([^\\s&'\"]+)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern QUERY_NAME = Pattern.compile(SECRET_NAME, Pattern.CASE_INSENSITIVE);
  private static final Pattern SECRET_VARIABLE =
      Pattern.compile(
          ".*(token|secret|password|passwd|credential|api_?key|private_?key).*",
          Pattern.CASE_INSENSITIVE);

  /** Environment values shorter than this are not treated as secrets (too many false hits). */
  static final int MIN_SECRET_LENGTH = 8;

  private static final List<String> OWN_SECRETS = secretsOf(System.getenv());

  /** A line {@link #QUERY} or {@link #ASSIGNMENT} matches has one of these (lower case). */
  private static final List<String> NAME_KEYWORDS = List.of("token", "secret", "passw", "key");

  /** Outputs at least this large found to hold nothing to redact are remembered, the last four. */
  static final int REMEMBERED_BYTES = 64 * 1024;

  private static final int REMEMBERED = 4;

  private final Pattern headerLine;
  private final List<String> headerKeywords;
  private final List<Pattern> patterns;
  private final List<String> secrets;

  /**
   * The last large outputs this redactor found nothing to redact in. No one writes an observation's
   * arrays once made, and an output equal to a recent one is that very array (run.RecentOutputs),
   * so legacy's rerun for the noise probe, after the candidate's run, is not scanned again (a 45 MB
   * output: 50-100 ms). Weak: they keep no output alive; cases side by side only cost a scan.
   */
  private final AtomicReferenceArray<WeakReference<byte[]>> clean =
      new AtomicReferenceArray<>(REMEMBERED);

  private final AtomicInteger cleanCount = new AtomicInteger();

  private Redactor(
      Pattern headerLine,
      List<String> headerKeywords,
      List<Pattern> patterns,
      List<String> secrets) {
    this.headerLine = headerLine;
    this.headerKeywords = headerKeywords;
    this.patterns = patterns;
    this.secrets = secrets;
  }

  private Redactor(Redaction redaction, List<String> secrets) {
    String names =
        redaction.headers().stream().map(Pattern::quote).collect(Collectors.joining("|"));
    this.headerLine =
        Pattern.compile(
            "(?m)^([ \\t]*[<>]?[ \\t]*(?:"
                + names
                + "|[A-Za-z0-9_-]*token[A-Za-z0-9_-]*)[ \\t]*:[ \\t]*)([^\\r\\n]+)",
            Pattern.CASE_INSENSITIVE);
    List<String> keywords = new ArrayList<>(List.of("token"));
    redaction.headers().stream().filter(h -> !h.isEmpty()).forEach(keywords::add);
    this.headerKeywords = List.copyOf(keywords);
    this.patterns = redaction.patterns();
    this.secrets = secrets;
  }

  /**
   * The last redactor {@link #of(Redaction)} built: a run asks for its suite's redactor several
   * times per case, and compiling its header pattern each time was a tenth of the CPU a case costs
   * in Java.
   */
  private static volatile Built last = new Built(Redaction.defaults(), OWN_SECRETS);

  private record Built(Redaction redaction, Redactor redactor) {
    Built(Redaction redaction, List<String> secrets) {
      this(redaction, new Redactor(redaction, secrets));
    }
  }

  /** The redactor of a suite; secrets from Parity's own environment included. */
  public static Redactor of(Redaction redaction) {
    Built built = last;
    if (!built.redaction().equals(redaction)) {
      built = new Built(redaction, OWN_SECRETS);
      last = built;
    }
    return built.redactor();
  }

  /**
   * {@code runner} with every observation and failure message it returns redacted for its suite, so
   * that nothing after it (comparison, goldens, observations, reports) sees a secret in clear.
   */
  public static RedactingRunner runner(Runner runner) {
    return new RedactingRunner(runner);
  }

  /** A redactor with the secrets of {@code environment} (for tests). */
  static Redactor of(Redaction redaction, Map<String, String> environment) {
    return new Redactor(redaction, secretsOf(environment));
  }

  /**
   * This redactor plus the secrets a case sends: the values of its sensitive request headers and
   * secret query parameters, wherever they show up again (a service echoing them, an error
   * message).
   */
  public Redactor forCase(Case testCase) {
    if (!(testCase instanceof HttpCase http)) {
      return this;
    }
    HttpRequest request = http.request();
    List<String> more = new ArrayList<>(secrets);
    request
        .headers()
        .forEach(
            (name, value) -> {
              if (!header(name, value).equals(value)) {
                more.add(value);
              }
            });
    request
        .query()
        .forEach(
            (name, value) -> {
              if (QUERY_NAME.matcher(name).matches()) {
                more.add(value);
              }
            });
    return new Redactor(headerLine, headerKeywords, patterns, longestFirst(more));
  }

  /** The marker of a value: equal values, equal markers. */
  public static String marker(String value) {
    if (MARKER_TEXT.matcher(value).matches()) {
      return value;
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return MARKER + HexFormat.of().formatHex(hash, 0, 8) + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** {@code observation} with every secret in its streams and values replaced by its marker. */
  public Observation apply(Observation observation) {
    return apply(observation, Set.of());
  }

  /**
   * A scan that can tell, as an output is spooled, that no rule could change it; empty when only
   * reading its lines can (a suite's own patterns, secrets to look for, non-ASCII keywords).
   */
  Optional<OutputRedactionScan> outputScan() {
    return outputScan(null, null);
  }

  /**
   * {@link #outputScan()}, answering for the bytes of {@code reference} with {@code referenceScan},
   * a scan of this redactor's, finished now or later, when it saw every byte of it.
   */
  Optional<OutputRedactionScan> outputScan(
      @Nullable Spooled reference,
      @Nullable CompletableFuture<Optional<OutputRedactionScan>> referenceScan) {
    if (!patterns.isEmpty()
        || !secrets.isEmpty()
        || !RedactionScan.decidesFor(headerKeywords, NAME_KEYWORDS)) {
      return Optional.empty();
    }
    return Optional.of(
        new OutputRedactionScan(headerKeywords, NAME_KEYWORDS, reference, referenceScan));
  }

  /**
   * {@link #apply(Observation)}, knowing that the spooled streams named in {@code clean} were seen
   * whole by an {@link #outputScan()} that found nothing a rule could change: their files are not
   * read again.
   */
  Observation apply(Observation observation, Set<String> clean) {
    TreeMap<String, byte[]> streams = new TreeMap<>();
    observation.streams().forEach((name, bytes) -> streams.put(name, bytes(bytes)));
    TreeMap<String, String> values = new TreeMap<>();
    observation.values().forEach((name, value) -> values.put(name, text(value)));
    boolean same =
        values.equals(observation.values())
            && streams.entrySet().stream()
                .allMatch(e -> e.getValue() == observation.streams().get(e.getKey()));
    TreeMap<String, Spooled> spooled = new TreeMap<>();
    for (Map.Entry<String, Spooled> stream : observation.spooled().entrySet()) {
      try {
        spooled.put(
            stream.getKey(),
            clean.contains(stream.getKey())
                ? stream.getValue()
                : SpooledRedaction.apply(this, stream.getValue()));
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot redact " + stream.getKey() + " in " + stream.getValue().file(), e);
      }
      same &= spooled.get(stream.getKey()) == stream.getValue();
    }
    // Nothing to redact (the usual case): no copy of outputs that may be large.
    return same ? observation : new Observation(values, streams, spooled, observation.duration());
  }

  /** {@code text} with every secret replaced by its marker. */
  public String text(String text) {
    // The header, query and assignment patterns match within one line that has a keyword.
    String out =
        Lines.rewrite(
            text,
            ':',
            headerKeywords,
            line -> replace(headerLine, line, m -> m.group(1) + marker(m.group(2).strip())));
    for (Pattern pattern : patterns) {
      out = replace(pattern, out, m -> marker(m.group()));
    }
    out =
        Lines.rewrite(
            out,
            '=',
            NAME_KEYWORDS,
            line -> {
              String query = replace(QUERY, line, m -> m.group(1) + marker(m.group(2)));
              return replace(ASSIGNMENT, query, m -> m.group(1) + marker(m.group(2)));
            });
    for (String secret : secrets) {
      if (out.contains(secret)) {
        out = out.replace(secret, marker(secret));
      }
    }
    return out;
  }

  /** One header's value as it may be written. */
  public String header(String name, String value) {
    String line = text(name + ": " + value);
    return line.substring(line.indexOf(':') + 2);
  }

  /** Whether {@code bytes} is the very array last found to hold nothing to redact. */
  boolean knownClean(byte[] bytes) {
    for (int i = 0; i < REMEMBERED; i++) {
      WeakReference<byte[]> known = clean.get(i);
      if (known != null && known.get() == bytes) {
        return true;
      }
    }
    return false;
  }

  /** Whether a rule could change the first {@code length} bytes: if not, they need no decoding. */
  boolean mayChange(byte[] bytes, int length) {
    return !patterns.isEmpty()
        || RedactionScan.mayChange(bytes, length, headerKeywords, NAME_KEYWORDS, secrets);
  }

  /** The bytes redacted; the same array when nothing was. */
  byte[] bytes(byte[] bytes) {
    if (knownClean(bytes)) {
      return bytes;
    }
    if (!mayChange(bytes, bytes.length)) {
      if (bytes.length >= REMEMBERED_BYTES) {
        clean.set(
            Math.floorMod(cleanCount.getAndIncrement(), REMEMBERED), new WeakReference<>(bytes));
      }
      return bytes; // nothing a rule could change: not decoded at all
    }
    // Text streams are redacted as UTF-8; others byte for byte (ISO-8859-1 maps bytes 1:1).
    boolean utf8 = StreamContent.isUtf8(bytes);
    String text = new String(bytes, utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    String redacted = text(text);
    if (redacted.equals(text)) {
      return bytes;
    }
    return redacted.getBytes(utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
  }

  /** Replaces each match that is not already inside a marker. */
  private static String replace(Pattern pattern, String text, Function<Matcher, String> with) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    do {
      out.append(text, last, m.start());
      out.append(m.group().contains(MARKER) ? m.group() : with.apply(m));
      last = m.end();
    } while (m.find());
    return out.append(text, last, text.length()).toString();
  }

  private static List<String> secretsOf(Map<String, String> environment) {
    List<String> values = new ArrayList<>();
    environment.forEach(
        (name, value) -> {
          if (value != null
              && value.length() >= MIN_SECRET_LENGTH
              && SECRET_VARIABLE.matcher(name).matches()) {
            values.add(value);
          }
        });
    return longestFirst(values);
  }

  /** Longest first, so that a secret containing another is replaced whole; blanks dropped. */
  private static List<String> longestFirst(List<String> values) {
    List<String> sorted = new ArrayList<>();
    values.stream().filter(v -> !v.isBlank()).distinct().forEach(sorted::add);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    return List.copyOf(sorted);
  }
}
