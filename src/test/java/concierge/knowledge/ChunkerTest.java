package concierge.knowledge;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Chunking the knowledge base")
class ChunkerTest {

  @Test
  @DisplayName("one chunk per ## heading, with ids, titles and SKUs; other folders are not chunked")
  void byHeading() {
    List<KnowledgeChunk> chunks = new Chunker(200).chunks(List.of(
        new KnowledgeDocument("policies/returns.md", "# Return policy\n\n## Return window\nItems can be returned within 30 days.\n\n## Final sale\nGift cards are final sale.\n"),
        new KnowledgeDocument("products/catalogue.md", "# Product catalogue\n\n## Ridgeline 2 Tent (AF-TNT-2P)\nThe Ridgeline 2 Tent costs $349.\n"),
        new KnowledgeDocument("tone/tone-guide.md", "# Tone\n\n## default\nBe warm.\n")));
    assertThat(chunks).extracting(KnowledgeChunk::id)
        .containsExactly("policies/returns#return-window", "policies/returns#final-sale", "products/catalogue#ridgeline-2-tent-af-tnt-2p");
    assertThat(chunks.get(0).title()).isEqualTo("Return policy: Return window");
    assertThat(chunks.get(2).sku()).isEqualTo("AF-TNT-2P");
    assertThat(chunks.get(2).collection()).isEqualTo("products");
  }

  @Test
  @DisplayName("a section over the token budget is split between paragraphs, never inside a table row")
  void budget() {
    StringBuilder table = new StringBuilder("| a | b |\n|---|---|\n");
    for (int i = 0; i < 40; i++) {
      table.append("| row ").append(i).append(" with several words in it | $").append(i).append(" |\n");
    }
    String body = "## Big\n" + "Intro sentence with some words. ".repeat(30) + "\n\n" + table + "\nClosing words here.\n";
    List<KnowledgeChunk> chunks = new Chunker(200).chunks(List.of(new KnowledgeDocument("policies/big.md", body)));
    assertThat(chunks.size()).isGreaterThan(1);
    for (KnowledgeChunk chunk : chunks) {
      for (String line : chunk.text().split("\n")) {
        if (line.startsWith("|")) {
          assertThat(line).endsWith("|");
        }
      }
    }
  }

  @Test
  @DisplayName("the version changes when and only when content changes")
  void version() {
    List<KnowledgeDocument> docs = List.of(new KnowledgeDocument("policies/a.md", "## A\nOne fact.\n"));
    String v1 = Ingestor.version(new Chunker(200).chunks(docs));
    String same = Ingestor.version(new Chunker(200).chunks(List.of(new KnowledgeDocument("policies/a.md", "## A\nOne fact.\n"))));
    String changed = Ingestor.version(new Chunker(200).chunks(List.of(new KnowledgeDocument("policies/a.md", "## A\nTwo facts.\n"))));
    assertThat(same).isEqualTo(v1);
    assertThat(changed).isNotEqualTo(v1);
  }

  @Test
  @DisplayName("sentences split at sentence ends, not inside prices, abbreviations or list markers")
  void sentences() {
    assertThat(Sentences.split("Standard costs $5.99. Overnight costs $29.99 (e.g. to Oregon).\n- Gift cards never expire."))
        .containsExactly("Standard costs $5.99.", "Overnight costs $29.99 (e.g. to Oregon).", "Gift cards never expire.");
  }
}
