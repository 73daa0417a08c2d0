package concierge.cluster;

import concierge.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.shareddata.Shareable;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The turns this node's gateway has handed to the cluster, and which node took each. A turn whose
 * node leaves the cluster, or that no node takes within the accept timeout, is lost: its watch
 * fails with a retryable 503 at once instead of the client waiting for the whole turn timeout.
 * Shared by every gateway instance of the node.
 */
public final class TurnCustody implements Shareable {

  public static final String LOST_MESSAGE = "the node answering this turn left the cluster; please retry";
  static final String NOT_TAKEN_MESSAGE = "no node took this turn in time; please retry";

  private record Held(Promise<Void> lost, long sentNanos, String node) {
    Held takenBy(String nodeId) {
      return new Held(lost, sentNanos, nodeId);
    }
  }

  private final String address;
  private final long acceptTimeoutNanos;
  private final Map<String, Held> turns = new ConcurrentHashMap<>();

  public TurnCustody(String address, long acceptTimeoutMs) {
    this.address = address;
    this.acceptTimeoutNanos = acceptTimeoutMs * 1_000_000L;
  }

  /** Where pipeline nodes say they took a turn. */
  public String address() {
    return address;
  }

  /** Starts watching a turn; the future fails only if the turn is lost. Call {@link #release} when it ends. */
  public Future<Void> watch(String turnId) {
    Promise<Void> lost = Promise.promise();
    turns.put(turnId, new Held(lost, System.nanoTime(), null));
    return lost.future();
  }

  public void release(String turnId) {
    turns.remove(turnId);
  }

  void taken(String turnId, String nodeId) {
    turns.computeIfPresent(turnId, (id, held) -> held.takenBy(nodeId));
  }

  /** Fails every turn held by that node; returns how many. */
  int nodeLeft(String nodeId) {
    int[] lost = {0};
    turns.forEach((turnId, held) -> {
      if (nodeId.equals(held.node()) && turns.remove(turnId, held)) {
        held.lost().tryFail(ErrorCode.UNAVAILABLE.exception(LOST_MESSAGE));
        lost[0]++;
      }
    });
    return lost[0];
  }

  /** Fails the turns no node took within the accept timeout; returns how many. */
  int sweep(long nowNanos) {
    int[] lost = {0};
    turns.forEach((turnId, held) -> {
      if (held.node() == null && nowNanos - held.sentNanos() > acceptTimeoutNanos && turns.remove(turnId, held)) {
        held.lost().tryFail(ErrorCode.UNAVAILABLE.exception(NOT_TAKEN_MESSAGE));
        lost[0]++;
      }
    });
    return lost[0];
  }

  int size() {
    return turns.size();
  }
}
