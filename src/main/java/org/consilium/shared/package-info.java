/**
 * The business-day clock, the problem types and the code systems ({@link org.consilium.shared.CodeSystem}) every module
 * shares; nothing else.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.consilium.shared;
