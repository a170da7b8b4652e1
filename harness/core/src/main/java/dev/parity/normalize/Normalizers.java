package dev.parity.normalize;

import dev.parity.fixture.RuleAction;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The normalizer behind each kind of rule; also usable directly, e.g. {@code
 * Normalizers.builtin("uuids")}.
 */
public final class Normalizers {
  private Normalizers() {}

  /** The normalizer for a rule's action. */
  public static Normalizer of(RuleAction action) {
    // Java 17 has no pattern switch; the sealed interface keeps this chain exhaustive.
    if (action instanceof RuleAction.Regex regex) {
      return regex(regex.pattern(), regex.replace(), regex.numbered());
    }
    if (action instanceof RuleAction.Builtin builtin) {
      return builtin(builtin.name());
    }
    if (action instanceof RuleAction.Text text) {
      return TextNormalizer.of(text.name());
    }
    if (action instanceof RuleAction.Json json) {
      return new JsonNormalizer(json);
    }
    if (action instanceof RuleAction.Headers headers) {
      return new HeadersNormalizer(headers.ignore());
    }
    if (action instanceof RuleAction.Html html) {
      return new HtmlNormalizer(html.ignore());
    }
    throw new IllegalArgumentException("unknown rule action " + action);
  }

  /**
   * Replaces matches; each {@code <name>} in {@code replace} becomes a numbered placeholder unless
   * {@code numbered} is false.
   */
  public static Normalizer regex(Pattern pattern, String replace, boolean numbered) {
    return new RegexNormalizer(pattern, replace, numbered);
  }

  /** One of {@link RuleAction.Builtin#NAMES}. */
  public static Normalizer builtin(String name) {
    return Builtins.of(name);
  }

  /** The built-in names, in the order a suggestion tries them. */
  public static List<String> builtinNames() {
    return RuleAction.Builtin.NAMES;
  }
}
