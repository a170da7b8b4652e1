/** Allure results for a verdict: one Allure test per case, written with allure-java-commons. */
@NullMarked
package dev.parity.allure;

import org.jspecify.annotations.NullMarked;
