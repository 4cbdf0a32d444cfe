/**
 * Invitation and password-reset flows: one-time signed tokens, the mails and the pages.
 */
package io.fleetgrid.auth.account;
