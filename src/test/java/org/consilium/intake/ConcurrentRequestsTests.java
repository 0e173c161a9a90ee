package org.consilium.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.identity.TestAccounts;
import org.consilium.shared.Actor;
import org.consilium.shared.Role;

/**
 * The same request sent several times at once (a double click, a retrying client) gives one result and never a 5xx
 * (issue #11, failure 11: two drafts with one request token met the unique key and answered 500).
 */
@ConsiliumIntegrationTest
class ConcurrentRequestsTests {

	private static final int PARALLEL = 8;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	CaseQueries queries;

	@Autowired
	JdbcClient jdbc;

	/** Sends {@code request} from {@value #PARALLEL} threads released at the same moment. */
	private List<MvcResult> inParallel(RequestBuilder request) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(PARALLEL);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<MvcResult>> sent = new ArrayList<>();
			for (int i = 0; i < PARALLEL; i++) {
				Callable<MvcResult> send = () -> {
					start.await();
					return mvc.perform(request).andReturn();
				};
				sent.add(threads.submit(send));
			}
			start.countDown();
			List<MvcResult> results = new ArrayList<>();
			for (Future<MvcResult> f : sent) {
				results.add(f.get());
			}
			return results;
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void identicalDraftsSentAtOnceCreateOneCase() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		String body = "{\"requestToken\":\"" + UUID.randomUUID() + "\",\"content\":{\"reason\":\"Second look\"}}";
		List<MvcResult> results = inParallel(post("/api/cases").contentType(MediaType.APPLICATION_JSON).content(body)
			.with(csrf()).with(authentication(TestAccounts.authentication(patient))));
		assertThat(results).allSatisfy(r -> assertThat(r.getResponse().getStatus()).isBetween(200, 299));
		assertThat(queries.myCases(patient)).hasSize(1);
		String id = queries.myCases(patient).get(0).id().toString();
		assertThat(results).allSatisfy(r -> assertThat(r.getResponse().getContentAsString()).contains(id));
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE case_id = ? AND action = 'case.create'")
			.param(UUID.fromString(id)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void identicalSubmissionsSentAtOnceSubmitOnce() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		MvcResult created = mvc.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON)
			.content("{\"content\":{\"reason\":\"Second look\",\"firstDiagnosisText\":\"d\",\"questions\":[\"q?\"],\"consentToShare\":true,"
				+ "\"patient\":{\"familyName\":\"Tester\",\"givenNames\":\"Pat\",\"birthDate\":\"1970-01-01\",\"sex\":\"female\"}}}")
			.with(csrf()).with(authentication(TestAccounts.authentication(patient)))).andReturn();
		assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
		UUID caseId = queries.myCases(patient).get(0).id().value();
		List<MvcResult> results = inParallel(post("/api/cases/{id}/submit", caseId).with(csrf())
			.with(authentication(TestAccounts.authentication(patient))));
		assertThat(results).allSatisfy(r -> assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString())
			.isBetween(200, 299));
		assertThat(queries.myCases(patient)).singleElement().extracting(OpinionRequestView::status).isEqualTo(OpinionRequestStatus.SUBMITTED);
		assertThat(jdbc.sql("SELECT count(*) FROM intake.status_change WHERE opinion_request_id = ? AND to_status = 'SUBMITTED'")
			.param(caseId).query(Long.class).single()).isEqualTo(1);
	}
}
