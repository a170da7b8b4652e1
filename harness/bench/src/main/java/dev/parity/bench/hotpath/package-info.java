/**
 * JMH benchmarks of Parity's own hot paths (normalizers, diffs, comparison, goldens, reports); run
 * them with {@link dev.parity.bench.hotpath.HotPaths}.
 */
@NullMarked
package dev.parity.bench.hotpath;

import org.jspecify.annotations.NullMarked;
