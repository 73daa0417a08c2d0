package concierge.bench;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A replay workload: customer questions with the repetition real traffic has. Built from
 * {@code bench/replay-topics.txt}: popular topics, each asked in several phrasings, chosen with a
 * Zipf law (the topic of rank k has weight 1/k), each phrasing equally likely within its topic and
 * sometimes typed differently (lower case, no question mark, doubled spaces, "??"); plus a long
 * tail of questions asked exactly once, placed at random. The same seed gives the same file.
 */
public final class ReplayWorkload {

  public static final String TAIL = "tail";
  public static final String RESOURCE = "/bench/replay-workload.jsonl";
  static final String TOPICS = "/bench/replay-topics.txt";

  /** One turn of the workload; {@code topic} is {@value #TAIL} for a question asked once. */
  public record Turn(int index, String topic, String message) {

    public JsonObject toJson() {
      return new JsonObject().put("turn", index).put("topic", topic).put("message", message);
    }
  }

  record Topic(String id, List<String> phrasings) {
  }

  private ReplayWorkload() {
  }

  /** {@code turns} turns in all, the tail's questions among them. */
  public static List<Turn> generate(long seed, int turns) {
    List<Topic> topics = new ArrayList<>();
    List<String> tail = new ArrayList<>();
    readTopics(resource(TOPICS), topics, tail);
    Random random = new Random(seed);
    double[] cumulative = zipf(topics.size());
    List<String[]> drawn = new ArrayList<>();
    for (int i = 0; i < turns - tail.size(); i++) {
      Topic topic = topics.get(pick(cumulative, random.nextDouble()));
      String phrasing = topic.phrasings().get(random.nextInt(topic.phrasings().size()));
      drawn.add(new String[] {topic.id(), typed(phrasing, random)});
    }
    for (String question : tail) {
      drawn.add(random.nextInt(drawn.size() + 1), new String[] {TAIL, question});
    }
    List<Turn> workload = new ArrayList<>();
    for (String[] turn : drawn) {
      workload.add(new Turn(workload.size(), turn[0], turn[1]));
    }
    return workload;
  }

  private static double[] zipf(int size) {
    double[] cumulative = new double[size];
    double sum = 0;
    for (int k = 0; k < size; k++) {
      sum += 1.0 / (k + 1);
      cumulative[k] = sum;
    }
    for (int k = 0; k < size; k++) {
      cumulative[k] /= sum;
    }
    return cumulative;
  }

  private static int pick(double[] cumulative, double u) {
    int index = 0;
    while (index < cumulative.length - 1 && cumulative[index] < u) {
      index++;
    }
    return index;
  }

  /** How people type the same question: 60% as written, the rest in one of four other ways. */
  private static String typed(String phrasing, Random random) {
    double u = random.nextDouble();
    if (u < 0.60) {
      return phrasing;
    }
    if (u < 0.75) {
      return phrasing.toLowerCase(Locale.ROOT);
    }
    if (u < 0.85) {
      return phrasing.replaceAll("[?.]$", "");
    }
    if (u < 0.93) {
      return phrasing.replace(" ", "  ");
    }
    return phrasing.replaceAll("\\?$", "??");
  }

  static void readTopics(String text, List<Topic> topics, List<String> tail) {
    String current = null;
    List<String> phrasings = null;
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") && !line.startsWith("## ")) {
        continue;
      }
      if (line.startsWith("## ")) {
        current = line.substring(3).strip();
        phrasings = new ArrayList<>();
        if (!TAIL.equals(current)) {
          topics.add(new Topic(current, phrasings));
        }
      } else if (TAIL.equals(current)) {
        tail.add(line);
      } else if (phrasings != null) {
        phrasings.add(line);
      }
    }
  }

  /** The workload in a JSONL file, or the bundled one when {@code file} is null. */
  public static List<Turn> read(Path file) throws IOException {
    String text = file == null ? resource(RESOURCE) : Files.readString(file);
    List<Turn> turns = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        JsonObject json = new JsonObject(line);
        turns.add(new Turn(json.getInteger("turn"), json.getString("topic"), json.getString("message")));
      }
    }
    return Collections.unmodifiableList(turns);
  }

  public static void write(List<Turn> turns, Path file) throws IOException {
    StringBuilder text = new StringBuilder();
    turns.forEach(turn -> text.append(turn.toJson().encode()).append('\n'));
    Files.writeString(file, text);
  }

  private static String resource(String name) {
    try (InputStream in = ReplayWorkload.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
