package concierge.security;

import java.util.Set;

/**
 * A client key as configured: a name (what logs and limits see, never the key), the key's hash,
 * and the customers it may act for; {@code *} is a trusted front end that signs in its own users
 * and may act for any of them.
 */
public record ClientKey(String name, byte[] sha256, Set<String> customers) {

  public static final String ANY_CUSTOMER = "*";

  /** The caller when no client keys are configured (loopback only): it may act for anyone, as before keys existed. */
  public static final ClientKey OPEN = new ClientKey("open", new byte[0], Set.of(ANY_CUSTOMER));

  public boolean open() {
    return this == OPEN;
  }

  /** Whether a request may act for {@code customerId}; {@code null} is a guest, which any key may be. */
  public boolean allows(String customerId) {
    return customerId == null || customers.contains(ANY_CUSTOMER) || customers.contains(customerId);
  }

  /** The customer a request acts for when it names none: the key's only customer, else a guest. */
  public String defaultCustomer() {
    return customers.size() == 1 && !customers.contains(ANY_CUSTOMER) ? customers.iterator().next() : null;
  }
}
