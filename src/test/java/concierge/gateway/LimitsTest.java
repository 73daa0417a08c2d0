package concierge.gateway;

import concierge.security.ClientKey;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayName("Rate limits per address and per key, and the cap on turns in flight")
class LimitsTest {

  private final Limits limits = new Limits(new JsonObject().put("limits", new JsonObject()
      .put("rate-per-second", 0.2).put("burst", 5).put("key-rate-per-second", 0.1).put("key-burst", 3)
      .put("max-in-flight", 2)));

  @Test
  @DisplayName("an address gets its burst, then a 429 that says when to retry; another address is not affected")
  void perAddress() {
    SocketAddress one = SocketAddress.inetSocketAddress(1, "10.0.0.1");
    for (int i = 0; i < 5; i++) {
      limits.checkAddress(one);
    }
    Limits.RateLimited refused = catchThrowableOfType(Limits.RateLimited.class, () -> limits.checkAddress(one));
    assertThat(refused.code().status()).isEqualTo(429);
    assertThat(refused.retryAfterSeconds()).isBetween(1L, 5L);
    limits.checkAddress(SocketAddress.inetSocketAddress(1, "10.0.0.2"));
  }

  @Test
  @DisplayName("a key gets its own burst wherever it calls from; the open caller of a loopback server has no key bucket")
  void perKey() {
    ClientKey key = new ClientKey("maya", new byte[32], Set.of("c-1001"));
    for (int i = 0; i < 3; i++) {
      limits.checkKey(key);
    }
    assertThatThrownBy(() -> limits.checkKey(key)).isInstanceOf(Limits.RateLimited.class);
    for (int i = 0; i < 10; i++) {
      limits.checkKey(ClientKey.OPEN);
    }
  }

  @Test
  @DisplayName("turns beyond the cap are refused at once and places are given back")
  void inFlight() {
    assertThat(limits.enter()).isTrue();
    assertThat(limits.enter()).isTrue();
    assertThat(limits.enter()).isFalse();
    limits.leave();
    assertThat(limits.enter()).isTrue();
  }

  @Test
  @DisplayName("a library's message never reaches a client: class names, exceptions and stack frames are replaced")
  void safeMessages() {
    assertThat(ApiError.safe("message must not be empty")).isEqualTo("message must not be empty");
    assertThat(ApiError.safe("customerId must be 1-64 letters, digits, '.', '-' or '_'")).startsWith("customerId");
    assertThat(ApiError.safe("io.netty.handler.codec.http.QueryStringDecoder failed")).doesNotContain("netty");
    assertThat(ApiError.safe("Failed to decode: NumberFormatException: x")).doesNotContain("Exception");
    assertThat(ApiError.safe("boom\n\tat concierge.gateway.ChatRoutes.chat(ChatRoutes.java:42)")).isEqualTo("boom");
    assertThat(ApiError.safe("at concierge.X.y(X.java:3)")).doesNotContain("X.java");
  }
}
