package concierge.cache;

import concierge.embedding.Embedder;

import java.util.List;

/** The real sentence-embedding model, loaded once for all cache tests (as the server loads it). */
final class Embeddings {

  private static Embedder embedder;

  private Embeddings() {
  }

  static synchronized Embedder embedder() {
    if (embedder == null) {
      embedder = new Embedder("all-minilm-l6-v2-q", 5000);
    }
    return embedder;
  }

  static float[] of(String text) {
    return embedder().embed(List.of(text)).get(0);
  }
}
