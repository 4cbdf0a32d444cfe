/**
 * The local stack: real infrastructure servers started without Docker, and the launcher
 * that starts the whole suite.
 */
package io.fleetgrid.localstack;
