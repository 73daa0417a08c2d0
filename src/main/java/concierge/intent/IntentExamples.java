package concierge.intent;

import concierge.knowledge.KnowledgeDocument;
import concierge.knowledge.KnowledgeSource;

import java.util.ArrayList;
import java.util.List;

/**
 * The intent examples of a knowledge base: {@code intents/<intent>.txt}, one example a line;
 * blank lines and lines starting with '#' are skipped. Blocking file IO.
 */
public final class IntentExamples {

  private static final String FOLDER = "intents/";

  private IntentExamples() {
  }

  public static List<IntentExample> load(KnowledgeSource source) {
    List<IntentExample> examples = new ArrayList<>();
    for (KnowledgeDocument document : source.documents()) {
      String path = document.path();
      if (!path.startsWith(FOLDER) || !path.endsWith(".txt") || path.indexOf('/', FOLDER.length()) >= 0) {
        continue;
      }
      String intent = path.substring(FOLDER.length(), path.length() - ".txt".length());
      document.text().lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .forEach(line -> examples.add(new IntentExample(intent, line)));
    }
    if (examples.isEmpty()) {
      throw new IllegalStateException("no intent examples (intents/*.txt) in the knowledge base");
    }
    return examples;
  }
}
