/**
 * The business-day clock, the problem types with the one way pages and the API answer them
 * ({@link org.consilium.shared.PageProblems}, {@code ProblemResponses}) and the code systems
 * ({@link org.consilium.shared.CodeSystem}) every module shares, and {@link org.consilium.shared.ProgramKeys} (keys derived
 * from the program's master key, which {@code records.vault} loads); nothing else.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.consilium.shared;
