package org.consilium.identity;

import org.consilium.shared.Role;
import org.consilium.shared.UserId;

/** An account as other modules and pages see it; no password material. */
public record UserView(UserId id, String email, String displayName, Role role, String specialtyCode, String preferredLanguage) {
}
