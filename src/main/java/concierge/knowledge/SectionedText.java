package concierge.knowledge;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Markdown document read as {@code ## name} sections (the tone guide, the ready replies). */
public final class SectionedText {

  private SectionedText() {
  }

  public static Map<String, String> parse(String markdown) {
    Map<String, String> sections = new LinkedHashMap<>();
    String name = null;
    StringBuilder body = new StringBuilder();
    for (String line : markdown.split("\n")) {
      if (line.startsWith("## ")) {
        if (name != null) {
          sections.put(name, body.toString().strip());
        }
        name = line.substring(3).strip();
        body.setLength(0);
      } else if (name != null && !line.startsWith("# ")) {
        body.append(line).append('\n');
      }
    }
    if (name != null) {
      sections.put(name, body.toString().strip());
    }
    return sections;
  }

  /** A section's text as one paragraph (list markers and line breaks removed). */
  public static String flat(String section) {
    return section.replaceAll("(?m)^\\s*[-*]\\s+", "").replaceAll("\\s*\n\\s*", " ").strip();
  }
}
