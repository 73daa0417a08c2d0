package concierge.config;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Configuration overrides")
class ConfigLoaderTest {

  private final JsonObject defaults = new JsonObject()
      .put("http", new JsonObject().put("port", 8080).put("host", "127.0.0.1"))
      .put("embedding", new JsonObject().put("batch-max", 16).put("model", "q"))
      .put("chroma", new JsonObject().put("url", ""));

  @Test
  @DisplayName("an environment variable named after a leaf's path overrides it, keeping its type")
  void environment() {
    JsonObject config = ConfigLoader.applyOverrides(defaults,
        Map.of("CONCIERGE_HTTP_PORT", "9090", "CONCIERGE_EMBEDDING_BATCH_MAX", "1"), new Properties());
    assertThat(config.getJsonObject("http").getInteger("port")).isEqualTo(9090);
    assertThat(config.getJsonObject("embedding").getInteger("batch-max")).isEqualTo(1);
    assertThat(defaults.getJsonObject("http").getInteger("port")).as("defaults untouched").isEqualTo(8080);
  }

  @Test
  @DisplayName("a system property wins over the environment, and CHROMA_URL is read as it is")
  void propertiesAndAliases() {
    Properties props = new Properties();
    props.setProperty("concierge.http.host", "0.0.0.0");
    JsonObject config = ConfigLoader.applyOverrides(defaults,
        Map.of("CONCIERGE_HTTP_HOST", "10.0.0.1", "CHROMA_URL", "http://chroma:8000"), props);
    assertThat(config.getJsonObject("http").getString("host")).isEqualTo("0.0.0.0");
    assertThat(config.getJsonObject("chroma").getString("url")).isEqualTo("http://chroma:8000");
  }
}
