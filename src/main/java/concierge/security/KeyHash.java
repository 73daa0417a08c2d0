package concierge.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * How keys are kept: only the SHA-256 of a key is configured, and a presented key is hashed and
 * compared in constant time. Keys are long random strings, not passwords, so a plain hash is
 * enough; the configuration never holds a usable key.
 */
public final class KeyHash {

  private static final SecureRandom RANDOM = new SecureRandom();

  private KeyHash() {
  }

  public static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String hex(String key) {
    return HexFormat.of().formatHex(sha256(key));
  }

  /** A configured hash: 64 hex digits, or an {@link IllegalArgumentException} naming the setting. */
  public static byte[] parse(String hex, String setting) {
    String digits = hex == null ? "" : hex.strip().toLowerCase();
    if (!digits.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(setting + " must be the SHA-256 of a key as 64 hex digits (concierge key-hash)");
    }
    return HexFormat.of().parseHex(digits);
  }

  public static boolean matches(byte[] presentedHash, byte[] configuredHash) {
    return MessageDigest.isEqual(presentedHash, configuredHash);
  }

  /** A new key: 32 random bytes, URL-safe base64, prefixed so it is recognisable in a secret store. */
  public static String newKey() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "ck_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
