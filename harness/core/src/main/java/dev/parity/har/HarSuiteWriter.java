package dev.parity.har;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.parity.files.AtomicFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes imported cases into a suite folder: a case file {@code <id>.yaml} each (and {@code
 * <id>.body} for a body that is not text), plus a {@code suite.yaml} when the folder has none.
 * Nothing existing is replaced and nothing is written through a symbolic link; every file is
 * written whole or not at all.
 */
public final class HarSuiteWriter {
  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .build();

  private HarSuiteWriter() {}

  /**
   * Writes {@code cases} into {@code suite}; {@code origin} is the service the HAR was captured
   * from, the legacy side of a new suite.
   *
   * @return the files written, relative to {@code suite}
   */
  public static List<String> write(
      Path suite, List<HarCase> cases, URI origin, boolean allowSideEffects) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try {
      if (!Files.exists(suite.resolve("suite.yaml"), LinkOption.NOFOLLOW_LINKS)) {
        files.put("suite.yaml", suiteYaml(suite, origin, allowSideEffects));
      }
      for (HarCase c : cases) {
        files.put(c.id() + ".yaml", YAML.writeValueAsBytes(Map.of("request", c.request())));
        c.bodyFile().ifPresent(b -> files.put(c.id() + ".body", b));
      }
    } catch (JsonProcessingException e) {
      throw new HarException("cannot write a case as YAML: " + e.getOriginalMessage());
    }
    for (String name : files.keySet()) {
      Path target = suite.resolve(name);
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        throw new HarException(
            target
                + " exists already; import into another folder, or remove the earlier import"
                + " (nothing was written)");
      }
      for (Path dir = target.getParent();
          dir != null && dir.startsWith(suite);
          dir = dir.getParent()) {
        if (Files.isSymbolicLink(dir)) {
          throw new HarException(
              dir
                  + " is a symbolic link; parity does not write through links (nothing was"
                  + " written)");
        }
      }
    }
    List<String> written = new ArrayList<>();
    try {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        Path target = suite.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        AtomicFiles.writeNew(target, file.getValue());
        written.add(file.getKey());
      }
    } catch (IOException e) {
      throw new HarException(
          "cannot write into "
              + suite
              + ": "
              + e.getMessage()
              + " (written before: "
              + written.size()
              + " files, each complete)");
    }
    return written;
  }

  private static byte[] suiteYaml(Path suite, URI origin, boolean allowSideEffects)
      throws JsonProcessingException {
    String base = origin.getScheme() + "://" + origin.getRawAuthority();
    Map<String, Object> yaml = new LinkedHashMap<>();
    yaml.put("name", String.valueOf(suite.toAbsolutePath().normalize().getFileName()));
    yaml.put("legacy", Map.of("url", base));
    yaml.put("candidate", Map.of("url", base));
    if (allowSideEffects) {
      yaml.put("allowSideEffects", true);
    }
    String header =
        "# Imported from a HAR capture of "
            + base
            + ". Point candidate: at the new implementation.\n";
    return (header + YAML.writeValueAsString(yaml)).getBytes(StandardCharsets.UTF_8);
  }
}
