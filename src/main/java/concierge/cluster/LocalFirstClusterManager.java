package concierge.cluster;

import io.vertx.core.Completable;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.core.shareddata.Counter;
import io.vertx.core.shareddata.Lock;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.core.spi.cluster.NodeInfo;
import io.vertx.core.spi.cluster.NodeListener;
import io.vertx.core.spi.cluster.RegistrationInfo;
import io.vertx.core.spi.cluster.RegistrationListener;
import io.vertx.core.spi.cluster.RegistrationUpdateEvent;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The Hazelcast cluster manager with one change: a message sent (not published) to an address
 * that has a consumer on this node is handled on this node. Vert.x alone spreads sends round-robin
 * over every node's consumers, so one turn would hop between nodes at every stage, and a node's
 * answer cache would see a lookup on one node and the matching store on another. With this, a
 * node that runs the pipeline answers its own turns end to end, and a gateway-only node spreads
 * its turns over the pipeline nodes (where each turn then stays). Published addresses are left
 * alone: every subscriber on every node gets them.
 */
public final class LocalFirstClusterManager implements ClusterManager {

  private final ClusterManager delegate;
  private final Predicate<String> published;
  private final List<Consumer<String>> departures = new CopyOnWriteArrayList<>();
  private volatile NodeListener vertxListener;

  public LocalFirstClusterManager(ClusterManager delegate, Predicate<String> published) {
    this.delegate = delegate;
    this.published = published;
    // installed now: Vert.x sets its own listener only when high availability is on
    delegate.nodeListener(new NodeListener() {
      @Override
      public void nodeAdded(String nodeId) {
        NodeListener listener = vertxListener;
        if (listener != null) {
          listener.nodeAdded(nodeId);
        }
      }

      @Override
      public void nodeLeft(String nodeId) {
        NodeListener listener = vertxListener;
        if (listener != null) {
          listener.nodeLeft(nodeId);
        }
        departures.forEach(departure -> departure.accept(nodeId));
      }
    });
  }

  /** Called with the id of every node that leaves the cluster (stopped, killed, or cut off). */
  public void onNodeLeft(Consumer<String> listener) {
    departures.add(listener);
  }

  List<RegistrationInfo> preferLocal(String address, List<RegistrationInfo> registrations) {
    if (registrations == null || registrations.size() < 2 || published.test(address)) {
      return registrations;
    }
    String self = delegate.getNodeId();
    List<RegistrationInfo> local = registrations.stream().filter(r -> r.nodeId().equals(self)).toList();
    return local.isEmpty() ? registrations : local;
  }

  @Override
  public void registrationListener(RegistrationListener listener) {
    delegate.registrationListener(new RegistrationListener() {
      @Override
      public void registrationsUpdated(RegistrationUpdateEvent event) {
        listener.registrationsUpdated(new RegistrationUpdateEvent(event.address(),
            preferLocal(event.address(), event.registrations())));
      }

      @Override
      public void registrationsLost() {
        listener.registrationsLost();
      }

      @Override
      public boolean wantsUpdatesFor(String address) {
        return listener.wantsUpdatesFor(address);
      }
    });
  }

  @Override
  public void getRegistrations(String address, Completable<List<RegistrationInfo>> promise) {
    delegate.getRegistrations(address, (list, failure) -> promise.complete(
        failure == null ? preferLocal(address, list) : null, failure));
  }

  @Override
  public void nodeListener(NodeListener listener) {
    vertxListener = listener;
  }

  @Override
  public void init(Vertx vertx) {
    delegate.init(vertx);
  }

  @Override
  public <K, V> void getAsyncMap(String name, Completable<AsyncMap<K, V>> promise) {
    delegate.getAsyncMap(name, promise);
  }

  @Override
  public <K, V> Map<K, V> getSyncMap(String name) {
    return delegate.getSyncMap(name);
  }

  @Override
  public void getLockWithTimeout(String name, long timeout, Completable<Lock> promise) {
    delegate.getLockWithTimeout(name, timeout, promise);
  }

  @Override
  public void getCounter(String name, Completable<Counter> promise) {
    delegate.getCounter(name, promise);
  }

  @Override
  public String getNodeId() {
    return delegate.getNodeId();
  }

  @Override
  public List<String> getNodes() {
    return delegate.getNodes();
  }

  @Override
  public void setNodeInfo(NodeInfo nodeInfo, Completable<Void> promise) {
    delegate.setNodeInfo(nodeInfo, promise);
  }

  @Override
  public NodeInfo getNodeInfo() {
    return delegate.getNodeInfo();
  }

  @Override
  public void getNodeInfo(String nodeId, Completable<NodeInfo> promise) {
    delegate.getNodeInfo(nodeId, promise);
  }

  @Override
  public void join(Completable<Void> promise) {
    delegate.join(promise);
  }

  @Override
  public void leave(Completable<Void> promise) {
    delegate.leave(promise);
  }

  @Override
  public boolean isActive() {
    return delegate.isActive();
  }

  @Override
  public void addRegistration(String address, RegistrationInfo registrationInfo, Completable<Void> promise) {
    delegate.addRegistration(address, registrationInfo, promise);
  }

  @Override
  public void removeRegistration(String address, RegistrationInfo registrationInfo, Completable<Void> promise) {
    delegate.removeRegistration(address, registrationInfo, promise);
  }

  @Override
  public String clusterHost() {
    return delegate.clusterHost();
  }

  @Override
  public String clusterPublicHost() {
    return delegate.clusterPublicHost();
  }
}
