/**
 * Test support shipped in the library's test jar: signed access tokens and a decoder that
 * trusts them.
 */
package io.fleetgrid.security.test;
