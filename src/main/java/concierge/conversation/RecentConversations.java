package concierge.conversation;

import io.vertx.core.json.JsonObject;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Conversations of a node that is not clustered, bounded in number and in time: the least
 * recently active is forgotten first when there are {@code max} of them, and any is forgotten
 * after {@code ttlMs} without a turn. Memory stays flat however many conversations clients open
 * (a client that starts a new conversation for every message included).
 *
 * <p>Not thread-safe: the {@code ConversationVerticle}'s event loop owns it.
 */
final class RecentConversations {

  private record Entry(JsonObject conversation, long lastActive) {
  }

  private final int max;
  private final long ttlMs;
  private final LongSupplier clock;
  private final LinkedHashMap<String, Entry> byActivity = new LinkedHashMap<>(1024);
  private long forgotten;

  RecentConversations(int max, long ttlMs, LongSupplier clock) {
    this.max = max;
    this.ttlMs = ttlMs;
    this.clock = clock;
  }

  /** The conversation, or null when there is none or it expired. Reading does not make it active. */
  JsonObject get(String id) {
    Entry entry = byActivity.get(id);
    if (entry == null) {
      return null;
    }
    if (clock.getAsLong() - entry.lastActive() >= ttlMs) {
      byActivity.remove(id);
      forgotten++;
      return null;
    }
    return entry.conversation();
  }

  /** Stores the conversation as active now, forgetting the least recently active beyond the bound. */
  void put(String id, JsonObject conversation) {
    byActivity.remove(id); // re-inserted last: the map's order is the order of last activity
    byActivity.put(id, new Entry(conversation, clock.getAsLong()));
    Iterator<Map.Entry<String, Entry>> oldest = byActivity.entrySet().iterator();
    while (byActivity.size() > max && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
      forgotten++;
    }
  }

  /** Forgets every conversation past its TTL; returns how many. The oldest come first, so this stops early. */
  int expire() {
    long now = clock.getAsLong();
    int removed = 0;
    Iterator<Entry> oldest = byActivity.values().iterator();
    while (oldest.hasNext()) {
      if (now - oldest.next().lastActive() < ttlMs) {
        break;
      }
      oldest.remove();
      removed++;
    }
    forgotten += removed;
    return removed;
  }

  int size() {
    return byActivity.size();
  }

  /** Conversations dropped so far, for the bound or for their TTL. */
  long forgotten() {
    return forgotten;
  }
}
