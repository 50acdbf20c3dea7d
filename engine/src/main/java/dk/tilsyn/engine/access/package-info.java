/**
 * What users actually have, per system: accounts and their entitlement assignments read from access extracts,
 * and change-log events. Values only; readers and correlation build them.
 */
package dk.tilsyn.engine.access;
