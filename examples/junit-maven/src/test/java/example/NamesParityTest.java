package example;

import dev.parity.junit.ParitySuite;

/** Every case of the suite is a JUnit test: `mvn verify` runs them, `-Dgroups=search` some. */
@ParitySuite("fixtures/names")
class NamesParityTest {}
