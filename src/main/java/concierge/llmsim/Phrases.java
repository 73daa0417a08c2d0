package concierge.llmsim;

import java.util.List;

/**
 * The text the simulator writes around quoted knowledge. None of it holds a number, so a
 * validator that checks numbers against the knowledge never sees an invented one.
 */
final class Phrases {

  /** Short neutral connectives (under five words each) that pad an answer quoting knowledge. */
  static final List<String> CONNECTIVES = List.of(
      "Happy to help.", "Good question.", "Let me explain.", "In short.", "To be clear.", "Also worth noting.",
      "Just so you know.", "Thanks for asking.", "I hope this helps.", "Please let us know.", "One more thing.",
      "That covers it.", "We are here.", "Anything else?");

  /** Plausible customer-service sentences for a prompt that carries no knowledge. */
  static final List<String> NEUTRAL = List.of(
      "Thank you for reaching out to us.",
      "I understand how important this is for you.",
      "I am happy to help you with your question.",
      "Our customer service team is here to help.",
      "Please let me know if there is anything else I can do.",
      "I have looked into this for you.",
      "We appreciate your patience while we sort this out.",
      "You can reply to this message at any time.",
      "We want to make sure everything goes smoothly for you.",
      "If anything is unclear, just ask and I will explain.",
      "I hope this answers your question.",
      "Thanks again for shopping with us.");

  private Phrases() {
  }
}
