package dev.parity.golden;

import static dev.parity.golden.GoldenStore.META;
import static dev.parity.golden.GoldenStore.META_YAML;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parity.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How an accepted difference is laid out in a case's {@code accepted/} folder: the accepted
 * candidate observation in golden format, and {@code accepted.yaml}. {@code accepted.yaml} is
 * written first and {@code meta.yaml} last, so a folder with {@code meta.yaml} is complete, as for
 * a golden (which lets {@link Leftovers} finish an interrupted swap of it).
 */
final class AcceptedFiles {
  static final String FOLDER = "accepted";
  static final String FILE = "accepted.yaml";

  private static final String HEADER =
      "# A candidate difference accepted as intended (`parity accept`); the accepted candidate\n"
          + "# observation is stored beside this file. `verify` passes the case as `accepted` while\n"
          + "# the candidate still produces it and `until` has not passed.\n";

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Doc(
      @Nullable String reason,
      @Nullable String ticket,
      @Nullable String until,
      @Nullable String by,
      @Nullable String at,
      @Nullable String golden) {}

  private AcceptedFiles() {}

  /**
   * Writes an accepted difference into a new, empty folder, noting the {@link GoldenStore#state} of
   * the golden it is accepted against.
   */
  static void fill(Path fresh, String caseId, Accepted accepted, String golden) throws IOException {
    AcceptedDifference difference = accepted.difference();
    Doc doc =
        new Doc(
            difference.reason(),
            difference.ticket().orElse(null),
            difference.until().map(Until::label).orElse(null),
            difference.by(),
            difference.at().toString(),
            golden);
    AtomicFiles.writeNew(
        fresh.resolve(FILE),
        (HEADER + META_YAML.writeValueAsString(doc)).getBytes(StandardCharsets.UTF_8));
    GoldenFiles.fill(fresh, caseId, accepted.observation());
  }

  /**
   * What the accepted difference in {@code caseFolder} is now, as {@link GoldenFiles#state} is for
   * a golden: a SHA-256 of what {@code accepted.yaml} and the accepted observation's {@code
   * meta.yaml} say (not of their comments or line ends), or {@code none}.
   */
  static String state(Path caseFolder) {
    Path dir = caseFolder.resolve(FOLDER);
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return GoldenFiles.NO_GOLDEN;
    }
    String doc;
    try {
      doc =
          META_YAML.writeValueAsString(META_YAML.readValue(dir.resolve(FILE).toFile(), Doc.class));
    } catch (IOException e) {
      doc = "unreadable (" + e.getMessage() + ")";
    }
    return doc + "\n" + GoldenFiles.state(dir);
  }

  /**
   * The accepted difference in the golden folder of {@code caseId}, or empty when it has none; a
   * symbolic link below {@code root} (the suite's golden folder) on the way is refused.
   */
  static Optional<Accepted> read(Path root, Path caseFolder, String caseId) {
    Path dir = caseFolder.resolve(FOLDER);
    NoLinks.refuse(root, dir);
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    Path file = dir.resolve(FILE);
    NoLinks.refuse(dir, file);
    NoLinks.refuse(dir, dir.resolve(META));
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
        || !Files.isRegularFile(dir.resolve(META), LinkOption.NOFOLLOW_LINKS)) {
      throw damaged(dir, "the accepted difference is incomplete (no " + FILE + " or " + META + ")");
    }
    Doc doc;
    try {
      doc = META_YAML.readValue(file.toFile(), Doc.class);
    } catch (IOException e) {
      throw damaged(
          YamlErrors.where(file, e),
          "unreadable accepted difference (" + YamlErrors.problem(e) + ")");
    }
    if (doc == null || doc.reason() == null || doc.reason().isBlank()) {
      throw damaged(file, "the accepted difference has no `reason`");
    }
    if (doc.by() == null || doc.at() == null) {
      throw damaged(file, "the accepted difference lacks `by` or `at`");
    }
    Optional<Until> until = Optional.ofNullable(doc.until()).flatMap(Until::parse);
    if (doc.until() != null && until.isEmpty()) {
      throw damaged(file, "`until` [" + doc.until() + "] is not " + Until.FORMAT);
    }
    AcceptedDifference difference;
    try {
      difference =
          new AcceptedDifference(
              doc.reason(),
              Optional.ofNullable(doc.ticket()),
              until,
              doc.by(),
              Instant.parse(doc.at()));
    } catch (DateTimeParseException e) {
      throw damaged(file, "`at` must be an instant (" + e.getParsedString() + ")");
    }
    return Optional.of(
        new Accepted(
            difference, GoldenFiles.read(dir, dir, caseId), Optional.ofNullable(doc.golden())));
  }

  private static GoldenException damaged(Path where, String problem) {
    return damaged(where.toString(), problem);
  }

  private static GoldenException damaged(String where, String problem) {
    return new GoldenException(
        where,
        problem,
        "delete the `" + FOLDER + "/` folder and accept the difference again with `parity accept`");
  }
}
