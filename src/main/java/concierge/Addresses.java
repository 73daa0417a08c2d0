package concierge;

/** Every event-bus address of Concierge, in one place. */
public final class Addresses {

  public static final String CHAT = "concierge.chat";
  public static final String TURNS = "concierge.turns";
  public static final String EMBEDDING = "concierge.embedding";
  public static final String INTENT = "concierge.intent";
  public static final String CHROMA = "concierge.chroma";
  public static final String RETRIEVAL = "concierge.retrieval";
  public static final String TONE = "concierge.tone";
  public static final String GENERATION = "concierge.generation";
  public static final String VALIDATION = "concierge.validation";
  public static final String CACHE = "concierge.cache";
  public static final String ORDERS = "concierge.orders";
  public static final String CONVERSATIONS = "concierge.conversations";
  /** Published when the knowledge-base version changes (after an ingest that changed content). */
  public static final String KNOWLEDGE_CHANGED = "concierge.knowledge.changed";
  /** Per-turn stream of generated text: {@code concierge.stream.<turnId>}. */
  public static final String STREAM_PREFIX = "concierge.stream.";

  private Addresses() {
  }

  public static String stream(String turnId) {
    return STREAM_PREFIX + turnId;
  }
}
