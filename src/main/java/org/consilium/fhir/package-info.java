/**
 * FHIR R4 outside the records import: the signed opinion as a FHIR {@code document} Bundle
 * ({@link org.consilium.fhir.OpinionDocumentBundles}). HAPI FHIR types stay inside this module and
 * {@code records.fhirimport} ({@code ArchitectureTests}); the FHIR API that comes later extends this module.
 *
 * <p>Ships the CodeSystem of the opinion's own codes ({@value org.consilium.fhir.OpinionCodes#SYSTEM}, resource
 * {@code fhir/CodeSystem-consilium-opinion.json}): the concordance and the treatment review. No schema.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit", "intake", "review", "opinion" })
package org.consilium.fhir;
