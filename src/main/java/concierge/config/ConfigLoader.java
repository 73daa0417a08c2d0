package concierge.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Reads the configuration once: the defaults bundled in the jar (conf/concierge.yaml), then the
 * project's conf/concierge.yaml (or --config FILE), then environment variables and system
 * properties. Every setting the server has is a leaf of the YAML; nothing is read elsewhere.
 */
public final class ConfigLoader {

  private static final Map<String, String> ALIASES = Map.of(
      "CHROMA_URL", "chroma.url",
      "DATABASE_URL", "database.url",
      "CONCIERGE_LLM_URL", "llm.url",
      "CONCIERGE_LLM_API_KEY", "llm.api-key");

  private ConfigLoader() {
  }

  public static Future<JsonObject> load(Vertx vertx, Path file) {
    ConfigRetrieverOptions options = new ConfigRetrieverOptions().setScanPeriod(0)
        .addStore(yaml("concierge.yaml", false));
    if (file != null && Files.exists(file)) {
      options.addStore(yaml(file.toString(), true));
    }
    ConfigRetriever retriever = ConfigRetriever.create(vertx, options);
    return retriever.getConfig()
        .map(json -> applyOverrides(json, System.getenv(), System.getProperties()))
        .onComplete(ignored -> retriever.close());
  }

  private static ConfigStoreOptions yaml(String path, boolean optional) {
    return new ConfigStoreOptions().setType("file").setFormat("yaml").setOptional(optional)
        .setConfig(new JsonObject().put("path", path));
  }

  /** Overrides every leaf that has an environment variable or system property of its name. */
  public static JsonObject applyOverrides(JsonObject config, Map<String, String> env, Properties props) {
    JsonObject result = config.copy();
    overrideLeaves(result, "", env, props);
    ALIASES.forEach((variable, path) -> {
      String value = env.get(variable);
      if (value != null && !value.isBlank()) {
        put(result, path, value);
      }
    });
    return result;
  }

  private static void overrideLeaves(JsonObject node, String prefix, Map<String, String> env, Properties props) {
    for (String key : node.fieldNames().toArray(String[]::new)) {
      String path = prefix.isEmpty() ? key : prefix + "." + key;
      Object value = node.getValue(key);
      if (value instanceof JsonObject child) {
        overrideLeaves(child, path, env, props);
        continue;
      }
      String fromEnv = env.get(envName(path));
      String fromProp = props.getProperty("concierge." + path);
      String override = fromProp != null ? fromProp : fromEnv;
      if (override != null) {
        node.put(key, coerce(override, value));
      }
    }
  }

  static String envName(String path) {
    return "CONCIERGE_" + path.toUpperCase().replace('.', '_').replace('-', '_');
  }

  private static Object coerce(String text, Object like) {
    if (like instanceof Integer || like instanceof Long) {
      return Long.parseLong(text.trim());
    }
    if (like instanceof Number) {
      return Double.parseDouble(text.trim());
    }
    if (like instanceof Boolean) {
      return Boolean.parseBoolean(text.trim());
    }
    return text;
  }

  private static void put(JsonObject root, String path, String value) {
    String[] parts = path.split("\\.");
    JsonObject node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonObject child = node.getJsonObject(parts[i]);
      if (child == null) {
        child = new JsonObject();
        node.put(parts[i], child);
      }
      node = child;
    }
    node.put(parts[parts.length - 1], value);
  }
}
