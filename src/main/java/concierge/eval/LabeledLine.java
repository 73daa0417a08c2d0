package concierge.eval;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** One line of a labeled set: a message, its expected intent (and others that are also right), facts. */
public record LabeledLine(String id, String message, String intent, List<String> alsoOk, List<Pattern> facts,
                          List<Pattern> notFacts, String customerId) {

  public static LabeledLine from(JsonObject json) {
    return new LabeledLine(json.getString("id"), json.getString("message"), json.getString("intent"),
        strings(json.getJsonArray("alsoOk")), patterns(json.getJsonArray("facts")),
        patterns(json.getJsonArray("notFacts")), json.getString("customerId"));
  }

  public boolean intentRight(String predicted) {
    return intent.equals(predicted) || alsoOk.contains(predicted);
  }

  public boolean factsRight(String answer) {
    return facts.stream().allMatch(p -> p.matcher(answer).find()) && notFacts.stream().noneMatch(p -> p.matcher(answer).find());
  }

  public boolean hasFactChecks() {
    return !facts.isEmpty() || !notFacts.isEmpty();
  }

  private static List<String> strings(JsonArray array) {
    List<String> list = new ArrayList<>();
    if (array != null) {
      array.forEach(item -> list.add(String.valueOf(item)));
    }
    return list;
  }

  private static List<Pattern> patterns(JsonArray array) {
    return strings(array).stream().map(Pattern::compile).toList();
  }
}
