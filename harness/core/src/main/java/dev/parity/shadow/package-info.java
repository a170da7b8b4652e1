/** Shadow traffic: a reverse proxy that serves legacy and compares the candidate off the path. */
package dev.parity.shadow;
