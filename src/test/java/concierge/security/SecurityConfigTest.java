package concierge.security;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Security settings: client keys, their customers, and where the server may listen")
class SecurityConfigTest {

  private static JsonObject security(Object clientKeys) {
    return new JsonObject().put("security", new JsonObject().put("client-keys", clientKeys));
  }

  @Test
  @DisplayName("keys from a YAML list are found by the key itself and act only for their customers")
  void keysFromList() {
    SecurityConfig config = SecurityConfig.from(security(new JsonArray()
        .add(new JsonObject().put("name", "web").put("sha256", KeyHash.hex("front-key")).put("customers", new JsonArray().add("*")))
        .add(new JsonObject().put("name", "maya").put("sha256", KeyHash.hex("maya-key")).put("customers", new JsonArray().add("c-1001")))));
    ClientKey web = config.clientKeys().find("front-key");
    ClientKey maya = config.clientKeys().find("maya-key");
    assertThat(web.name()).isEqualTo("web");
    assertThat(web.allows("c-1002")).isTrue();
    assertThat(web.defaultCustomer()).isNull();
    assertThat(maya.allows("c-1001")).isTrue();
    assertThat(maya.allows("c-1002")).isFalse();
    assertThat(maya.allows(null)).as("a guest").isTrue();
    assertThat(maya.defaultCustomer()).isEqualTo("c-1001");
    assertThat(config.clientKeys().find("maya-key ")).isNull();
    assertThat(config.clientKeys().find("wrong")).isNull();
    assertThat(config.clientKeys().find("")).isNull();
    assertThat(config.clientKeys().find(null)).isNull();
  }

  @Test
  @DisplayName("keys from one environment string: name:sha256:customer|customer, comma separated")
  void keysFromEnvironment() {
    SecurityConfig config = SecurityConfig.from(security(
        "web:" + KeyHash.hex("a") + ":*, jordan:" + KeyHash.hex("b") + ":c-1002|c-2000"));
    assertThat(config.clientKeys().size()).isEqualTo(2);
    assertThat(config.clientKeys().find("b").customers()).containsExactlyInAnyOrder("c-1002", "c-2000");
  }

  @Test
  @DisplayName("a hash that is not 64 hex digits, a key without customers or with a bad customer id is a configuration error")
  void badKeys() {
    assertThatThrownBy(() -> SecurityConfig.from(security("web:not-a-hash:*"))).hasMessageContaining("64 hex digits");
    assertThatThrownBy(() -> SecurityConfig.from(security(new JsonArray().add(new JsonObject().put("name", "x")
        .put("sha256", KeyHash.hex("k")).put("customers", new JsonArray()))))).hasMessageContaining("no customers");
    assertThatThrownBy(() -> SecurityConfig.from(security("web:" + KeyHash.hex("a") + ":c 1001")))
        .hasMessageContaining("bad customer id");
  }

  @Test
  @DisplayName("without client keys only loopback addresses may be bound; with keys any address may")
  void exposure() {
    SecurityConfig none = SecurityConfig.from(new JsonObject());
    for (String loopback : new String[] {"127.0.0.1", "localhost", "::1", "[::1]", "127.0.1.1"}) {
      none.checkExposure(loopback);
    }
    for (String exposed : new String[] {"0.0.0.0", "::", "192.168.1.20", "shop.example", "127.0.0.1.example.com"}) {
      assertThatThrownBy(() -> none.checkExposure(exposed)).isInstanceOf(UnsafeExposureException.class)
          .hasMessageContaining("client-keys").hasMessageContaining(exposed);
    }
    SecurityConfig.from(security("web:" + KeyHash.hex("a") + ":*")).checkExposure("0.0.0.0");
  }

  @Test
  @DisplayName("new keys are long, random and hash to what the configuration expects")
  void newKeys() {
    String a = KeyHash.newKey();
    String b = KeyHash.newKey();
    assertThat(a).startsWith("ck_").hasSizeGreaterThan(40).isNotEqualTo(b);
    assertThat(KeyHash.hex("secret")).isEqualTo("2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b");
  }
}
