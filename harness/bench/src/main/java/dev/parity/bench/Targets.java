package dev.parity.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where {@link ProcessBenchmark} finds its target: JMH runs in this JVM (no fork) and passes only a
 * key.
 */
final class Targets {
  private static final Map<String, Target> TARGETS = new ConcurrentHashMap<>();
  private static final AtomicLong NEXT = new AtomicLong();

  private Targets() {}

  static String register(Target target) {
    String key = "t" + NEXT.incrementAndGet();
    TARGETS.put(key, target);
    return key;
  }

  static Target get(String key) {
    Target target = TARGETS.get(key);
    if (target == null) {
      throw new IllegalStateException(
          "no benchmark target [" + key + "]; ProcessBenchmark runs only through Bench");
    }
    return target;
  }

  static void remove(String key) {
    TARGETS.remove(key);
  }
}
