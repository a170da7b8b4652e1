package dev.parity.verdict;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.OptionalLong;

/**
 * The times of one side on one benchmark case.
 *
 * @param medianMs median wall time of one run
 * @param p25Ms first quartile (the spread is {@code p25Ms..p75Ms})
 * @param p75Ms third quartile
 * @param samples timed runs
 * @param peakMemoryKb peak resident set size of one run, where the platform can measure it (left
 *     out of the JSON where it cannot)
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record SideTiming(
    double medianMs, double p25Ms, double p75Ms, int samples, OptionalLong peakMemoryKb) {}
