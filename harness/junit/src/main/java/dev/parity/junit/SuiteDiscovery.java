package dev.parity.junit;

import dev.parity.fixture.Case;
import dev.parity.fixture.ConfigException;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.PackageSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.DirectorySource;

/**
 * Finds the suites a discovery request asks for: classes annotated {@link ParitySuite} (selected
 * directly or found on a classpath root or in a package), suite folders selected as directories,
 * unique ids of suites and cases (an IDE running one case again), and the {@code parity.suites}
 * configuration parameter whenever classes are being discovered.
 */
final class SuiteDiscovery {
  private static final Pattern WILDCARD = Pattern.compile("[*?\\[{]");

  private final TestDescriptor engine;
  private final Path workingDirectory;
  private final SuiteLoader loader = new SuiteLoader();
  // Per suite folder: where it was found, and the cases asked for (empty: all of them).
  private final Map<Path, Wanted> wanted = new LinkedHashMap<>();

  private record Wanted(TestSource source, Optional<Set<String>> cases) {}

  SuiteDiscovery(TestDescriptor engine, Path workingDirectory) {
    this.engine = engine;
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
  }

  void discover(EngineDiscoveryRequest request, Settings settings) {
    Predicate<String> classNames =
        Filter.composeFilters(request.getFiltersByType(ClassNameFilter.class)).toPredicate();
    boolean classes = false;
    for (DiscoverySelector selector : request.getSelectorsByType(DiscoverySelector.class)) {
      if (selector instanceof ClassSelector c) {
        classes = true;
        fromClass(c.getJavaClass());
      } else if (selector instanceof ClasspathRootSelector root) {
        classes = true;
        ReflectionSupport.findAllClassesInClasspathRoot(
                root.getClasspathRoot(), SuiteDiscovery::annotated, classNames)
            .forEach(this::fromClass);
      } else if (selector instanceof PackageSelector p) {
        classes = true;
        ReflectionSupport.findAllClassesInPackage(
                p.getPackageName(), SuiteDiscovery::annotated, classNames)
            .forEach(this::fromClass);
      } else if (selector instanceof DirectorySelector d) {
        want(d.getPath(), DirectorySource.from(d.getDirectory()), Optional.empty());
      } else if (selector instanceof UniqueIdSelector u) {
        fromUniqueId(u.getUniqueId());
      }
    }
    if (classes) {
      settings.suites().forEach(this::fromParameter);
    }
    wanted.forEach((folder, w) -> engine.addChild(describe(folder, w)));
  }

  private static boolean annotated(Class<?> type) {
    return AnnotationSupport.isAnnotated(type, ParitySuite.class);
  }

  private void fromClass(Class<?> type) {
    AnnotationSupport.findAnnotation(type, ParitySuite.class)
        .ifPresent(
            suites -> {
              for (String folder : suites.value()) {
                want(workingDirectory.resolve(folder), ClassSource.from(type), Optional.empty());
              }
            });
  }

  private void fromUniqueId(UniqueId id) {
    if (!id.getEngineId().map(ParityTestEngine.ID::equals).orElse(false)) {
      return;
    }
    List<UniqueId.Segment> segments = id.getSegments();
    if (segments.size() < 2 || !segments.get(1).getType().equals(SuiteDescriptor.SEGMENT)) {
      return;
    }
    Path folder = Path.of(segments.get(1).getValue());
    Optional<Set<String>> cases =
        segments.size() > 2 && segments.get(2).getType().equals(CaseDescriptor.SEGMENT)
            ? Optional.of(Set.of(segments.get(2).getValue()))
            : Optional.empty();
    want(folder, DirectorySource.from(folder.toFile()), cases);
  }

  /** A folder or glob of {@code parity.suites}; a glob that matches no suite fails as one. */
  private void fromParameter(String entry) {
    if (!WILDCARD.matcher(entry).find()) {
      Path folder = workingDirectory.resolve(entry);
      want(folder, DirectorySource.from(folder.toFile()), Optional.empty());
      return;
    }
    List<Path> found = expand(entry);
    if (found.isEmpty()) {
      Path base = workingDirectory.resolve(literalPrefix(entry));
      UniqueId id = engine.getUniqueId().append(SuiteDescriptor.SEGMENT, entry);
      engine.addChild(
          SuiteDescriptor.broken(
              id,
              DirectorySource.from(base.toFile()),
              base,
              new ConfigException(
                  base,
                  "configuration parameter "
                      + Settings.SUITES
                      + " ["
                      + entry
                      + "] matches no suite folder (a folder holding "
                      + SuiteLoader.SUITE_FILE
                      + ") under ["
                      + base
                      + "]; give suite folders or globs relative to ["
                      + workingDirectory
                      + "]")));
      return;
    }
    found.forEach(f -> want(f, DirectorySource.from(f.toFile()), Optional.empty()));
  }

  /**
   * The suite folders whose path matches {@code glob}: relative to the working directory, or
   * absolute when the glob is.
   */
  private List<Path> expand(String glob) {
    String prefix = literalPrefix(glob);
    Path base = workingDirectory.resolve(prefix);
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    boolean absolute = Path.of(glob).isAbsolute();
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    int depth =
        glob.contains("**")
            ? Integer.MAX_VALUE
            : glob.split("/").length - prefix.split("/", -1).length;
    try (Stream<Path> walk = Files.walk(base, Math.max(depth, 1))) {
      return walk.filter(p -> Files.isRegularFile(p.resolve(SuiteLoader.SUITE_FILE)))
          .filter(p -> matcher.matches(absolute ? p : workingDirectory.relativize(p)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the suites of " + glob + " in " + base, e);
    }
  }

  /**
   * The folders of {@code glob} before its first segment with a wildcard, e.g. {@code fixtures}.
   */
  private static String literalPrefix(String glob) {
    List<String> literal = new ArrayList<>();
    for (String segment : glob.split("/", -1)) {
      if (WILDCARD.matcher(segment).find()) {
        break;
      }
      literal.add(segment);
    }
    return String.join("/", literal);
  }

  private void want(Path folder, TestSource source, Optional<Set<String>> cases) {
    Path key = folder.toAbsolutePath().normalize();
    Wanted before = wanted.get(key);
    if (before == null) {
      wanted.put(key, new Wanted(source, cases));
      return;
    }
    // Asked for twice: all cases unless both asked for some.
    Optional<Set<String>> merged = Optional.empty();
    if (before.cases().isPresent() && cases.isPresent()) {
      Set<String> both = new LinkedHashSet<>(before.cases().get());
      both.addAll(cases.get());
      merged = Optional.of(both);
    }
    wanted.put(key, new Wanted(before.source(), merged));
  }

  private TestDescriptor describe(Path folder, Wanted w) {
    UniqueId id = engine.getUniqueId().append(SuiteDescriptor.SEGMENT, folder.toString());
    Suite suite;
    try {
      suite = loader.load(folder);
    } catch (RuntimeException e) {
      return SuiteDescriptor.broken(id, w.source(), folder, e);
    }
    SuiteDescriptor descriptor = SuiteDescriptor.loaded(id, w.source(), suite);
    for (Case testCase : suite.cases()) {
      if (w.cases().map(ids -> ids.contains(testCase.id())).orElse(true)) {
        descriptor.addChild(new CaseDescriptor(id, testCase));
      }
    }
    return descriptor;
  }
}
