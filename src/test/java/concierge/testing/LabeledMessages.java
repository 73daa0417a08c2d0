package concierge.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Lines of a labeled JSONL set (see shared data README): message, intent, alsoOk, facts, customerId. */
public record LabeledMessages(List<JsonObject> lines) {

  public static LabeledMessages load(String resource) {
    try (InputStream in = LabeledMessages.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      List<JsonObject> lines = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          lines.add(new JsonObject(line));
        }
      }
      return new LabeledMessages(lines);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public List<JsonObject> withIntent(String... intents) {
    List<String> wanted = List.of(intents);
    return lines.stream().filter(line -> wanted.contains(line.getString("intent"))).toList();
  }

  public static boolean matchesAllFacts(JsonObject line, String text) {
    JsonArray facts = line.getJsonArray("facts", new JsonArray());
    for (int i = 0; i < facts.size(); i++) {
      if (!Pattern.compile(facts.getString(i)).matcher(text).find()) {
        return false;
      }
    }
    JsonArray notFacts = line.getJsonArray("notFacts", new JsonArray());
    for (int i = 0; i < notFacts.size(); i++) {
      if (Pattern.compile(notFacts.getString(i)).matcher(text).find()) {
        return false;
      }
    }
    return true;
  }

  public static boolean intentOk(JsonObject line, String predicted) {
    return line.getString("intent").equals(predicted)
        || line.getJsonArray("alsoOk", new JsonArray()).contains(predicted);
  }
}
