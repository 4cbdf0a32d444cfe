/**
 * E-mail delivery (HTML and plain text, portal link, acknowledge link) and the signed
 * one-time acknowledge tokens with their endpoint.
 */
package io.fleetgrid.notification.email;
