package dev.parity.testing.layers.forwards.engine;

import dev.parity.testing.layers.forwards.relay.Relay;

/** A high class that reaches the fixture through a class of a package nobody placed. */
public final class Orchestrator {
  final Relay relay = new Relay();
}
