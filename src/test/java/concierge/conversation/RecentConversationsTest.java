package concierge.conversation;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RecentConversationsTest {

  private final AtomicLong now = new AtomicLong(1_000_000);

  private static JsonObject conversation(String customer) {
    return new JsonObject().put("customerId", customer);
  }

  @Test
  @DisplayName("a flood of new conversations keeps at most the bound, forgetting the least recently active first")
  void boundedByActivity() {
    RecentConversations recent = new RecentConversations(1_000, 60_000, now::get);
    recent.put("kept", conversation("c-1"));
    for (int i = 0; i < 100_000; i++) {
      now.incrementAndGet();
      recent.put("c" + i, conversation(null));
      if (i % 500 == 0) {
        recent.put("kept", conversation("c-1")); // an active conversation is never the oldest
      }
    }
    assertThat(recent.size()).isEqualTo(1_000);
    assertThat(recent.forgotten()).isEqualTo(100_001 - 1_000);
    assertThat(recent.get("kept").getString("customerId")).isEqualTo("c-1");
    assertThat(recent.get("c0")).isNull();
    assertThat(recent.get("c99999")).isNotNull();
  }

  @Test
  @DisplayName("a conversation is forgotten after its TTL without a turn; reading it does not keep it alive")
  void expiresAfterInactivity() {
    RecentConversations recent = new RecentConversations(10, 1_000, now::get);
    recent.put("old", conversation("a"));
    now.addAndGet(600);
    recent.put("young", conversation("b"));
    assertThat(recent.get("old")).isNotNull();
    now.addAndGet(500);
    assertThat(recent.expire()).isEqualTo(1);
    assertThat(recent.get("old")).isNull();
    assertThat(recent.get("young")).isNotNull();
    now.addAndGet(600);
    assertThat(recent.get("young")).as("expired on read too").isNull();
    assertThat(recent.size()).isZero();
  }
}
