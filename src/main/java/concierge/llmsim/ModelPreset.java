package concierge.llmsim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How fast one model answers, from the latency model (shared/docs/llm-latency-model.md): time to
 * first token is lognormal around {@code ttftMedianMs} with {@code ttftSigma} (of the log), and
 * the decode rate is drawn per request, uniform between the two bounds.
 */
public record ModelPreset(String name, double ttftMedianMs, double ttftSigma, double decodeMinPerSecond,
                          double decodeMaxPerSecond) {

  /** The model whose timing unknown model names get. */
  public static final String FALLBACK = "gpt-4o-mini";

  private static final Map<String, ModelPreset> PRESETS = table(
      new ModelPreset("gpt-3.5-turbo", 450, 0.35, 35, 110),
      new ModelPreset("gpt-4", 600, 0.40, 10, 24),
      new ModelPreset("gpt-4-turbo", 900, 0.40, 20, 40),
      new ModelPreset("gpt-4o", 450, 0.45, 30, 135),
      new ModelPreset("gpt-4o-mini", 600, 0.35, 28, 105));

  public static ModelPreset of(String model) {
    return PRESETS.getOrDefault(model, PRESETS.get(FALLBACK));
  }

  public static List<String> names() {
    return List.copyOf(PRESETS.keySet());
  }

  private static Map<String, ModelPreset> table(ModelPreset... presets) {
    Map<String, ModelPreset> byName = new LinkedHashMap<>();
    for (ModelPreset preset : presets) {
      byName.put(preset.name(), preset);
    }
    return byName;
  }
}
