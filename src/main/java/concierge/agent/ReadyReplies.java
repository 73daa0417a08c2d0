package concierge.agent;

import concierge.knowledge.SectionedText;

import java.util.Map;
import java.util.regex.Pattern;

/** The ready-to-send replies of the knowledge base (greetings, handoff, refusals), by name. */
public final class ReadyReplies {

  private static final Pattern THANKS = Pattern.compile("\\b(thanks|thank|thx|ty|cheers|appreciate|grateful|gracias|merci)\\b");
  private static final Pattern GOODBYE =
      Pattern.compile("\\b(bye|goodbye|see you|see ya|later|good night|have a good|take care|adios|au revoir)\\b");

  private final Map<String, String> replies;

  public ReadyReplies(String markdown) {
    this.replies = SectionedText.parse(markdown);
  }

  public String get(String name) {
    String reply = replies.get(name);
    if (reply == null) {
      throw new IllegalStateException("the knowledge base has no reply named '" + name + "'");
    }
    return SectionedText.flat(reply);
  }

  /** Which greeting a greeting message is: hello, thanks or goodbye. */
  public String greeting(String message) {
    String lower = message.toLowerCase();
    if (THANKS.matcher(lower).find()) {
      return get("greeting_thanks");
    }
    if (GOODBYE.matcher(lower).find()) {
      return get("greeting_goodbye");
    }
    return get("greeting_hello");
  }
}
