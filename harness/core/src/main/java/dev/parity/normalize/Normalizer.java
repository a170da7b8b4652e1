package dev.parity.normalize;

/** One normalization step over the text of a stream; the extension point behind every rule. */
public interface Normalizer {

  /** Normalizes one side's text, reporting each change to {@code scope}. */
  String normalize(String text, Scope scope);

  /**
   * Reconciles the two sides after both were normalized, for rules that need both at once (a
   * numeric tolerance). The default changes nothing.
   */
  default Pair reconcile(Pair texts, Scope scope) {
    return texts;
  }

  /** The legacy and candidate text of one stream. */
  record Pair(String legacy, String candidate) {}
}
