package concierge.knowledge;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits Markdown documents into chunks: one per {@code ## } heading; a section longer than the
 * token budget is split between paragraphs (a table row is a line, and lines are never split).
 * Documents under policies/ go to the {@code policies} collection, under products/ to {@code products}.
 */
public final class Chunker {

  public static final List<String> COLLECTIONS = List.of("policies", "products");
  private static final Pattern SKU = Pattern.compile("\\(([A-Z]{2}-[A-Z0-9-]+)\\)\\s*$");
  private static final Encoding TOKENS = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

  private final int maxTokens;

  public Chunker(int maxTokens) {
    this.maxTokens = maxTokens;
  }

  public List<KnowledgeChunk> chunks(List<KnowledgeDocument> documents) {
    List<KnowledgeChunk> chunks = new ArrayList<>();
    for (KnowledgeDocument document : documents) {
      if (COLLECTIONS.contains(document.folder()) && document.path().endsWith(".md")) {
        chunks.addAll(chunks(document));
      }
    }
    return chunks;
  }

  List<KnowledgeChunk> chunks(KnowledgeDocument document) {
    String title = document.name();
    List<KnowledgeChunk> chunks = new ArrayList<>();
    String heading = null;
    StringBuilder body = new StringBuilder();
    for (String line : document.text().split("\n", -1)) {
      if (line.startsWith("# ")) {
        title = line.substring(2).strip();
      } else if (line.startsWith("## ")) {
        addSection(chunks, document, title, heading, body.toString());
        heading = line.substring(3).strip();
        body.setLength(0);
      } else {
        body.append(line).append('\n');
      }
    }
    addSection(chunks, document, title, heading, body.toString());
    return chunks;
  }

  private void addSection(List<KnowledgeChunk> chunks, KnowledgeDocument document, String title, String heading,
                          String body) {
    String text = body.strip();
    if (heading == null || text.isEmpty()) {
      return;
    }
    List<String> parts = splitByBudget(text);
    String slug = slug(heading);
    for (int i = 0; i < parts.size(); i++) {
      String id = document.folder() + "/" + document.name() + "#" + slug + (i == 0 ? "" : "-" + (i + 1));
      Matcher sku = SKU.matcher(heading);
      chunks.add(new KnowledgeChunk(id, document.folder(), title + ": " + heading, heading, document.path(),
          sku.find() ? sku.group(1) : null, parts.get(i), hash(heading + "\n" + parts.get(i))));
    }
  }

  private List<String> splitByBudget(String text) {
    if (TOKENS.countTokens(text) <= maxTokens) {
      return List.of(text);
    }
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String paragraph : text.split("\n\\s*\n")) {
      if (current.length() > 0 && TOKENS.countTokens(current + "\n\n" + paragraph) > maxTokens) {
        parts.add(current.toString().strip());
        current.setLength(0);
      }
      current.append(paragraph).append("\n\n");
    }
    if (current.length() > 0) {
      parts.add(current.toString().strip());
    }
    return parts;
  }

  static String slug(String heading) {
    String slug = heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return slug.isEmpty() ? "section" : slug;
  }

  public static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
