/**
 * JMH benchmarks of Parity's own hot paths (normalizers, diffs, comparison, goldens, reports); run
 * them with {@link dev.parity.bench.hotpath.HotPaths}.
 */
package dev.parity.bench.hotpath;
