package concierge.cache;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * The knowledge-base version answers are kept for, and the versions it replaced. A version never
 * seen before replaces the current one (its answers are dropped); a replaced version is stale:
 * a generation that started before an ingest and ends after it stores nothing.
 */
final class KnowledgeVersions {

  private static final int REMEMBERED = 32;

  private String current;
  private final Deque<String> replaced = new ArrayDeque<>();

  /** True when answers of this version may be looked up or stored; a new version is announced first. */
  boolean usable(String version, Consumer<String> newVersion) {
    if (current == null) {
      current = version;
      return true;
    }
    if (current.equals(version)) {
      return true;
    }
    if (replaced.contains(version)) {
      return false;
    }
    newVersion.accept(version);
    return true;
  }

  void current(String version) {
    if (current != null && !current.equals(version)) {
      replaced.remove(current);
      replaced.addFirst(current);
      while (replaced.size() > REMEMBERED) {
        replaced.removeLast();
      }
    }
    replaced.remove(version);
    current = version;
  }
}
