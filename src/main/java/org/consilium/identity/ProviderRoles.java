package org.consilium.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.consilium.shared.Role;

/**
 * The Consilium role a provider's claims grant ({@code consilium.sso.role-claim} and {@code role-mapping}): the claim
 * (a string or a list of strings, found by a dot-separated path such as Keycloak's {@code realm_access.roles}, Entra
 * ID's {@code roles} or Okta's {@code groups}) is read, each value mapped, and of several roles the most privileged in
 * the order ADMIN, COORDINATOR, SPECIALIST, REFERRING_PHYSICIAN is taken (an account has one role). PATIENT is never
 * granted this way.
 */
final class ProviderRoles {

	private static final List<Role> PRECEDENCE = List.of(Role.ADMIN, Role.COORDINATOR, Role.SPECIALIST, Role.REFERRING_PHYSICIAN);

	private final String claimPath;

	private final Map<String, Role> mapping;

	ProviderRoles(String claimPath, Map<String, Role> mapping) {
		this.claimPath = claimPath == null ? "" : claimPath.strip();
		this.mapping = Map.copyOf(mapping);
	}

	/** Whether the provider decides roles (a claim is configured). */
	boolean decides() {
		return !claimPath.isEmpty();
	}

	/** The role the claims grant; empty when the claim is missing or none of its values maps to a staff role. */
	Optional<Role> roleIn(Map<String, Object> claims) {
		List<String> values = values(claims);
		return PRECEDENCE.stream().filter(role -> values.stream().anyMatch(v -> mapping.get(v) == role)).findFirst();
	}

	private List<String> values(Map<String, Object> claims) {
		if (!decides()) {
			return List.of();
		}
		Object node = claims;
		for (String part : claimPath.split("\\.")) {
			if (!(node instanceof Map<?, ?> map)) {
				return List.of();
			}
			node = map.get(part);
		}
		List<String> values = new ArrayList<>();
		if (node instanceof String single) {
			values.add(single);
		}
		else if (node instanceof Collection<?> many) {
			many.forEach(v -> values.add(String.valueOf(v)));
		}
		return values;
	}
}
