package concierge.agent;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Unguessable ids (128 random bits) for conversations and turns. */
public final class Ids {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {
  }

  public static String conversation() {
    return "c-" + random();
  }

  public static String turn() {
    return "t-" + random();
  }

  private static String random() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
