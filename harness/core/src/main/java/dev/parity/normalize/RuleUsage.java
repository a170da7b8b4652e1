package dev.parity.normalize;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Optional;

/**
 * How often one rule fired over a run; a rule that fired nowhere is stale.
 *
 * @param rule the rule's short description
 * @param location where it is declared, e.g. {@code suite.yaml:14:5}
 * @param reason its documented reason
 * @param ticket its ticket
 * @param fired how many changes it made, over every case and side
 * @param stale it fired nowhere although it was applied
 */
@JsonPropertyOrder({"rule", "location", "reason", "ticket", "fired", "stale"})
public record RuleUsage(
    String rule,
    String location,
    Optional<String> reason,
    Optional<String> ticket,
    long fired,
    boolean stale) {}
