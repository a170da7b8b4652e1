package dev.parity.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.parity.files.AtomicFiles;
import dev.parity.fixture.HttpRequest;
import dev.parity.fixture.Suite;
import dev.parity.fixture.SuiteLoader;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

/**
 * Writes shadowed requests as cases of a suite in a folder ({@code --record DIR}): every request
 * that did not pass, and a sample of those that did. Each case is one new file created in one step
 * (never through a link); the folder gets a suite.yaml copied from the shadowed suite when it has
 * none, so {@code parity record DIR} and {@code parity verify DIR} work on it.
 */
final class ShadowRecorder {
  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .build();

  /** Keys of suite.yaml that declare cases: the recorded suite has only the recorded ones. */
  private static final List<String> CASE_KEYS = List.of("cases", "matrix", "table", "inputs");

  private final Path folder;
  private final Suite suite;
  private final double sample;
  private final DoubleSupplier random;
  private final AtomicLong next = new AtomicLong(1);
  private final AtomicLong written = new AtomicLong();

  ShadowRecorder(Path folder, Suite suite, double sample, DoubleSupplier random) {
    this.folder = folder.toAbsolutePath().normalize();
    this.suite = suite;
    this.sample = sample;
    this.random = random;
  }

  /**
   * Creates the folder and its suite.yaml when missing.
   *
   * @throws IOException when the folder or a part of it is a symbolic link, or cannot be written
   */
  void prepare() throws IOException {
    refuseLinks(folder);
    Files.createDirectories(folder.resolve("cases/shadow"));
    refuseLinks(folder.resolve("cases/shadow"));
    Path suiteFile = folder.resolve(SuiteLoader.SUITE_FILE);
    if (Files.exists(suiteFile, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    JsonNode tree = YAML.readTree(suite.folder().resolve(SuiteLoader.SUITE_FILE).toFile());
    if (tree instanceof ObjectNode object) {
      CASE_KEYS.forEach(object::remove);
      object.put("name", suite.name() + "-shadow");
      JsonNode located = withSuiteFolder(object, suite.folder().toString());
      String header =
          "# Written by parity shadow from "
              + suite.folder()
              + "/suite.yaml: its cases are requests seen by the proxy (cases/shadow/).\n";
      AtomicFiles.writeNew(
          suiteFile, (header + YAML.writeValueAsString(located)).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Writes {@code request} when its result did not pass, or when sampled; true when written. */
  boolean offer(Mirrored request, CaseResult result) throws IOException {
    boolean failing = result.status() != Status.PASS && result.status() != Status.ACCEPTED;
    if (!failing && !(sample > 0 && random.getAsDouble() < sample)) {
      return false;
    }
    Path groupFolder = folder.resolve("cases/shadow").resolve(request.group());
    Files.createDirectories(groupFolder);
    refuseLinks(groupFolder);
    byte[] yaml = caseYaml(request, result).getBytes(StandardCharsets.UTF_8);
    String method = request.testCase().request().method().toLowerCase(Locale.ROOT);
    while (true) {
      Path file =
          groupFolder.resolve(String.format("%s-%06d.yaml", method, next.getAndIncrement()));
      try {
        AtomicFiles.writeNew(file, yaml);
        written.incrementAndGet();
        return true;
      } catch (FileAlreadyExistsException e) {
        // Recorded by an earlier session: take the next number.
      }
    }
  }

  long written() {
    return written.get();
  }

  private String caseYaml(Mirrored request, CaseResult result) throws IOException {
    HttpRequest sent = request.testCase().request();
    Map<String, Object> req = new LinkedHashMap<>();
    req.put("method", sent.method());
    req.put("path", sent.path());
    Map<String, String> headers = new LinkedHashMap<>();
    // Credentials are never written: the suite's redacted headers stay out of the case.
    sent.headers()
        .forEach(
            (name, value) -> {
              if (!suite.redaction().headers().contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, value);
              }
            });
    if (!headers.isEmpty()) {
      req.put("headers", headers);
    }
    if (sent.body().isPresent()) {
      req.put("body", new String(sent.body().get().bytes(), StandardCharsets.UTF_8));
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("request", req);
    doc.put("tags", List.of(request.group()));
    String comment =
        "# recorded by parity shadow: "
            + result.status().name().toLowerCase(Locale.ROOT)
            + " ("
            + result.summary().replace('\n', ' ')
            + ")\n";
    return comment + YAML.writeValueAsString(doc);
  }

  /** Every {@code {suite}} in a string of {@code node} replaced by the shadowed suite's folder. */
  private static JsonNode withSuiteFolder(JsonNode node, String suiteFolder) {
    if (node.isTextual()) {
      return new TextNode(node.asText().replace("{suite}", suiteFolder));
    }
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        object.set(name, withSuiteFolder(object.get(name), suiteFolder));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        ((ArrayNode) node).set(i, withSuiteFolder(node.get(i), suiteFolder));
      }
    }
    return node;
  }

  /** Refuses {@code path} or any existing parent being a symbolic link. */
  private static void refuseLinks(Path path) throws IOException {
    for (Path p = path; p != null; p = p.getParent()) {
      if (Files.isSymbolicLink(p)) {
        throw new IOException(
            "--record: [" + p + "] is a symbolic link; parity never writes through one");
      }
    }
  }
}
