/**
 * The specialist directory and specialist matching.
 *
 * <p><b>Directory.</b> A {@link org.consilium.matching.SpecialistProfile} per specialist account: specialties (NUCC
 * taxonomy, as triage uses), diseases and disease groups of expertise as Mondo, OMIM, ORPHA, ICD-10-CM or SNOMED CT
 * codes, languages (BCP 47), institution, licences (ISO 3166-1/-2), weekly capacity and absences. Codes in different
 * systems are the same disease when Mondo's exact-match crosswalks map them to one Mondo id
 * ({@link org.consilium.ddx.MondoCrosswalk}, the one the differential diagnosis uses, loaded in the background from
 * {@code consilium.mondo.dir} by {@link org.consilium.ddx.MondoRelease}); an ICD-10-CM category such as E75 covers its
 * subcodes such as E75.22. Without the crosswalk, matching still works on exact codes and categories.
 *
 * <p><b>What matching weighs, and why</b> ({@code SpecialistRanking}; points add up, ties fall to
 * the lower account id so the order never depends on the order of the directory):
 * <ul>
 * <li><b>Exclusions</b>, shown with the reason and never ranked above an eligible specialist: a conflict of interest
 * (the specialist works at the institution that gave the first opinion, compared case-, accent- and
 * punctuation-insensitively): a second opinion must be independent of the first; no licence for the patient's
 * jurisdiction when it is known (a country-wide licence covers its subdivisions): giving a medical opinion across
 * borders or US state lines generally needs a licence where the patient is; no capacity left (open cases at or above
 * the weekly capacity): an overloaded reviewer misses the deadline; away for the whole time until the review is due;
 * no profile; not practising the specialty chosen at triage.</li>
 * <li><b>Disease expertise</b>, the strongest signal, because the value of a second opinion comes from expertise in
 * the very disease (rare-disease networks such as the ERNs route by disease for this reason): exact code 40, the same
 * disease through Mondo's crosswalk 35, the ICD-10-CM category that covers it (directly or through the crosswalk)
 * 25.</li>
 * <li><b>Specialty</b> chosen at triage: 20 (and required).</li>
 * <li><b>Language</b>: 15 when the specialist writes in the patient's preferred language, since the patient must
 * understand the opinion; not an exclusion, as a plain-language version and interpreters exist.</li>
 * <li><b>Licence</b> covering the patient's jurisdiction: 10.</li>
 * <li><b>Load</b>: up to 10, scaled by the share of weekly capacity still free, to spread work and keep turnaround.</li>
 * <li><b>Absence</b> between today and the review's due date: minus up to 15, scaled by the share of those days away.</li>
 * </ul>
 * The coordinator assigns one of the top five with one click, or
 * overrides with a reason that is stored ({@link org.consilium.matching.AssignmentDecision}) and audited.
 *
 * <p>Schema {@code matching}: {@code specialist_profile} with its lists, {@code assignment_decision}. Publishes no
 * events (the assignment is the case's transition, {@link org.consilium.intake.OpinionRequestStatusChanged}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "audit", "intake", "ddx" })
package org.consilium.matching;
