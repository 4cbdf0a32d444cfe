/**
 * The {@code smtp} server: GreenMail as the local mail sink (SMTP, any recipient, no
 * authentication) and a small read-only HTTP API that lists the mails it received.
 */
package io.fleetgrid.localstack.mail;
