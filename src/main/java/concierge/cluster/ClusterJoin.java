package concierge.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.TcpIpConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Joins a Vert.x cluster through Hazelcast: TCP-IP members from the configuration (no multicast,
 * no cloud auto-detection, so it works on loopback and in any network), Hazelcast and the event
 * bus bound to the configured host and ports, no phone-home, a small partition table (fast to
 * start, plenty for a handful of maps), logging through SLF4J, and a node removed within
 * {@code max-no-heartbeat-seconds} when it stops answering.
 */
public final class ClusterJoin {

  private static final Pattern IP = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private ClusterJoin() {
  }

  /** A clustered Vert.x and its cluster manager (which reports departed nodes). */
  public record Joined(Vertx vertx, LocalFirstClusterManager clusterManager) {
  }

  public static Future<Joined> join(ClusterConfig cluster, VertxOptions options, VertxMetricsFactory metrics,
                                    Predicate<String> published) {
    return join(cluster, options, metrics, published, false);
  }

  /**
   * A lite member holds no share of the cluster-wide maps: for consumers that come and go (such as
   * {@code tail-turns}), so that their leaving never moves or risks data.
   */
  public static Future<Joined> join(ClusterConfig cluster, VertxOptions options, VertxMetricsFactory metrics,
                                    Predicate<String> published, boolean liteMember) {
    System.setProperty("hazelcast.logging.type", "slf4j");
    Config config = hazelcast(cluster).setLiteMember(liteMember);
    LocalFirstClusterManager manager = new LocalFirstClusterManager(new HazelcastClusterManager(config), published);
    options.getEventBusOptions().setHost(cluster.host()).setPort(cluster.eventBusPort())
        .setClusterPublicHost(cluster.publicHost());
    var builder = Vertx.builder().with(options).withClusterManager(manager);
    if (metrics != null) {
      builder.withMetrics(metrics);
    }
    return builder.buildClustered().map(vertx -> new Joined(vertx, manager));
  }

  static Config hazelcast(ClusterConfig cluster) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(cluster.name());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.partition.count", String.valueOf(cluster.partitionCount()));
    config.setProperty("hazelcast.heartbeat.interval.seconds", String.valueOf(cluster.heartbeatSeconds()));
    config.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(cluster.maxNoHeartbeatSeconds()));
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(cluster.hazelcastPort()).setPortAutoIncrement(false);
    if (!cluster.publicHost().equals(cluster.host())) {
      network.setPublicAddress(cluster.publicHost() + ":" + cluster.hazelcastPort());
    }
    if (IP.matcher(cluster.host()).matches()) {
      network.getInterfaces().setEnabled(true).addInterface(cluster.host());
    }
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    TcpIpConfig tcp = join.getTcpIpConfig().setEnabled(true);
    tcp.getMembers().clear();
    if (cluster.members().isEmpty()) {
      tcp.addMember(cluster.host() + ":" + cluster.hazelcastPort());
    }
    cluster.members().forEach(tcp::addMember);
    return config;
  }
}
