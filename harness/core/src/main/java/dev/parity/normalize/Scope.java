package dev.parity.normalize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What normalizers share while one side of one case is normalized: the numbering of placeholders
 * ({@code <uuid-1>} stays {@code <uuid-1>} wherever the same value recurs), how often the current
 * rule fired, and notes for the result. Not thread-safe; one per case and side.
 */
public final class Scope {
  private final Map<String, Map<String, Integer>> numbers = new HashMap<>();
  private final List<String> notes = new ArrayList<>();
  private final Deadline deadline;
  private int fired;

  /** A scope with no deadline. */
  public Scope() {
    this(Deadline.NONE);
  }

  Scope(Deadline deadline) {
    this.deadline = deadline;
  }

  /** {@code text} for a regex matcher: reading it past the case's deadline throws. */
  CharSequence chars(String text) {
    return deadline.chars(text);
  }

  /** Throws {@link NormalizationTimeoutException} once the case's deadline has passed. */
  void checkDeadline() {
    deadline.check();
  }

  /**
   * The numbered placeholder for {@code value}, e.g. {@code <uuid-2>} for the second distinct UUID.
   */
  public String placeholder(String name, String value) {
    Map<String, Integer> byValue = numbers.computeIfAbsent(name, k -> new HashMap<>());
    int number = byValue.computeIfAbsent(value, v -> byValue.size() + 1);
    return "<" + name + "-" + number + ">";
  }

  /** Counts {@code times} changes made by the current rule. */
  public void fired(int times) {
    fired += times;
  }

  /** Adds a remark to the result, e.g. that a stream was not valid JSON. */
  public void note(String message) {
    notes.add(message);
  }

  int takeFired() {
    int count = fired;
    fired = 0;
    return count;
  }

  List<String> takeNotes() {
    List<String> taken = List.copyOf(notes);
    notes.clear();
    return taken;
  }
}
