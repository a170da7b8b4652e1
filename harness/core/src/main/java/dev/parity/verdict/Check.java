package dev.parity.verdict;

/**
 * One test of a run that is not a case, for the test reports (JUnit XML, Allure): the performance
 * gate, a group, or the decision itself when nothing else explains it.
 *
 * @param name the test's name ({@code performance}, {@code group search}, {@code decision})
 * @param status pass, fail or error
 * @param message one line saying what happened
 * @param details the full text (reasons, one per line)
 */
public record Check(String name, Status status, String message, String details) {}
