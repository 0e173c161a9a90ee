package org.consilium.identity;

import java.util.UUID;

/** An account as other modules and pages see it; no password material. */
public record UserView(UUID id, String email, String displayName, Role role, String specialtyCode, String preferredLanguage) {
}
