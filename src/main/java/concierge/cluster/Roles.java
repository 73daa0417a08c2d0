package concierge.cluster;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a node runs. {@code gateway}: the HTTP front door only, every turn goes over the bus to a
 * pipeline node. {@code pipeline}: everything a turn needs (intent, retrieval, tone, generation,
 * validation, cache, conversation memory, orders, the knowledge base and this node's Chroma
 * client), no HTTP. {@code all} (the default): both, and a node then answers its own turns.
 */
public record Roles(Set<Role> set) {

  public enum Role { GATEWAY, PIPELINE }

  public static final Roles ALL = new Roles(EnumSet.allOf(Role.class));

  /** "all", "gateway", "pipeline", "gateway,pipeline" (case and spaces ignored). */
  public static Roles parse(String text) {
    if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("all")) {
      return ALL;
    }
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    for (String part : text.split(",")) {
      String name = part.trim().toUpperCase(Locale.ROOT);
      if (name.equals("ALL")) {
        return ALL;
      }
      try {
        roles.add(Role.valueOf(name));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown role '" + part.trim() + "': use all, gateway or pipeline");
      }
    }
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("no role given: use all, gateway or pipeline");
    }
    return new Roles(roles);
  }

  public boolean gateway() {
    return set.contains(Role.GATEWAY);
  }

  public boolean pipeline() {
    return set.contains(Role.PIPELINE);
  }

  @Override
  public String toString() {
    return set.size() == Role.values().length ? "all"
        : String.join(",", set.stream().map(r -> r.name().toLowerCase(Locale.ROOT)).toList());
  }
}
