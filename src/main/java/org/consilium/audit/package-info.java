/**
 * The append-only trail of every read and write of health data, including denials.
 *
 * <p>Schema {@code audit}: {@code audit_event}. The application's database role holds only INSERT and SELECT on
 * it, so no bug in the application can rewrite history (enforced by grants, tested). Entries carry identifiers,
 * never health data. Publishes no events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.consilium.audit;
