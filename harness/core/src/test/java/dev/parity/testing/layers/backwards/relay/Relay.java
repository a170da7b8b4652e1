package dev.parity.testing.layers.backwards.relay;

import dev.parity.testing.layers.backwards.engine.Orchestrator;

/** Passes the dependency on: the fixture never names the engine itself. */
public final class Relay {
  final Orchestrator orchestrator = new Orchestrator();
}
