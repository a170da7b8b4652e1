package dev.parity.testing.layers.forwards.relay;

import dev.parity.testing.layers.forwards.fixture.Loader;

/** Passes the dependency on, downwards. */
public final class Relay {
  final Loader loader = new Loader();
}
