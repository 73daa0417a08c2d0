package concierge.cache;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a question says in the ways sentence embeddings blur: the entities it names, how many
 * negations it has, the comparison, customer-group, topic and aspect words it uses, and whether
 * it can be answered at all without the conversation ({@code contextDependent}), names something
 * personal ({@code personal}: an order number, an email address), or asks two things at once
 * ({@code compound}: "what is it made of, and how much is it?").
 */
public record Meaning(Map<Family, Set<String>> features, int negations, boolean contextDependent, boolean personal,
                      boolean compound) {

  /** The kinds of feature; each is compared by its own rule in {@link MeaningGuard}. */
  public enum Family { ENTITY, NEGATION, COMPARISON, GROUP, TOPIC, KIND, ASPECT }

  public Set<String> get(Family family) {
    return features.getOrDefault(family, Set.of());
  }

  /** A readable form for evaluation reports: {@code entity=[zone:canada] negation=1}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    features.forEach((family, values) -> {
      if (family != Family.NEGATION && !values.isEmpty()) {
        out.append(family.name().toLowerCase()).append('=').append(values).append(' ');
      }
    });
    if (negations > 0) {
      out.append("negation=").append(negations).append(' ');
    }
    if (contextDependent) {
      out.append("context ");
    }
    if (personal) {
      out.append("personal ");
    }
    if (compound) {
      out.append("compound ");
    }
    return out.toString().strip();
  }

  static final class Builder {
    private final Map<Family, Set<String>> features = new EnumMap<>(Family.class);
    private int negations;

    void add(Family family, String value) {
      if (family == Family.NEGATION) {
        negations++;
      }
      features.computeIfAbsent(family, f -> new TreeSet<>()).add(value);
    }

    void remove(Family family, String value) {
      Set<String> values = features.get(family);
      if (values != null) {
        values.remove(value);
      }
    }

    Set<String> get(Family family) {
      return features.getOrDefault(family, Set.of());
    }

    void set(Family family, Set<String> values) {
      features.put(family, new TreeSet<>(values));
    }

    int negations() {
      return negations;
    }

    Meaning build(boolean contextDependent, boolean personal, boolean compound) {
      Map<Family, Set<String>> frozen = new EnumMap<>(Family.class);
      features.forEach((family, values) -> frozen.put(family, Collections.unmodifiableSet(values)));
      return new Meaning(Collections.unmodifiableMap(frozen), negations, contextDependent, personal, compound);
    }
  }
}
