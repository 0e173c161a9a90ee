/**
 * Identifiers, the business-day clock and the problem types every module shares; nothing else.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.consilium.shared;
