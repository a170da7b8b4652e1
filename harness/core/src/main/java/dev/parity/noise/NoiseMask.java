package dev.parity.noise;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import dev.parity.run.Observation;
import dev.parity.run.StreamContent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exactly where two legacy runs of a case differed: which tokens of which lines of which streams,
 * and the values seen there. Applied to a candidate, it accepts at those tokens, and only there, a
 * value of the same {@link Shape} (a number for a number, eight letters for eight letters) by
 * taking the legacy's value instead; every other character of the output is still compared exactly,
 * and every token it accepted is listed. A discount is never wider than the noise: lines whose runs
 * differ in their number of tokens, and lines one run has and the other not, are not discounted at
 * all.
 */
public final class NoiseMask {
  public static final NoiseMask NONE = new NoiseMask(Map.of());

  /**
   * UUIDs (one token, so that a UUID accepts a UUID even when a group happened to be all digits in
   * both legacy runs), words, runs of whitespace, and single other characters.
   */
  private static final Pattern TOKEN =
      Pattern.compile(
          "(?<![A-Za-z0-9_])"
              + Shape.UUID.pattern()
              + "(?![A-Za-z0-9_])|[A-Za-z0-9_]+|\\s+|[^A-Za-z0-9_\\s]");

  /** Runs of different line counts are paired by a diff only up to this size. */
  private static final int MAX_DIFF_LINES = 20_000;

  /**
   * The noisy tokens of one line: how many tokens it has, and the values seen at each noisy one.
   */
  private record LineMask(int tokens, Map<Integer, Set<String>> samples) {}

  /** Stream, line index (from 0) of the first legacy run, its mask. */
  private final Map<String, Map<Integer, LineMask>> streams;

  private NoiseMask(Map<String, Map<Integer, LineMask>> streams) {
    this.streams = streams;
  }

  /**
   * The tokens where {@code first} and {@code other} (two normalized legacy runs) differ, in the
   * text streams {@code compared} accepts.
   */
  public static NoiseMask between(
      Observation first, Observation other, Predicate<String> compared) {
    Map<String, Map<Integer, LineMask>> streams = new TreeMap<>();
    for (Map.Entry<String, byte[]> stream : first.streams().entrySet()) {
      byte[] second = other.streams().get(stream.getKey());
      // Same bytes (the usual case): no need to decode both runs' text to see it.
      if (second == null
          || !compared.test(stream.getKey())
          || Arrays.equals(stream.getValue(), second)) {
        continue;
      }
      Optional<String> a = StreamContent.text(stream.getValue());
      Optional<String> b = StreamContent.text(second);
      if (a.isEmpty() || b.isEmpty() || a.get().equals(b.get())) {
        continue;
      }
      Map<Integer, LineMask> lines = lines(lines(a.get()), lines(b.get()));
      if (!lines.isEmpty()) {
        streams.put(stream.getKey(), lines);
      }
    }
    return new NoiseMask(streams);
  }

  /**
   * Lines paired by position when both runs have as many, else within same-sized changes. A line
   * that the other run has too, elsewhere, was moved, not changed: lines in another order (a hash
   * map's) are no noise of their tokens, or any line of their shape would pass.
   */
  private static Map<Integer, LineMask> lines(List<String> a, List<String> b) {
    Map<Integer, LineMask> masks = new TreeMap<>();
    int[] inA = hashes(a);
    int[] inB = hashes(b);
    if (a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        addMask(masks, i, a.get(i), b.get(i), inA, inB);
      }
    } else if (a.size() + b.size() <= MAX_DIFF_LINES) {
      for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
        List<String> source = delta.getSource().getLines();
        List<String> target = delta.getTarget().getLines();
        if (source.size() == target.size()) {
          for (int i = 0; i < source.size(); i++) {
            addMask(
                masks, delta.getSource().getPosition() + i, source.get(i), target.get(i), inA, inB);
          }
        }
      }
    }
    return masks;
  }

  /**
   * The differing tokens of two lines with as many tokens, neither of them a line the other run
   * has; lines of other shapes get none.
   */
  private static void addMask(
      Map<Integer, LineMask> masks, int index, String a, String b, int[] inA, int[] inB) {
    if (a.equals(b) || has(inB, a) || has(inA, b)) {
      return;
    }
    List<String> x = tokens(a);
    List<String> y = tokens(b);
    if (x.size() != y.size()) {
      return;
    }
    Map<Integer, Set<String>> samples = new TreeMap<>();
    for (int t = 0; t < x.size(); t++) {
      if (!x.get(t).equals(y.get(t))) {
        samples.put(t, new TreeSet<>(List.of(x.get(t), y.get(t))));
      }
    }
    masks.put(index, new LineMask(x.size(), samples));
  }

  /**
   * The lines' hash codes, sorted: 4 bytes a line, where a set of the lines took ten times that.
   * Two lines of one hash only make a changed line look moved: less is discounted, never more.
   */
  private static int[] hashes(List<String> lines) {
    int[] hashes = new int[lines.size()];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = lines.get(i).hashCode();
    }
    Arrays.sort(hashes);
    return hashes;
  }

  private static boolean has(int[] hashes, String line) {
    return Arrays.binarySearch(hashes, line.hashCode()) >= 0;
  }

  /** This mask and {@code other} (from a third legacy run against the first) together. */
  public NoiseMask plus(NoiseMask other) {
    Map<String, Map<Integer, LineMask>> merged = new TreeMap<>();
    streams.forEach((stream, lines) -> merged.put(stream, new TreeMap<>(lines)));
    other.streams.forEach(
        (stream, lines) ->
            lines.forEach(
                (index, mask) ->
                    merged
                        .computeIfAbsent(stream, k -> new TreeMap<>())
                        .merge(index, mask, NoiseMask::merge)));
    return new NoiseMask(merged);
  }

  private static LineMask merge(LineMask a, LineMask b) {
    Map<Integer, Set<String>> samples = new TreeMap<>();
    a.samples().forEach((t, values) -> samples.put(t, new TreeSet<>(values)));
    b.samples()
        .forEach((t, values) -> samples.computeIfAbsent(t, k -> new TreeSet<>()).addAll(values));
    return new LineMask(a.tokens(), samples);
  }

  public boolean isEmpty() {
    return streams.isEmpty();
  }

  /**
   * The two observations with the noise discounted: at each noisy token of the candidate that has
   * the noise's shape, the legacy's token. Legacy is returned unchanged.
   */
  public Applied apply(Observation legacy, Observation candidate) {
    if (streams.isEmpty()) {
      return new Applied(legacy, candidate, List.of());
    }
    TreeMap<String, byte[]> changed = new TreeMap<>(candidate.streams());
    List<Discounted> discounted = new ArrayList<>();
    for (Map.Entry<String, Map<Integer, LineMask>> stream : streams.entrySet()) {
      byte[] l = legacy.streams().get(stream.getKey());
      byte[] c = candidate.streams().get(stream.getKey());
      if (l == null || c == null) {
        continue;
      }
      Optional<String> a = StreamContent.text(l);
      Optional<String> b = StreamContent.text(c);
      if (a.isEmpty() || b.isEmpty()) {
        continue;
      }
      List<String> legacyLines = lines(a.get());
      List<String> candidateLines = new ArrayList<>(lines(b.get()));
      int before = discounted.size();
      for (Map.Entry<Integer, LineMask> line : stream.getValue().entrySet()) {
        int index = line.getKey();
        if (index < legacyLines.size() && index < candidateLines.size()) {
          candidateLines.set(
              index,
              discount(
                  stream.getKey(),
                  index,
                  line.getValue(),
                  legacyLines.get(index),
                  candidateLines.get(index),
                  discounted));
        }
      }
      if (discounted.size() > before) {
        changed.put(
            stream.getKey(), String.join("\n", candidateLines).getBytes(StandardCharsets.UTF_8));
      }
    }
    return new Applied(legacy, candidate.withStreams(changed), discounted);
  }

  private static String discount(
      String stream,
      int index,
      LineMask mask,
      String legacy,
      String candidate,
      List<Discounted> discounted) {
    List<String> l = tokens(legacy);
    List<String> c = new ArrayList<>(tokens(candidate));
    if (l.size() != mask.tokens() || c.size() != mask.tokens() || legacy.equals(candidate)) {
      return candidate;
    }
    boolean changed = false;
    for (Map.Entry<Integer, Set<String>> noisy : mask.samples().entrySet()) {
      int t = noisy.getKey();
      if (l.get(t).equals(c.get(t))) {
        continue;
      }
      Shape shape = Shape.of(noisy.getValue());
      if (shape.fits(l.get(t)) && shape.fits(c.get(t))) {
        discounted.add(new Discounted(stream, index + 1, t, shape.label(), l.get(t), c.get(t)));
        c.set(t, l.get(t));
        changed = true;
      }
    }
    return changed ? String.join("", c) : candidate;
  }

  /**
   * What the mask covers, one line per noisy token: {@code stdout line 3, token 5: [a-z]{8}}, at
   * most {@code max} lines, then how many more.
   */
  public List<String> describe(int max) {
    List<String> lines = new ArrayList<>();
    int total = 0;
    for (Map.Entry<String, Map<Integer, LineMask>> stream : streams.entrySet()) {
      for (Map.Entry<Integer, LineMask> line : stream.getValue().entrySet()) {
        for (Map.Entry<Integer, Set<String>> token : line.getValue().samples().entrySet()) {
          total++;
          if (lines.size() < max) {
            lines.add(
                stream.getKey()
                    + " line "
                    + (line.getKey() + 1)
                    + ", token "
                    + token.getKey()
                    + ": "
                    + Shape.of(token.getValue()).label());
          }
        }
      }
    }
    if (total > lines.size()) {
      lines.add("... and " + (total - lines.size()) + " more noisy tokens");
    }
    return lines;
  }

  /**
   * The observations with the noise discounted, and each difference that was discounted.
   *
   * @param legacy unchanged
   * @param candidate with the legacy's value at each discounted token
   * @param discounted every difference not held against the candidate, in stream and line order
   */
  public record Applied(Observation legacy, Observation candidate, List<Discounted> discounted) {
    public Applied {
      discounted = List.copyOf(discounted);
    }
  }

  static List<String> lines(String text) {
    return List.of(text.split("\n", -1));
  }

  static List<String> tokens(String line) {
    List<String> tokens = new ArrayList<>();
    Matcher matcher = TOKEN.matcher(line);
    while (matcher.find()) {
      tokens.add(matcher.group());
    }
    return tokens;
  }
}
