package concierge.cluster;

import com.hazelcast.config.Config;
import concierge.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.RegistrationInfo;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Cluster settings, routing and turn custody")
class ClusterSettingsTest {

  private static JsonObject cluster(JsonObject values) {
    return new JsonObject().put("cluster", values);
  }

  @Test
  @DisplayName("roles are all by default, or gateway, pipeline, or both; anything else is refused")
  void roles() {
    assertThat(Roles.parse("all")).isEqualTo(Roles.ALL);
    assertThat(Roles.parse("")).isEqualTo(Roles.ALL);
    assertThat(Roles.parse("gateway").gateway()).isTrue();
    assertThat(Roles.parse("gateway").pipeline()).isFalse();
    assertThat(Roles.parse(" Pipeline ").pipeline()).isTrue();
    assertThat(Roles.parse("gateway,pipeline")).isEqualTo(Roles.ALL);
    assertThatThrownBy(() -> Roles.parse("chroma")).hasMessageContaining("unknown role 'chroma'");
  }

  @Test
  @DisplayName("Hazelcast joins the listed TCP-IP members only: no multicast, no auto-detection, no phone-home")
  void hazelcastConfig() {
    ClusterConfig settings = ClusterConfig.from(cluster(new JsonObject().put("name", "shop").put("host", "10.0.0.5")
        .put("hazelcast-port", 5710).put("members", "10.0.0.5:5710, 10.0.0.6:5710").put("partition-count", 17)));
    Config config = ClusterJoin.hazelcast(settings);
    assertThat(config.getClusterName()).isEqualTo("shop");
    assertThat(config.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
    assertThat(config.getNetworkConfig().getJoin().getAutoDetectionConfig().isEnabled()).isFalse();
    assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().isEnabled()).isTrue();
    assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().getMembers())
        .containsExactly("10.0.0.5:5710", "10.0.0.6:5710");
    assertThat(config.getNetworkConfig().getPort()).isEqualTo(5710);
    assertThat(config.getNetworkConfig().isPortAutoIncrement()).isFalse();
    assertThat(config.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("10.0.0.5");
    assertThat(config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
    assertThat(config.getProperty("hazelcast.partition.count")).isEqualTo("17");
    assertThat(config.getMultiMapConfigs()).as("Vert.x's own map settings are kept").containsKey("__vertx.subs");
  }

  @Test
  @DisplayName("a sent message goes to this node's consumer when there is one; published addresses reach every node")
  void localFirst() {
    HazelcastClusterManager hazelcast = new HazelcastClusterManager(new Config()) {
      @Override
      public String getNodeId() {
        return "self";
      }
    };
    LocalFirstClusterManager manager = new LocalFirstClusterManager(hazelcast, Set.of("concierge.turns")::contains);
    RegistrationInfo mine = new RegistrationInfo("self", 1, false);
    RegistrationInfo theirs = new RegistrationInfo("other", 2, false);
    RegistrationInfo more = new RegistrationInfo("other", 3, false);
    assertThat(manager.preferLocal("concierge.cache", List.of(theirs, mine, more))).containsExactly(mine);
    assertThat(manager.preferLocal("concierge.chat", List.of(theirs, more))).containsExactly(theirs, more);
    assertThat(manager.preferLocal("concierge.turns", List.of(theirs, mine))).containsExactly(theirs, mine);
  }

  @Test
  @DisplayName("a turn held by a node that leaves fails at once as a retryable 503; others are not touched")
  void custody() {
    TurnCustody custody = new TurnCustody("concierge.custody.g", 10_000);
    Future<Void> onB = custody.watch("t-1");
    Future<Void> onA = custody.watch("t-2");
    custody.taken("t-1", "b");
    custody.taken("t-2", "a");
    assertThat(custody.nodeLeft("b")).isEqualTo(1);
    assertThat(onB.failed()).isTrue();
    assertThat(onB.cause()).isInstanceOf(ReplyException.class);
    assertThat(((ReplyException) onB.cause()).failureCode()).isEqualTo(ErrorCode.UNAVAILABLE.status());
    assertThat(onA.isComplete()).isFalse();
    custody.release("t-2");
    assertThat(custody.size()).isZero();
  }

  @Test
  @DisplayName("a turn no node takes within the accept timeout fails as retryable; a taken one does not")
  void notTaken() {
    TurnCustody custody = new TurnCustody("concierge.custody.g", 1);
    Future<Void> nobody = custody.watch("t-1");
    Future<Void> taken = custody.watch("t-2");
    custody.taken("t-2", "a");
    assertThat(custody.sweep(System.nanoTime() + 5_000_000L)).isEqualTo(1);
    assertThat(nobody.failed()).isTrue();
    assertThat(taken.isComplete()).isFalse();
  }
}
