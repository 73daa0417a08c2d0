package concierge.intent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * English glosses of the Spanish and French words customers of an outdoor shop use most. The
 * embedding model reads English; with these glosses a message in Spanish or French shares its
 * words with the English examples ("devolver" is also read as "return").
 */
final class Glossary {

  private static final Map<String, List<String>> GLOSSES = new HashMap<>();
  /** Short words common in Spanish or French sentences (and rare in English ones). */
  private static final Set<String> FUNCTION_WORDS = Set.copyOf(List.of((
      "el la los las mi mis de del que por favor es una un con para quiero puedo dónde donde cuál cual"
      + " cómo como está esta pedido hola gracias je le les mon ma mes vous est pas une des pour avec où"
      + " commande merci voudrais veux est-ce quel quels quelle sont votre ne suis très muy estoy y et au"
      + " du il elle nous qué mañana envío").split(" ")));

  static {
    gloss("order", "pedido pedidos orden commande commandes");
    gloss("ship shipping", "envío envio envíos envios enviar envían envian mandan livraison livrez livrer "
        + "expédition expedition expédier expédiée expédié");
    gloss("return", "devolver devolución devolucion devoluciones devuelvo retour retours retourner renvoyer rendre");
    gloss("refund", "reembolso reembolsar remboursement rembourser remboursez remboursé");
    gloss("change", "cambiar cambie cambien modificar changer modifier modifiez");
    gloss("exchange", "cambio échanger echanger échange");
    gloss("cancel", "cancelar cancela cancelen cancele anular annuler annulez annulation");
    gloss("buy", "comprar compra compré acheter achète achat");
    gloss("password", "contraseña contrasena passe");
    gloss("account", "cuenta compte");
    gloss("email", "correo courriel e-mail");
    gloss("login", "sesión sesion connecter connexion");
    gloss("warranty", "garantía garantia garantie");
    gloss("tent", "tienda tiendas tente tentes");
    gloss("jacket", "chaqueta veste");
    gloss("boots", "botas bottes");
    gloss("shoes", "zapatos zapatillas chaussures");
    gloss("sleeping bag", "couchage");
    gloss("backpack", "mochila");
    gloss("headlamp", "linterna frontal frontale lampe");
    gloss("socks", "calcetines chaussettes");
    gloss("size", "talla taille");
    gloss("price how much", "precio cuesta cuánto cuanto prix coûte coute combien");
    gloss("waterproof", "impermeable étanche etanche");
    gloss("weigh weight", "pesa peso pèse pese poids");
    gloss("where", "dónde donde où");
    gloss("when", "cuándo cuando quand");
    gloss("arrive", "llega llegar llegó llego llegado arrive arrivé arrivée recevoir");
    gloss("package", "paquete colis");
    gloss("tracking", "seguimiento suivi");
    gloss("person", "persona personne quelqu'un alguien");
    gloss("human", "humano humain");
    gloss("agent", "agente conseiller");
    gloss("talk", "hablar parler");
    gloss("hello", "hola bonjour salut buenos buenas bonsoir");
    gloss("thanks", "gracias merci");
    gloss("bye", "adiós adios revoir");
    gloss("broken damaged", "roto rota rotos dañado dañada danado cassé cassée casse endommagé abîmé déchirée");
    gloss("late", "tarde retard");
    gloss("angry annoyed", "molesto enojado enfadado furioso furieux fâché");
    gloss("disappointed", "decepcionado déçu decu mécontent");
    gloss("unacceptable", "inaceptable inadmissible inacceptable");
    gloss("pay payment", "pago pagar paiement payer");
    gloss("card", "tarjeta carte");
    gloss("gift", "regalo cadeau");
    gloss("discount", "descuento réduction reduction remise");
    gloss("free", "gratis gratuito gratuita gratuit gratuite");
    gloss("days", "días dias jours");
    gloss("how long", "duración duracion durée duree plazo délai delai tarda tardan");
    gloss("policy", "política politica politique");
    gloss("hours", "horario horarios horaires");
    gloss("phone", "teléfono telefono téléphone");
    gloss("address", "dirección direccion adresse");
    gloss("fees", "frais tarifa comisión");
    gloss("duties", "aduana douane douanes");
    gloss("joke", "chiste blague");
    gloss("weather", "clima météo");
    gloss("homework", "tarea tareas devoirs");
    gloss("help", "ayuda ayudar aide aider");
    gloss("delete", "borrar eliminar supprimer supprimez effacer");
    gloss("data", "datos données");
    gloss("unsubscribe", "désabonner darme baja");
    gloss("member", "miembro miembros membre membres");
    gloss("want", "quiero quisiera veux voudrais souhaite");
    gloss("my", "mi mis mon ma mes");
    gloss("can", "puedo puede pueden puis pouvez peux");
  }

  private Glossary() {
  }

  private static void gloss(String english, String foreign) {
    List<String> meaning = List.of(english.split(" "));
    for (String word : foreign.split(" ")) {
      GLOSSES.put(word, meaning);
    }
  }

  /** Whether a lower-case message reads as Spanish or French: an inverted question mark, or two common words. */
  static boolean looksForeign(String lower) {
    if (lower.indexOf('\u00bf') >= 0 || lower.indexOf('\u00f1') >= 0 || lower.indexOf('\u00e7') >= 0) {
      return true;
    }
    int hits = 0;
    for (String word : lower.split("[^\\p{L}'-]+")) {
      if (FUNCTION_WORDS.contains(word)) {
        hits++;
      }
    }
    return hits >= 2;
  }

  /** The English words for a lower-case Spanish or French word; empty when it has none. */
  static List<String> english(String word) {
    List<String> meaning = GLOSSES.get(word);
    int elision = word.lastIndexOf('\'');
    if (meaning == null && elision > 0) {
      meaning = GLOSSES.get(word.substring(elision + 1));
    }
    if (meaning == null && word.length() > 3 && (word.endsWith("s") || word.endsWith("x"))) {
      meaning = GLOSSES.get(word.substring(0, word.length() - 1));
    }
    return meaning == null ? List.of() : meaning;
  }
}
