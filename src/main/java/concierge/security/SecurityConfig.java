package concierge.security;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The security.* settings: the admin key's hash, the client keys with the customers each may act
 * for, and the browser origins allowed to call the API (CORS). Client keys and origins may be a
 * YAML list or, from an environment variable, one string:
 * {@code CONCIERGE_SECURITY_CLIENT_KEYS="web:<sha256>:*,maya:<sha256>:c-1001|c-1002"}.
 */
public record SecurityConfig(byte[] adminKeySha256, ClientKeys clientKeys, List<String> corsOrigins) {

  private static final Pattern CUSTOMER = Pattern.compile("\\*|[A-Za-z0-9._-]{1,64}");

  public static SecurityConfig from(JsonObject root) {
    JsonObject c = root.getJsonObject("security", new JsonObject());
    String admin = c.getString("admin-key-sha256", "");
    return new SecurityConfig(admin == null || admin.isBlank() ? null : KeyHash.parse(admin, "security.admin-key-sha256"),
        new ClientKeys(clientKeys(c.getValue("client-keys"))), origins(c.getValue("cors-origins")));
  }

  /** Refuses to listen on anything but loopback without client keys: the API would be open to the network. */
  public void checkExposure(String host) {
    if (!isLoopback(host) && clientKeys.none()) {
      throw new UnsafeExposureException("refusing to listen on " + host + " with no client keys: anyone who can "
          + "reach it could act for any customer. Configure security.client-keys (hash a key with "
          + "'concierge key-hash --new'), or set http.host to 127.0.0.1.");
    }
  }

  /** Loopback literals and localhost, without a name lookup; any other name counts as reachable from outside. */
  public static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.strip().toLowerCase();
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
        || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }

  private static List<ClientKey> clientKeys(Object value) {
    List<ClientKey> keys = new ArrayList<>();
    if (value instanceof JsonArray list) {
      for (int i = 0; i < list.size(); i++) {
        Object entry = list.getValue(i);
        if (!(entry instanceof JsonObject key)) {
          throw new IllegalArgumentException("security.client-keys[" + i + "] must have name, sha256 and customers");
        }
        keys.add(key(key.getString("name", "key-" + (i + 1)), key.getString("sha256"), customers(key.getValue("customers"), i)));
      }
    } else if (value instanceof String text && !text.isBlank()) {
      for (String entry : text.split(",")) {
        String[] parts = entry.strip().split(":");
        if (parts.length != 3) {
          throw new IllegalArgumentException("security.client-keys entries are name:sha256:customer|customer|...");
        }
        keys.add(key(parts[0], parts[1], customers(List.of(parts[2].split("\\|")), keys.size())));
      }
    }
    return keys;
  }

  private static ClientKey key(String name, String sha256, Set<String> customers) {
    return new ClientKey(name, KeyHash.parse(sha256, "security.client-keys '" + name + "' sha256"), customers);
  }

  private static Set<String> customers(Object value, int index) {
    List<?> list = value instanceof JsonArray array ? array.getList() : value instanceof List<?> l ? l
        : value instanceof String text ? List.of(text.split("[,|]")) : List.of();
    Set<String> customers = new LinkedHashSet<>();
    for (Object customer : list) {
      String id = String.valueOf(customer).strip();
      if (!CUSTOMER.matcher(id).matches()) {
        throw new IllegalArgumentException("security.client-keys[" + index + "] has a bad customer id '" + id + "'");
      }
      customers.add(id);
    }
    if (customers.isEmpty()) {
      throw new IllegalArgumentException("security.client-keys[" + index + "] lists no customers ('*' for a front end)");
    }
    return Set.copyOf(customers);
  }

  private static List<String> origins(Object value) {
    List<?> list = value instanceof JsonArray array ? array.getList()
        : value instanceof String text && !text.isBlank() ? List.of(text.split(",")) : List.of();
    return list.stream().map(o -> String.valueOf(o).strip()).filter(o -> !o.isEmpty()).toList();
  }
}
