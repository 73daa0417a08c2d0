package concierge.intent;

import java.util.List;
import java.util.Set;

/** Whether a message only says hello, thanks or goodbye, and asks for nothing else. */
final class Greetings {

  /** Words that make a greeting, a thanks or a goodbye (one of them must be there). */
  private static final Set<String> GREETING_WORDS = words(
      "hi hii hiii hello helo hallo hey heya heyy hiya howdy yo sup greetings morning afternoon evening"
      + " thanks thank thanku thx ty tysm tnx cheers appreciate appreciated bye goodbye cya later ciao adios"
      + " hola bonjour bonsoir salut merci gracias revoir");
  /** Words that may come with a greeting without making it a request. */
  private static final Set<String> GREETING_FILLERS = words(
      "good day night you so much very a lot many for your the help helpful again there anyone everyone how"
      + " are is it's it going one to soon take care team folks guys just wanted say and be well have nice"
      + " great perfect awesome cool ok okay got that's thats all i needed was this that sounds fine alright"
      + " kind super buenos buenas dias días tardes noches muchas muy beaucoup au bonne journée see ya you've"
      + " been all doing hope having talk friend mate everything quick answer solved");

  private Greetings() {
  }

  /** True when every word is a greeting word or a filler, and one at least is a greeting word. */
  static boolean only(String lower) {
    String[] words = lower.replaceAll("[^\\p{L}\\p{N}' -]", " ").strip().split("\\s+");
    boolean greeting = false;
    for (String word : words) {
      if (GREETING_WORDS.contains(word)) {
        greeting = true;
      } else if (!GREETING_FILLERS.contains(word)) {
        return false;
      }
    }
    return greeting;
  }

  private static Set<String> words(String spaced) {
    return Set.copyOf(List.of(spaced.split(" ")));
  }
}
