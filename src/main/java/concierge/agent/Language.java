package concierge.agent;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Tells English from Spanish and French by their common words; the shop answers in English for now. */
public final class Language {

  private static final Pattern ACCENTED = Pattern.compile("[áéíóúñ¿¡àâçèêëîïôûùœ]");

  private static final Set<String> SPANISH = Set.of("el", "la", "los", "las", "de", "del", "que", "por", "para", "con",
      "una", "uno", "es", "mi", "mis", "pedido", "puedo", "cómo", "como", "dónde", "donde", "cuánto", "cuanto",
      "envío", "envio", "devolver", "devolución", "hola", "gracias", "quiero", "tienen", "necesito", "está", "esta",
      "cuándo", "cuando", "hay", "tiempo", "precio", "pagar", "ustedes", "también", "pero", "sí", "qué");
  private static final Set<String> FRENCH = Set.of("le", "les", "des", "est", "je", "vous", "mon", "ma", "mes",
      "commande", "pour", "avec", "une", "un", "pas", "retour", "livraison", "bonjour", "merci", "comment", "où",
      "combien", "puis", "peux", "voudrais", "c'est", "et", "du", "au", "aux", "quel", "quelle", "sont", "avez",
      "rembourser", "remboursement", "colis", "j'ai", "s'il", "plaît", "veux", "fait", "nous", "dans", "sur");
  private static final Set<String> ENGLISH = Set.of("the", "is", "are", "my", "i", "you", "your", "to", "of", "and",
      "do", "does", "can", "how", "what", "where", "when", "for", "it", "a", "an", "in", "on", "with", "order",
      "return", "ship", "shipping", "please", "want", "have", "this", "that", "much", "long");

  private Language() {
  }

  /** True when the message reads as Spanish or French rather than English. */
  public static boolean notEnglish(String message) {
    String[] words = message.toLowerCase(Locale.ROOT).split("[^\\p{L}']+");
    int foreign = 0;
    int english = 0;
    for (String word : words) {
      if (word.isEmpty()) {
        continue;
      }
      if (SPANISH.contains(word) || FRENCH.contains(word)) {
        foreign++;
      }
      if (ENGLISH.contains(word)) {
        english++;
      }
    }
    boolean accented = ACCENTED.matcher(message).find();
    return foreign >= 2 && foreign > english || (accented && foreign >= 1 && english == 0);
  }
}
