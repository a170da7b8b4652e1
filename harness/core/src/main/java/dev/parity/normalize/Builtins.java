package dev.parity.normalize;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in scrubbers: each a pattern, a placeholder name, and the group that holds the value.
 */
final class Builtins {
  private static final String DAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
  private static final String MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";

  /**
   * ISO-8601 date-times (a date alone is content, not noise), RFC 1123 and ctime/date(1) output.
   */
  static final Pattern TIMESTAMPS =
      Pattern.compile(
          "\\b\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?(?:Z|[+-]\\d{2}(?::?\\d{2})?)?(?![\\w:]|\\.\\d)"
              + "|\\b"
              + DAY
              + ", \\d{1,2} "
              + MONTH
              + " \\d{4} \\d{2}:\\d{2}:\\d{2} (?:GMT|UTC|[+-]\\d{4})\\b"
              + "|\\b"
              + DAY
              + " "
              + MONTH
              + " [ \\d]\\d \\d{2}:\\d{2}:\\d{2}(?: [A-Z]{2,5})? \\d{4}\\b");

  /** Milliseconds since 1970 between 2001 and 2286: 13 digits starting with 1. */
  static final Pattern EPOCH_MILLIS = Pattern.compile("(?<![\\d.])1\\d{12}(?![\\d.])");

  static final Pattern UUIDS =
      Pattern.compile(
          "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");

  /**
   * Hex runs of 12 or more characters holding both a digit and a letter: digests, object ids, git
   * hashes. Not the hash in a redaction marker ({@code <redacted sha256:3f2a9c0d1e7b4a55>}): it is
   * how the comparison sees that a secret changed, and scrubbed, two different passwords were
   * equal.
   */
  static final Pattern HASHES =
      Pattern.compile(
          "\\b(?<!<redacted sha256:)(?=[0-9a-fA-F]*[a-fA-F])(?=[0-9a-fA-F]*[0-9])[0-9a-fA-F]{12,}+\\b");

  /**
   * {@code 0x7ffd5a3c1e20} and Java identity hashes such as {@code java.lang.Object@1b6d3586}. Not
   * a domain: in {@code admin@facade.io} the hex word after {@code @} is followed by {@code .} and
   * a letter, and scrubbed, {@code admin@decade.io} was the same address.
   */
  static final Pattern ADDRESSES =
      Pattern.compile("\\b0x[0-9a-fA-F]{4,16}\\b|(?<=[\\w$]@)[0-9a-f]{5,8}\\b(?!\\.[A-Za-z])");

  /** Paths under /tmp, /var/tmp, macOS /var/folders/../T and Windows %TEMP%. */
  static final Pattern TEMP_PATHS =
      Pattern.compile(
          "(?<![\\w/.])(?:/private)?(?:/var/folders/[\\w.+-]+/[\\w.+-]+/T|/var/tmp|/tmp)(?:/[^\\s'\"<>:,;()\\[\\]]*[^\\s'\"<>:,;()\\[\\].])?(?![\\w])"
              + "|\\b[A-Za-z]:\\\\Users\\\\[^\\\\\\s]+\\\\AppData\\\\Local\\\\Temp(?:\\\\[^\\s'\"<>,;()]*[^\\s'\"<>,;().])?");

  /**
   * {@code pid 4242}, {@code pid=4242}, {@code PID: 4242}, {@code process 4242} and {@code
   * sshd[4242]:}. The quantifiers are possessive: backtracking {@code \\s*[=:#]?\\s*} over a long
   * run of spaces with no number after it was quadratic. Only spaces and tabs: with {@code \\s}, a
   * number at the start of the line after {@code process} was a pid.
   */
  static final Pattern PIDS =
      Pattern.compile(
          "(?i)\\b(?:pid|process)[ \\t]*+(?:[=:#][ \\t]*+)?(\\d++)\\b|(?<=[A-Za-z]\\[)(\\d++)(?=\\]:)");

  /**
   * {@code 12ms}, {@code 1.5 s}, {@code 3 seconds}, {@code 1m2.5s} (Go), {@code PT0.25S}
   * (ISO-8601). Possessive digit runs: a long run of digits with no unit after it is given up at
   * once instead of backtracking through it. A space or tab before the unit, never a line break:
   * with {@code \\s}, a number at a line's end and a line {@code s} or {@code h} after it were one
   * duration, and the two lines equal to one.
   */
  static final Pattern DURATIONS =
      Pattern.compile(
          "\\bPT(?=\\d)(?:\\d++H)?(?:\\d++M)?(?:\\d++(?:\\.\\d++)?S)?\\b"
              + "|\\b(?:\\d++h)?\\d++m\\d++(?:\\.\\d++)?s\\b"
              + "|\\b\\d++(?:\\.\\d++)?[ \\t]?(?:ns|µs|us|ms|s|sec|secs|seconds?|min|mins|minutes?|h|hours?)(?![\\w])");

  private record Builtin(Pattern pattern, String placeholder) {}

  private static final Map<String, Builtin> BY_NAME =
      Map.of(
          "timestamps", new Builtin(TIMESTAMPS, "timestamp"),
          "epochMillis", new Builtin(EPOCH_MILLIS, "epoch-ms"),
          "uuids", new Builtin(UUIDS, "uuid"),
          "hashes", new Builtin(HASHES, "hash"),
          "addresses", new Builtin(ADDRESSES, "address"),
          "tempPaths", new Builtin(TEMP_PATHS, "tmp"),
          "pids", new Builtin(PIDS, "pid"),
          "durations", new Builtin(DURATIONS, "duration"));

  private Builtins() {}

  static Normalizer of(String name) {
    Builtin builtin = BY_NAME.get(name);
    if (builtin == null) {
      throw new IllegalArgumentException(
          "unknown built-in [" + name + "]; valid: " + Normalizers.builtinNames());
    }
    return new GroupNormalizer(builtin.pattern(), builtin.placeholder());
  }

  static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }

  /** Replaces the first group that matched (or the whole match) with a numbered placeholder. */
  private record GroupNormalizer(Pattern pattern, String placeholder) implements Normalizer {

    @Override
    public String normalize(String text, Scope scope) {
      return MatchReplacer.replaceAll(
          pattern, text, scope, match -> Optional.of(placed(match, text, scope)));
    }

    /** The match with its first matched group (or all of it) as a numbered placeholder. */
    private String placed(MatchResult match, String text, Scope scope) {
      int group = firstMatchedGroup(match);
      return Matcher.quoteReplacement(
          text.substring(match.start(), match.start(group))
              + scope.placeholder(placeholder, match.group(group))
              + text.substring(match.end(group), match.end()));
    }

    private static int firstMatchedGroup(MatchResult match) {
      for (int g = 1; g <= match.groupCount(); g++) {
        if (match.start(g) >= 0) {
          return g;
        }
      }
      return 0;
    }
  }
}
