package concierge.generation;

import concierge.cost.Usage;

import java.util.List;

/**
 * A finished answer: the validated text, what it cost, and what was degraded on the way; or, when
 * {@code cancelled}, an answer stopped because nobody listened any more, with what it had cost.
 */
public record Generated(String text, String provider, Usage usage, long firstTokenMs, int sentencesRemoved,
                        List<String> degraded, long validationMicros, boolean cancelled) {
}
