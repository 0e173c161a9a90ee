/**
 * Demo data for trying Consilium by hand: accounts for every role and one submitted case built from a small synthetic
 * FHIR bundle written for this project. Runs only with {@code consilium.demo=true} (or the {@code demo} profile), once.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "intake", "records", "matching" })
package org.consilium.demo;
