package dev.parity.report;

import dev.parity.files.AtomicFiles;
import dev.parity.verdict.Acceptance;
import dev.parity.verdict.CaseResult;
import dev.parity.verdict.Check;
import dev.parity.verdict.Status;
import dev.parity.verdict.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@code junit.xml} in the Surefire format: one {@code testsuite}, one {@code testcase} per
 * case named by its id, mismatches as {@code failure}, errors as {@code error}, each with the facts
 * and the diff as body; then the run's {@link Verdict#checks() checks} (the performance gate, each
 * group, the decision when nothing else explains it) as test cases of their own, so that the file
 * has a failure or an error exactly when the run does not pass.
 */
final class JUnitXmlReporter implements Reporter {
  static final String FILE = "junit.xml";

  @Override
  public Path write(Verdict verdict, Path outputFolder) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      String className = "parity." + verdict.suite();
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", className);
      List<Check> checks = verdict.checks();
      xml.writeAttribute("tests", Integer.toString(verdict.fixtures().size() + checks.size()));
      xml.writeAttribute(
          "failures", Long.toString(verdict.counts().failed() + count(checks, Status.FAIL)));
      xml.writeAttribute(
          "errors", Long.toString(verdict.counts().errors() + count(checks, Status.ERROR)));
      xml.writeAttribute("skipped", "0");
      xml.writeAttribute("time", seconds(verdict.durationMs()));
      xml.writeAttribute("timestamp", verdict.startedAt().toString());
      xml.writeCharacters("\n  ");
      xml.writeStartElement("properties");
      property(xml, "parity.mode", verdict.mode().label());
      property(xml, "parity.decision", verdict.decision().label());
      property(xml, "parity.status", verdict.status().label());
      property(xml, "parity.scope", verdict.scope());
      property(xml, "parity.version", verdict.parityVersion());
      xml.writeCharacters("\n  ");
      xml.writeEndElement();
      for (CaseResult result : verdict.fixtures()) {
        long millis = result.durationsMs().values().stream().mapToLong(Long::longValue).sum();
        testcase(
            xml,
            className,
            result.id(),
            millis,
            result.status(),
            result.summary(),
            result.details(),
            result.accepted());
      }
      for (Check check : checks) {
        testcase(
            xml,
            className,
            check.name(),
            0,
            check.status(),
            check.message(),
            check.details(),
            Optional.empty());
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write " + FILE + ": " + e.getMessage(), e);
    }
    Path file = outputFolder.resolve(FILE);
    AtomicFiles.replace(file, bytes.toByteArray());
    return file;
  }

  private static void testcase(
      XMLStreamWriter xml,
      String className,
      String name,
      long millis,
      Status status,
      String message,
      String body,
      Optional<Acceptance> accepted)
      throws XMLStreamException {
    xml.writeCharacters("\n  ");
    xml.writeStartElement("testcase");
    xml.writeAttribute("name", clean(name));
    xml.writeAttribute("classname", className);
    xml.writeAttribute("time", seconds(millis));
    if (accepted.isPresent()) {
      accepted(xml, accepted.get());
    } else if (!status.passes()) {
      xml.writeCharacters("\n    ");
      xml.writeStartElement(status == Status.FAIL ? "failure" : "error");
      xml.writeAttribute("message", clean(message));
      xml.writeAttribute("type", status == Status.FAIL ? "parity.Mismatch" : "parity.Error");
      xml.writeCharacters(clean(body));
      xml.writeEndElement();
      xml.writeCharacters("\n  ");
    }
    xml.writeEndElement();
  }

  /**
   * An accepted difference passes: its testcase says so in properties (status, reason, ticket) and
   * in system-out, which CI test views show.
   */
  private static void accepted(XMLStreamWriter xml, Acceptance accepted) throws XMLStreamException {
    xml.writeCharacters("\n    ");
    xml.writeStartElement("properties");
    xml.writeCharacters("  ");
    property(xml, "parity.status", Status.ACCEPTED.label());
    xml.writeCharacters("  ");
    property(xml, "parity.accepted.reason", clean(accepted.reason()));
    if (accepted.ticket().isPresent()) {
      xml.writeCharacters("  ");
      property(xml, "parity.accepted.ticket", clean(accepted.ticket().get()));
    }
    xml.writeCharacters("\n    ");
    xml.writeEndElement();
    xml.writeCharacters("\n    ");
    xml.writeStartElement("system-out");
    xml.writeCharacters(clean("accepted difference: " + accepted.sentence()));
    xml.writeEndElement();
    xml.writeCharacters("\n  ");
  }

  private static long count(List<Check> checks, Status status) {
    return checks.stream().filter(c -> c.status() == status).count();
  }

  private static void property(XMLStreamWriter xml, String name, String value)
      throws XMLStreamException {
    xml.writeCharacters("\n    ");
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", name);
    xml.writeAttribute("value", value);
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  /** Drops characters XML 1.0 cannot carry (control bytes from binary output), keeping the rest. */
  static String clean(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              boolean allowed =
                  cp == 0x9
                      || cp == 0xA
                      || cp == 0xD
                      || (cp >= 0x20 && cp <= 0xD7FF)
                      || (cp >= 0xE000 && cp <= 0xFFFD)
                      || (cp >= 0x10000 && cp <= 0x10FFFF);
              if (allowed) {
                out.appendCodePoint(cp);
              } else {
                out.append(String.format(Locale.ROOT, "\\u%04x", cp));
              }
            });
    return out.toString();
  }
}
