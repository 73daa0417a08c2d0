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
  /**
   * Per-node address of a gateway in a cluster: {@code concierge.custody.<nodeId>}. The pipeline
   * node that takes a turn says so there, so that the gateway fails the turn at once (retryable)
   * if that node leaves the cluster before it answers.
   */
  public static final String CUSTODY_PREFIX = "concierge.custody.";
  /** Local to each node: the id of a node that left the cluster (published by the cluster manager). */
  public static final String NODE_LEFT = "concierge.cluster.node-left";
  /** Addresses that are published to every subscriber of every node, never sent to one. */
  public static final java.util.Set<String> PUBLISHED = java.util.Set.of(TURNS, KNOWLEDGE_CHANGED);
  /** Per-turn stream of generated text: {@code concierge.stream.<turnId>}. */
  public static final String STREAM_PREFIX = "concierge.stream.";

  private Addresses() {
  }

  public static String custody(String nodeId) {
    return CUSTODY_PREFIX + nodeId;
  }

  public static String stream(String turnId) {
    return STREAM_PREFIX + turnId;
  }
}
