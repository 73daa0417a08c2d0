package concierge.cluster;

import io.vertx.core.json.JsonObject;

import java.util.Arrays;
import java.util.List;

/**
 * The cluster.* settings: where this node listens (event bus and Hazelcast), which members it
 * joins (TCP-IP, no multicast), and which roles it runs.
 */
public record ClusterConfig(boolean enabled, String name, String host, String publicHost, int eventBusPort,
                            int hazelcastPort, List<String> members, Roles roles, int partitionCount,
                            int heartbeatSeconds, int maxNoHeartbeatSeconds, long acceptTimeoutMs) {

  public static ClusterConfig from(JsonObject root) {
    JsonObject c = root.getJsonObject("cluster", new JsonObject());
    String host = c.getString("host", "127.0.0.1");
    String publicHost = c.getString("public-host", "");
    return new ClusterConfig(
        c.getBoolean("enabled", false),
        c.getString("name", "concierge"),
        host,
        publicHost == null || publicHost.isBlank() ? host : publicHost,
        c.getInteger("event-bus-port", 5801),
        c.getInteger("hazelcast-port", 5701),
        members(c.getString("members", "")),
        Roles.parse(c.getString("roles", "all")),
        c.getInteger("partition-count", 31),
        c.getInteger("heartbeat-seconds", 1),
        c.getInteger("max-no-heartbeat-seconds", 10),
        c.getLong("accept-timeout-ms", 10_000L));
  }

  /** "a:5701, b:5701" → [a:5701, b:5701]; a port range is refused by Hazelcast, so members are listed one by one. */
  static List<String> members(String list) {
    if (list == null || list.isBlank()) {
      return List.of();
    }
    return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
