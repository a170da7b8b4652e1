/**
 * Files written all or nothing, used by the goldens, the reports and the benchmarks alike; depends
 * on nothing else of Parity.
 */
@NullMarked
package dev.parity.files;

import org.jspecify.annotations.NullMarked;
