/**
 * JUnit 5 support that starts the real local-stack servers once per test JVM.
 */
package io.fleetgrid.testkit;
