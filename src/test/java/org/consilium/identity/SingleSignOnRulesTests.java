package org.consilium.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

import org.consilium.shared.Actor;
import org.consilium.shared.Role;
import org.consilium.shared.UserId;

/** The rules of single sign-on that need no provider: role mapping, required acr/amr, local staff sign-in, failure codes. */
class SingleSignOnRulesTests {

	private static final Map<String, Role> MAPPING = Map.of("consilium-coordinator", Role.COORDINATOR, "consilium-specialist",
			Role.SPECIALIST, "consilium-admin", Role.ADMIN, "patients", Role.PATIENT);

	@Test
	void theMostPrivilegedMappedRoleWinsAndUnmappedValuesGrantNothing() {
		ProviderRoles roles = new ProviderRoles("roles", MAPPING);
		assertThat(roles.roleIn(Map.of("roles", List.of("cafeteria", "consilium-specialist", "consilium-coordinator")))).contains(Role.COORDINATOR);
		assertThat(roles.roleIn(Map.of("roles", List.of("cafeteria")))).isEmpty();
		assertThat(roles.roleIn(Map.of("roles", "consilium-specialist"))).contains(Role.SPECIALIST);
		assertThat(roles.roleIn(Map.of())).isEmpty();
	}

	@Test
	void aNestedClaimIsFoundByItsDottedPath() {
		ProviderRoles keycloakDefault = new ProviderRoles("realm_access.roles", MAPPING);
		assertThat(keycloakDefault.roleIn(Map.of("realm_access", Map.of("roles", List.of("consilium-admin"))))).contains(Role.ADMIN);
		assertThat(keycloakDefault.roleIn(Map.of("realm_access", "consilium-admin"))).isEmpty();
	}

	@Test
	void singleSignOnNeverGrantsThePatientRole() {
		assertThat(new ProviderRoles("groups", MAPPING).roleIn(Map.of("groups", List.of("patients")))).isEmpty();
	}

	@Test
	void withoutARoleClaimTheProviderDecidesNoRole() {
		ProviderRoles none = new ProviderRoles(" ", MAPPING);
		assertThat(none.decides()).isFalse();
		assertThat(none.roleIn(Map.of("roles", List.of("consilium-admin")))).isEmpty();
	}

	@Test
	void aRequiredAcrOrAmrMustBeInTheIdToken() {
		OidcIdToken mfa = token(Map.of("acr", "gold", "amr", List.of("pwd", "otp")));
		OidcIdToken password = token(Map.of("acr", "1", "amr", List.of("pwd")));
		assertThat(SingleSignOnSignIn.strongEnough(password, List.of(), List.of())).isTrue();
		assertThat(SingleSignOnSignIn.strongEnough(mfa, List.of("gold"), List.of())).isTrue();
		assertThat(SingleSignOnSignIn.strongEnough(password, List.of("gold"), List.of())).isFalse();
		assertThat(SingleSignOnSignIn.strongEnough(mfa, List.of(), List.of("otp", "hwk"))).isTrue();
		assertThat(SingleSignOnSignIn.strongEnough(password, List.of(), List.of("otp", "hwk"))).isFalse();
		assertThat(SingleSignOnSignIn.strongEnough(token(Map.of()), List.of(), List.of("mfa"))).isFalse();
	}

	@Test
	void withLocalStaffSignInOffOnlyPatientsAndTheBreakGlassAdministratorUseAPassword() {
		LocalStaffSignIn off = new LocalStaffSignIn(settings(false, " Break.Glass@Hospital.org "), "admin@consilium.local");
		assertThat(off.allows("break.glass@hospital.org", Role.ADMIN)).isTrue();
		assertThat(off.allows("patient@example.org", Role.PATIENT)).isTrue();
		assertThat(off.allows("admin@consilium.local", Role.ADMIN)).isFalse();
		assertThat(off.allows("coordinator@hospital.org", Role.COORDINATOR)).isFalse();
		assertThatThrownBy(() -> off.check(user("coordinator@hospital.org", Role.COORDINATOR))).isInstanceOf(DisabledException.class);
		off.check(user("break.glass@hospital.org", Role.ADMIN));

		LocalStaffSignIn defaultBreakGlass = new LocalStaffSignIn(settings(false, null), "admin@consilium.local");
		assertThat(defaultBreakGlass.allows("admin@consilium.local", Role.ADMIN)).isTrue();

		LocalStaffSignIn on = new LocalStaffSignIn(settings(true, null), "admin@consilium.local");
		assertThat(on.allows("coordinator@hospital.org", Role.COORDINATOR)).isTrue();
	}

	@Test
	void switchingLocalStaffSignInOffWithoutSingleSignOnChangesNothing() {
		SingleSignOnSettings noProvider = new SingleSignOnSettings(null, null, null, "x", List.of("openid"), null, null, false, false, null, null, null);
		assertThat(new LocalStaffSignIn(noProvider, "admin@consilium.local").allows("coordinator@hospital.org", Role.COORDINATOR)).isTrue();
	}

	@Test
	void theFailurePageNamesOnlyKnownReasons() {
		assertThat(SingleSignOnFailure.of("authorization_request_not_found")).isEqualTo(SingleSignOnFailure.STATE);
		assertThat(SingleSignOnFailure.of("invalid_id_token")).isEqualTo(SingleSignOnFailure.TOKEN);
		assertThat(SingleSignOnFailure.of("invalid_nonce")).isEqualTo(SingleSignOnFailure.TOKEN);
		assertThat(SingleSignOnFailure.of(SingleSignOnRefusal.LINK_NOT_TRUSTED)).isEqualTo(SingleSignOnFailure.LINK_NOT_TRUSTED);
		assertThat(SingleSignOnFailure.of("<script>")).isEqualTo(SingleSignOnFailure.OTHER);
		assertThat(SingleSignOnFailure.fromCode("state")).isEqualTo(SingleSignOnFailure.STATE);
		assertThat(SingleSignOnFailure.fromCode("<script>alert(1)</script>")).isEqualTo(SingleSignOnFailure.OTHER);
	}

	@Test
	void theSignOutFormMayEndAtTheProviderAndNowhereElse() {
		assertThat(SingleSignOn.contentSecurityPolicy("https://idp.example.org/realms/hospital"))
			.contains("form-action 'self' https://idp.example.org;").contains("frame-ancestors 'none'");
		assertThat(SingleSignOn.contentSecurityPolicy("http://127.0.0.1:8180/realms/x")).contains("form-action 'self' http://127.0.0.1:8180;");
	}

	@Test
	void aStepUpAsksTheProviderToSignTheUserInAgainAndRemembersWhereToGoOn() {
		Instant now = Instant.parse("2026-12-06T10:00:00Z");
		SingleSignOnStepUp resolver = new SingleSignOnStepUp(id -> registration(), List.of(), java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
		Actor actor = new Actor(new UserId(UUID.randomUUID()), Role.SPECIALIST, "Someone");
		SingleSignOnUser user = new SingleSignOnUser(new org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser(List.of(),
				token(Map.of())), actor);
		org.springframework.security.core.context.SecurityContextHolder.getContext()
			.setAuthentication(new org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken(user, List.of(), "sso"));
		try {
			var plain = new org.springframework.mock.web.MockHttpServletRequest("GET", "/oauth2/authorization/sso");
			plain.setServletPath("/oauth2/authorization/sso");
			assertThat(resolver.resolve(plain).getAdditionalParameters()).doesNotContainKeys("prompt", "max_age");

			var stepUp = new org.springframework.mock.web.MockHttpServletRequest("GET", "/oauth2/authorization/sso");
			stepUp.setServletPath("/oauth2/authorization/sso");
			stepUp.setParameter("step-up", "");
			stepUp.setParameter("continue", "//evil.example/x");
			assertThat(resolver.resolve(stepUp).getAdditionalParameters()).containsEntry("prompt", "login").containsEntry("max_age", "0");
			assertThat(stepUp.getSession().getAttribute(SingleSignOnStepUp.PENDING))
				.isEqualTo(new SingleSignOnStepUp.Pending(actor.id().value(), now, "/"));

			org.springframework.security.core.context.SecurityContextHolder.clearContext();
			var anonymous = new org.springframework.mock.web.MockHttpServletRequest("GET", "/oauth2/authorization/sso");
			anonymous.setServletPath("/oauth2/authorization/sso");
			anonymous.setParameter("step-up", "");
			assertThat(resolver.resolve(anonymous).getAdditionalParameters()).as("only a signed-on user steps up").doesNotContainKeys("prompt");
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.clearContext();
		}
	}

	@Test
	void aStepUpsAnswerMustSayTheUserSignedInAfterItWasAskedFor() {
		Instant asked = Instant.parse("2026-12-06T10:00:00Z");
		var pending = new SingleSignOnStepUp.Pending(UUID.randomUUID(), asked, "/review");
		assertThat(SingleSignOnStepUp.fresh(token(Map.of("auth_time", asked.plusSeconds(5))), pending)).isTrue();
		assertThat(SingleSignOnStepUp.fresh(token(Map.of("auth_time", asked.minusSeconds(30))), pending)).as("within the clock skew").isTrue();
		assertThat(SingleSignOnStepUp.fresh(token(Map.of("auth_time", asked.minusSeconds(120))), pending)).isFalse();
		assertThat(SingleSignOnStepUp.fresh(token(Map.of()), pending)).as("no auth_time").isFalse();
		assertThat(SingleSignOnFailure.of(SingleSignOnRefusal.STEP_UP_NOT_FRESH)).isEqualTo(SingleSignOnFailure.STEP_UP);
	}

	private static org.springframework.security.oauth2.client.registration.ClientRegistration registration() {
		return org.springframework.security.oauth2.client.registration.ClientRegistration.withRegistrationId("sso")
			.clientId("consilium")
			.authorizationGrantType(org.springframework.security.oauth2.core.AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope("openid")
			.authorizationUri("https://idp.example.org/auth")
			.tokenUri("https://idp.example.org/token")
			.build();
	}

	private static SingleSignOnSettings settings(boolean localStaffSignIn, String breakGlass) {
		return new SingleSignOnSettings("https://idp.example.org/realms/h", "consilium", "secret", "Hospital", List.of("openid"), null, null,
				false, localStaffSignIn, breakGlass, null, null);
	}

	private static ConsiliumUser user(String email, Role role) {
		return new ConsiliumUser(new Actor(new UserId(UUID.randomUUID()), role, "Someone"), email, "hash", false);
	}

	private static OidcIdToken token(Map<String, Object> claims) {
		java.util.Map<String, Object> all = new java.util.HashMap<>(claims);
		all.put("sub", "someone");
		return new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(60), all);
	}
}
