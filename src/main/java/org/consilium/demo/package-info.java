/**
 * Demo data for trying Consilium by hand: accounts for every role, one submitted case built from a small synthetic
 * FHIR bundle written for this project, and a rare-disease case in review whose phenotype is added once the HPO release
 * is loaded. Runs only with {@code consilium.demo=true} (or the {@code demo} profile), once.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "audit", "intake", "records", "matching", "triage", "review", "phenotype", "ddx" })
package org.consilium.demo;
