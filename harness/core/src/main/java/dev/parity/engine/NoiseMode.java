package dev.parity.engine;

/** What {@code compare} does with differences between legacy runs (the {@code --noise} option). */
public enum NoiseMode {
  /** Accept, at each token where legacy runs differed, a candidate value of the same shape. */
  DISCOUNT,
  /** Report the noise and discount nothing: the candidate must match the first legacy run. */
  DETECT
}
