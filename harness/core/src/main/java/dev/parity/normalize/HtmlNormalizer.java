package dev.parity.normalize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/**
 * {@code html:} parses with jsoup and prints a canonical form: elements matching the ignored CSS
 * selectors removed, attributes sorted by name, whitespace in text collapsed (except in pre,
 * textarea, script and style), one block element per line, inline elements within their line.
 */
final class HtmlNormalizer implements Normalizer {
  private static final List<String> KEEP_WHITESPACE = List.of("pre", "textarea", "script", "style");

  private final List<String> ignore;

  HtmlNormalizer(List<String> ignore) {
    this.ignore = List.copyOf(ignore);
  }

  @Override
  public String normalize(String text, Scope scope) {
    if (text.isBlank()) {
      return text;
    }
    Document document = Jsoup.parse(text);
    int fired = 0;
    for (String selector : ignore) {
      Elements matches = document.select(selector);
      fired += matches.size();
      matches.remove();
    }
    for (Element element : document.getAllElements()) {
      List<Attribute> attributes = new ArrayList<>(element.attributes().asList());
      List<Attribute> sorted = new ArrayList<>(attributes);
      sorted.sort(Comparator.comparing(Attribute::getKey));
      if (!sorted.equals(attributes)) {
        fired++;
        attributes.forEach(a -> element.removeAttr(a.getKey()));
        sorted.forEach(a -> element.attr(a.getKey(), a.getValue()));
      }
      if (KEEP_WHITESPACE.contains(element.normalName())) {
        continue;
      }
      for (TextNode node : element.textNodes()) {
        String whole = node.getWholeText();
        String collapsed = whole.replaceAll("\\s+", " ");
        if (!collapsed.equals(whole) && !whole.isBlank()) {
          fired++;
        }
        node.text(collapsed);
      }
    }
    // Not outline mode: it put every element on a line of its own, and the space between inline
    // elements, which shows ("a <b>x</b>" is "a x", "a<b>x</b>" is "ax"), went with the line break.
    document.outputSettings().prettyPrint(true).indentAmount(1);
    scope.fired(fired);
    return document.outerHtml() + "\n";
  }
}
