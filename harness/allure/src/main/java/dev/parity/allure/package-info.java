/** Allure results for a verdict: one Allure test per case, written with allure-java-commons. */
package dev.parity.allure;
