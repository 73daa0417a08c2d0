package concierge.security;

import java.util.List;

/** The configured client keys; finds the one a caller presents, in time that does not depend on which matched. */
public final class ClientKeys {

  private final List<ClientKey> keys;

  public ClientKeys(List<ClientKey> keys) {
    this.keys = List.copyOf(keys);
  }

  public boolean none() {
    return keys.isEmpty();
  }

  public int size() {
    return keys.size();
  }

  /** The key whose hash matches {@code presented}, or null: every configured hash is compared. */
  public ClientKey find(String presented) {
    if (presented == null || presented.isEmpty()) {
      return null;
    }
    byte[] hash = KeyHash.sha256(presented);
    ClientKey found = null;
    for (ClientKey key : keys) {
      if (KeyHash.matches(hash, key.sha256()) && found == null) {
        found = key;
      }
    }
    return found;
  }
}
