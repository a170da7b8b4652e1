package dev.parity.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which package of Parity may use which, checked transitively: a class may not reach a package it
 * may not use through any chain of classes, including classes of a package nobody placed here.
 *
 * <p>Data flows {@code fixture -> run -> normalize -> diff -> verdict -> engine -> report -> cli};
 * {@code files}, {@code redact}, {@code golden}, {@code noise} and {@code archive} sit beside that
 * line where their uses put them, {@code session} runs a suite end to end for the front ends, and
 * {@code containers}, {@code allure} and {@code bench} are modules on top of the core that the CLI
 * wires in.
 */
public final class Layers {
  /** The packages each package may use directly, lowest first (a package may use itself). */
  public static final Map<String, Set<String>> MAY_USE = mayUse();

  private Layers() {}

  private static Map<String, Set<String>> mayUse() {
    Map<String, Set<String>> uses = new LinkedHashMap<>();
    uses.put("files", Set.of());
    uses.put("fixture", Set.of());
    uses.put("run", Set.of("fixture"));
    uses.put("redact", Set.of("fixture", "run"));
    uses.put("golden", Set.of("files", "fixture", "run"));
    uses.put("normalize", Set.of("fixture", "run"));
    uses.put("diff", Set.of("fixture", "normalize", "run"));
    uses.put("noise", Set.of("diff", "fixture", "normalize", "run"));
    uses.put("cluster", Set.of("diff", "run"));
    uses.put("verdict", Set.of("cluster", "diff", "fixture", "noise", "normalize", "run"));
    uses.put("archive", Set.of("fixture", "golden", "redact", "run"));
    uses.put(
        "engine",
        Set.of("diff", "fixture", "golden", "noise", "normalize", "redact", "run", "verdict"));
    uses.put("report", Set.of("archive", "diff", "files", "fixture", "run", "verdict"));
    uses.put("containers", Set.of("fixture", "run"));
    uses.put("har", Set.of("files", "fixture", "redact"));
    uses.put("allure", Set.of("diff", "report", "verdict"));
    // The benchmarks run implementations themselves: they never need the engine.
    uses.put("bench", Set.of("diff", "fixture", "golden", "normalize", "report", "run", "verdict"));
    // Runs a suite end to end for every front end (the CLI, the JUnit engine).
    uses.put(
        "session",
        Set.of(
            "archive", "diff", "engine", "fixture", "golden", "redact", "report", "run",
            "verdict"));
    uses.put("shadow", Set.of("diff", "engine", "files", "fixture", "run", "verdict"));
    uses.put("cli", new TreeSet<>(uses.keySet()));
    return uses;
  }

  /**
   * Every package under {@code root} reaches only the packages it may use, directly or through
   * other classes; an empty package (a module not on the classpath) is no violation.
   */
  public static ArchRule dependOnlyDownwards(String root) {
    List<ArchRule> rules = new ArrayList<>();
    MAY_USE.forEach(
        (name, uses) ->
            rules.add(
                classes()
                    .that()
                    .resideInAPackage(root + "." + name + "..")
                    .should(reachOnly(root, name))
                    .allowEmptyShould(true)));
    return CompositeArchRule.of(rules);
  }

  /**
   * A path from a class of {@code name} to a package it may not use. The search goes on through
   * classes of unplaced packages only: a path through a placed package is that package's own
   * violation (whatever it may reach, {@code name} may reach too), so the rule stays linear.
   */
  private static ArchCondition<JavaClass> reachOnly(String root, String name) {
    Set<String> allowed = reachable(name);
    allowed.add(name);
    return new ArchCondition<>(
        "reach only " + allowed + ", directly or through classes of unplaced packages") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        Map<JavaClass, JavaClass> cameFrom = new HashMap<>();
        Deque<JavaClass> todo = new ArrayDeque<>(List.of(origin));
        while (!todo.isEmpty()) {
          JavaClass from = todo.removeFirst();
          for (Dependency dependency : from.getDirectDependenciesFromSelf()) {
            JavaClass to = dependency.getTargetClass();
            Optional<String> placed = placedIn(root, to);
            if (to.equals(origin) || cameFrom.containsKey(to) || !inside(root, to)) {
              continue;
            }
            cameFrom.put(to, from);
            if (placed.isEmpty()) {
              todo.addLast(to);
            } else if (!allowed.contains(placed.get())) {
              events.add(SimpleConditionEvent.violated(origin, path(origin, to, cameFrom)));
            }
          }
        }
      }
    };
  }

  private static boolean inside(String root, JavaClass type) {
    return type.getPackageName().equals(root) || type.getPackageName().startsWith(root + ".");
  }

  /** The placed package {@code type} is in, if any. */
  private static Optional<String> placedIn(String root, JavaClass type) {
    String in = type.getPackageName();
    return MAY_USE.keySet().stream()
        .filter(name -> in.equals(root + "." + name) || in.startsWith(root + "." + name + "."))
        .findFirst();
  }

  private static String path(JavaClass origin, JavaClass to, Map<JavaClass, JavaClass> cameFrom) {
    List<String> names = new ArrayList<>();
    for (JavaClass at = to; !at.equals(origin); at = cameFrom.get(at)) {
      names.add(0, at.getName());
    }
    names.add(0, origin.getName());
    return "Class <" + origin.getName() + "> reaches <" + to.getName() + "> by " + names;
  }

  /** Every class under {@code root} is in a package listed in {@link #MAY_USE}. */
  public static ArchRule everyPackagePlaced(String root) {
    return classes()
        .that()
        .resideInAPackage(root + "..")
        .should()
        .resideInAnyPackage(
            MAY_USE.keySet().stream().map(name -> root + "." + name + "..").toArray(String[]::new))
        .because("a new package must be placed in Layers.MAY_USE, so its direction is checked");
  }

  /** The packages {@code name} may reach: what it may use, and what those may use, and so on. */
  static Set<String> reachable(String name) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> todo = new ArrayList<>(MAY_USE.get(name));
    while (!todo.isEmpty()) {
      String next = todo.remove(todo.size() - 1);
      if (next.equals(name)) {
        throw new IllegalStateException("Layers.MAY_USE has a cycle through " + name);
      }
      if (seen.add(next)) {
        todo.addAll(MAY_USE.get(next));
      }
    }
    return seen;
  }
}
