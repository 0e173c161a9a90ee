package org.consilium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.consilium.identity.TestAccounts;
import org.consilium.intake.TestDrafts;
import org.consilium.intake.IntakeManagement;
import org.consilium.intake.OpinionRequestView;
import org.consilium.intake.Urgency;
import org.consilium.records.DocumentView;
import org.consilium.records.RecordsManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.Role;
import org.consilium.triage.CaseTriage;

/**
 * For every role, every case-scoped request mapping the application registers (read from the handler mapping, not a
 * hand-written list) answers a case the user has no relation to exactly as it answers a case that does not exist: 404
 * with the same body, and the refused access is audited.
 */
@ConsiliumIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessPolicyTests {

	static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

	static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\"[^>]*>|name=\"_csrf\" value=\"[^\"]*\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	TestAccounts accounts;

	@Autowired
	IntakeManagement intake;

	@Autowired
	CaseTriage caseTriage;

	@Autowired
	RecordsManagement records;

	@Autowired
	JdbcClient jdbc;

	UUID caseId;

	UUID documentId;

	@BeforeAll
	void aDraftCaseOfAnotherPatientWithADocument() {
		Actor owner = accounts.create(Role.PATIENT);
		OpinionRequestView c = intake.createDraft(owner, null, UUID.randomUUID(), TestDrafts.content("reason", "diagnosis", null, "", "treatment", "",
				"", null, "", List.of("Question?"), Urgency.ROUTINE, true));
		caseId = c.id().value();
		DocumentView doc = records.uploadDocument(owner, new CaseId(caseId), "report.pdf", new ByteArrayInputStream(TestDocuments.pdf()));
		documentId = doc.id().value();
	}

	@Test
	void everyCaseScopedMappingAnswersAnUnrelatedCaseLikeAMissingOne() throws Exception {
		List<String> checked = new ArrayList<>();
		for (Role role : Role.values()) {
			Actor stranger = accounts.create(role);
			for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
				for (String pattern : mapping.getKey().getPatternValues()) {
					if (!(pattern.startsWith("/cases/{id}") || pattern.startsWith("/api/cases/{id}"))) {
						continue;
					}
					for (RequestMethod method : methods(mapping.getKey())) {
						long deniedBefore = denials(stranger, caseId);
						MvcResult related = call(stranger, method, pattern, mapping.getValue(), caseId, documentId);
						MvcResult missing = call(stranger, method, pattern, mapping.getValue(), UUID.randomUUID(), UUID.randomUUID());
						String what = role + " " + method + " " + pattern;
						assertThat(related.getResponse().getStatus()).as(what).isEqualTo(404);
						assertThat(missing.getResponse().getStatus()).as(what).isEqualTo(404);
						assertThat(normalized(related)).as(what + " must not differ from a missing case").isEqualTo(normalized(missing));
						assertThat(denials(stranger, caseId)).as(what + " is audited as denied").isGreaterThan(deniedBefore);
						checked.add(what);
					}
				}
			}
		}
		assertThat(checked).as("case-scoped mappings found").hasSizeGreaterThan(Role.values().length * 10);
	}

	@Test
	void everyNoticeScopedMappingAnswersAnotherUsersNoticeLikeAMissingOne() throws Exception {
		Actor coordinator = accounts.create(Role.COORDINATOR);
		Actor patient = accounts.create(Role.PATIENT);
		UUID submitted = intake.createDraft(patient, null, UUID.randomUUID(), TestDrafts.content("reason", "diagnosis", null, "", "treatment", "",
				"", null, "", List.of("Question?"), Urgency.ROUTINE, true)).id().value();
		intake.submit(patient, new CaseId(submitted));
		UUID noticeId = jdbc.sql("SELECT id FROM notification.notice WHERE recipient_id = ?").param(coordinator.id().value()).query(UUID.class).single();
		List<String> checked = new ArrayList<>();
		for (Role role : Role.values()) {
			Actor stranger = accounts.create(role);
			for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
				for (String pattern : mapping.getKey().getPatternValues()) {
					if (!pattern.startsWith("/notices/{")) {
						continue;
					}
					for (RequestMethod method : methods(mapping.getKey())) {
						MvcResult theirs = call(stranger, method, pattern, mapping.getValue(), null, noticeId);
						MvcResult missing = call(stranger, method, pattern, mapping.getValue(), null, UUID.randomUUID());
						String what = role + " " + method + " " + pattern;
						assertThat(theirs.getResponse().getStatus()).as(what).isEqualTo(404);
						assertThat(normalized(theirs)).as(what + " must not differ from a missing notice").isEqualTo(normalized(missing));
						checked.add(what);
					}
				}
			}
		}
		assertThat(checked).as("notice-scoped mappings found").isNotEmpty();
		assertThat(jdbc.sql("SELECT read_at IS NULL FROM notification.notice WHERE id = ?").param(noticeId).query(Boolean.class).single()).isTrue();
	}

	@Test
	void panelMembersReachTheCaseAndAnotherSpecialistGetsNotFound() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		Actor coordinator = accounts.create(Role.COORDINATOR);
		Actor chair = accounts.create(Role.SPECIALIST);
		Actor member = accounts.create(Role.SPECIALIST, "2085R0202X");
		Actor other = accounts.create(Role.SPECIALIST, "207ZP0102X");
		Actor outsider = accounts.create(Role.SPECIALIST);
		UUID panelCase = intake.createDraft(patient, null, UUID.randomUUID(), TestDrafts.content("reason", "diagnosis", null, "", "treatment", "",
				"", null, "", List.of("Question?"), Urgency.ROUTINE, true)).id().value();
		intake.submit(patient, new CaseId(panelCase));
		caseTriage.startTriage(coordinator, new CaseId(panelCase));
		caseTriage.assignPanel(coordinator, new CaseId(panelCase), "207RX0202X", Urgency.ROUTINE, chair.id(), List.of(member.id(), other.id()));

		for (String uri : List.of("/cases/" + panelCase, "/api/cases/" + panelCase + "/panel", "/cases/" + panelCase + "/review")) {
			assertThat(get(member, uri)).as("member " + uri).isEqualTo(200);
			assertThat(get(chair, uri)).as("chair " + uri).isEqualTo(200);
			long deniedBefore = denials(outsider, panelCase);
			assertThat(get(outsider, uri)).as("outsider " + uri).isEqualTo(404);
			assertThat(denials(outsider, panelCase)).isGreaterThan(deniedBefore);
		}
	}

	private int get(Actor actor, String uri) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.get(uri).with(authentication(TestAccounts.authentication(actor)))).andReturn().getResponse()
			.getStatus();
	}

	private long denials(Actor actor, UUID caseId) {
		return jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE actor_id = ? AND case_id = ? AND outcome = 'DENIED'")
			.params(actor.id().value(), caseId).query(Long.class).single();
	}

	private static List<RequestMethod> methods(RequestMappingInfo info) {
		var declared = info.getMethodsCondition().getMethods();
		return declared.isEmpty() ? List.of(RequestMethod.GET) : new ArrayList<>(declared);
	}

	private MvcResult call(Actor actor, RequestMethod method, String pattern, HandlerMethod handler, UUID caseId, UUID otherId) throws Exception {
		Matcher m = VARIABLE.matcher(pattern);
		StringBuilder uri = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(uri, m.group(1).equals("id") ? caseId.toString() : otherId.toString());
		}
		m.appendTail(uri);
		List<MockMultipartFile> parts = new ArrayList<>();
		String body = null;
		org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request;
		Map<String, String> params = new java.util.LinkedHashMap<>();
		for (MethodParameter p : handler.getMethodParameters()) {
			RequestParam rp = p.getParameterAnnotation(RequestParam.class);
			if (MultipartFile.class.isAssignableFrom(p.getParameterType())) {
				String name = rp != null && !rp.value().isEmpty() ? rp.value() : p.getParameterName();
				parts.add(new MockMultipartFile(name, "x.pdf", "application/pdf", TestDocuments.pdf()));
			}
			else if (rp != null && rp.required() && rp.defaultValue().equals(org.springframework.web.bind.annotation.ValueConstants.DEFAULT_NONE)) {
				String name = !rp.value().isEmpty() ? rp.value() : !rp.name().isEmpty() ? rp.name() : p.getParameterName();
				params.put(name, sample(p.getParameterType()));
			}
			else if (p.hasParameterAnnotation(RequestBody.class)) {
				body = "{}";
			}
		}
		if (!parts.isEmpty()) {
			MockMultipartHttpServletRequestBuilder multipart = MockMvcRequestBuilders.multipart(HttpMethod.valueOf(method.name()), uri.toString());
			parts.forEach(multipart::file);
			request = multipart;
		}
		else {
			request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method.name()), uri.toString());
		}
		params.forEach(request::param);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return mvc.perform(request.with(csrf()).with(authentication(TestAccounts.authentication(actor)))).andReturn();
	}

	private static String sample(Class<?> type) {
		if (type == UUID.class) return UUID.randomUUID().toString();
		if (type.isEnum()) return ((Enum<?>) type.getEnumConstants()[0]).name();
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) return "1";
		if (type == boolean.class || type == Boolean.class) return "false";
		return "x";
	}

	/** The body without the per-request CSRF token and with the requested ids (echoed in {@code instance}) masked. */
	private static String normalized(MvcResult result) throws Exception {
		String body = CSRF.matcher(result.getResponse().getContentAsString()).replaceAll("");
		return body.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{uuid}");
	}
}
