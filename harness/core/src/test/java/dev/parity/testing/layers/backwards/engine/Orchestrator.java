package dev.parity.testing.layers.backwards.engine;

/** A high class. */
public final class Orchestrator {}
