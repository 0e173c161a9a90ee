package org.consilium.records.vault;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import org.consilium.ConsiliumApplication;
import org.consilium.TestDocuments;
import org.consilium.identity.TestAccounts;
import org.consilium.intake.DraftContent;
import org.consilium.intake.IntakeManagement;
import org.consilium.intake.Urgency;
import org.consilium.records.RecordsManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.Role;

/**
 * The first process of {@link UploadCrashTests}: starts the application with the given arguments, creates a patient and
 * a case, writes the case's id to the file named by the system property {@code crash-test.case-file}, and uploads a
 * document; with {@code consilium.documents.crash-test-pause-marker} set the upload stops between its bytes and its row,
 * where the test kills the process.
 */
public final class CrashingUpload {

	private CrashingUpload() {
	}

	public static void main(String[] args) throws Exception {
		ConfigurableApplicationContext context = SpringApplication.run(ConsiliumApplication.class, args);
		Actor patient = context.getBean(TestAccounts.class).create(Role.PATIENT);
		UUID caseId = context.getBean(IntakeManagement.class).createDraft(patient, null, UUID.randomUUID(),
				new DraftContent("r", "d", null, "", "", "", "", null, "", List.of("q?"), Urgency.ROUTINE, true,
						org.consilium.intake.PatientDetails.none())).id().value();
		Files.writeString(Path.of(System.getProperty("crash-test.case-file")), caseId.toString());
		context.getBean(RecordsManagement.class).uploadDocument(patient, new CaseId(caseId), "scan.pdf", new ByteArrayInputStream(TestDocuments.pdf()));
	}
}
