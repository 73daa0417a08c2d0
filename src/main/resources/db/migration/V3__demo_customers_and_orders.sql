-- The demo customers and orders, with times relative to when this migration runs ("load time").
-- now_ms = CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT); a day is 86400000 ms.

INSERT INTO customers (id, name, email, trailhead_member) VALUES
  ('c-1001', 'Maya Chen', 'maya.chen@example.com', TRUE),
  ('c-1002', 'Jordan Lee', 'jordan.lee@example.com', FALSE);

-- AF-100234: shipped by UPS yesterday, expected 3 days after load.
INSERT INTO orders (id, customer_id, status, placed_at, shipped_at, delivered_at, cancelled_at, carrier, tracking,
    expected_at, shipping_method, destination, subtotal_cents, shipping_cents, total_cents, updated_at) VALUES
  ('AF-100234', 'c-1001', 'shipped',
   CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT) - 2 * 86400000,
   CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT) - 86400000, NULL, NULL,
   'UPS', '1Z999AA10123456784',
   CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT) + 3 * 86400000,
   'standard', 'US-OR', 39800, 0, 39800, CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT)),
-- AF-100235: placed 10 minutes before load, not shipped: still cancellable for 50 minutes.
  ('AF-100235', 'c-1001', 'placed',
   CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT) - 600000, NULL, NULL, NULL, NULL, NULL, NULL,
   'standard', 'US-OR', 9000, 0, 9000, CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT)),
-- AF-100236: delivered 12 days before load.
  ('AF-100236', 'c-1001', 'delivered',
   CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT) - 17 * 86400000,
   CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT) - 16 * 86400000,
   CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT) - 12 * 86400000, NULL, NULL, NULL, NULL,
   'standard', 'US-OR', 17900, 0, 17900, CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT)),
-- AF-100237: backordered, ships January 15 (the Ridgeline 4 Tent's backorder date).
  ('AF-100237', 'c-1002', 'backordered',
   CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT) - 5 * 86400000, NULL, NULL, NULL, NULL, NULL, NULL,
   'standard', 'US-CO', 49900, 0, 49900, CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT));

INSERT INTO order_lines (order_id, line_no, sku, name, option_value, quantity, unit_price_cents) VALUES
  ('AF-100234', 1, 'AF-TNT-2P', 'Ridgeline 2 Tent', NULL, 1, 34900),
  ('AF-100234', 2, 'AF-LMP-400', 'Lumen 400 Headlamp', NULL, 1, 4900),
  ('AF-100235', 1, 'AF-SOCK-3', 'Merino Hiker Socks 3-Pack', NULL, 2, 4500),
  ('AF-100236', 1, 'AF-JKT-RAIN', 'Stormline Rain Jacket', 'women''s M', 1, 17900),
  ('AF-100237', 1, 'AF-TNT-4P', 'Ridgeline 4 Tent', NULL, 1, 49900);

INSERT INTO order_audit (order_id, customer_id, action, detail, pending_action_id, created_at) VALUES
  ('AF-100234', 'c-1001', 'seeded', '{"source":"demo data"}', NULL, CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT)),
  ('AF-100235', 'c-1001', 'seeded', '{"source":"demo data"}', NULL, CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT)),
  ('AF-100236', 'c-1001', 'seeded', '{"source":"demo data"}', NULL, CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT)),
  ('AF-100237', 'c-1002', 'seeded', '{"source":"demo data"}', NULL, CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT));
