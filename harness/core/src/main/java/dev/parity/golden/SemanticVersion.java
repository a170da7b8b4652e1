package dev.parity.golden;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release version ordered the way Semantic Versioning orders them: numbers compared as numbers
 * ({@code 1.10} after {@code 1.9}), missing numbers as zero ({@code 2.0} equals {@code 2.0.0}), a
 * pre-release before its release ({@code 2.0-rc.1} before {@code 2.0}), build metadata ({@code
 * +...}) ignored. A leading {@code v} is allowed ({@code v2.3}).
 *
 * @param text the version as written
 */
public record SemanticVersion(String text, List<Integer> numbers, List<String> preRelease)
    implements Comparable<SemanticVersion> {
  private static final Pattern VERSION =
      Pattern.compile(
          "[vV]?(\\d{1,9}(?:\\.\\d{1,9}){0,3})(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?"
              + "(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");

  private static final Pattern NUMERIC = Pattern.compile("\\d{1,9}");

  /** What a version looks like, for messages. */
  public static final String FORMAT = "a version such as 2.3, 2.3.1, v2.3.1 or 2.4.0-rc.1";

  public SemanticVersion {
    Objects.requireNonNull(text, "text");
    numbers = List.copyOf(numbers);
    preRelease = List.copyOf(preRelease);
  }

  /** The version {@code text} names, or empty when it is no version. */
  public static Optional<SemanticVersion> parse(String text) {
    Matcher matcher = VERSION.matcher(text.strip());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    List<Integer> numbers = new ArrayList<>();
    for (String number : matcher.group(1).split("\\.")) {
      numbers.add(Integer.parseInt(number));
    }
    List<String> pre =
        matcher.group(2) == null ? List.of() : List.of(matcher.group(2).split("\\."));
    return Optional.of(new SemanticVersion(text.strip(), numbers, pre));
  }

  @Override
  public int compareTo(SemanticVersion other) {
    for (int i = 0; i < Math.max(numbers.size(), other.numbers.size()); i++) {
      int compared = Integer.compare(number(i), other.number(i));
      if (compared != 0) {
        return compared;
      }
    }
    if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
      // A release comes after its pre-releases.
      return Boolean.compare(preRelease.isEmpty(), other.preRelease.isEmpty());
    }
    for (int i = 0; i < Math.min(preRelease.size(), other.preRelease.size()); i++) {
      int compared = compareIdentifiers(preRelease.get(i), other.preRelease.get(i));
      if (compared != 0) {
        return compared;
      }
    }
    return Integer.compare(preRelease.size(), other.preRelease.size());
  }

  private int number(int index) {
    return index < numbers.size() ? numbers.get(index) : 0;
  }

  /** Numeric identifiers as numbers, before alphanumeric ones, which compare as text. */
  private static int compareIdentifiers(String a, String b) {
    boolean aNumeric = NUMERIC.matcher(a).matches();
    boolean bNumeric = NUMERIC.matcher(b).matches();
    if (aNumeric && bNumeric) {
      return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
    }
    if (aNumeric || bNumeric) {
      return aNumeric ? -1 : 1;
    }
    return a.compareTo(b);
  }

  @Override
  public String toString() {
    return text;
  }
}
