package org.consilium.demo;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.consilium.audit.AuditAction;
import org.consilium.ddx.HpoRelease;
import org.consilium.identity.IdentityManagement;
import org.consilium.identity.UserView;
import org.consilium.intake.CaseAccess;
import org.consilium.intake.CaseQueries;
import org.consilium.intake.OpinionRequestView;
import org.consilium.phenotype.AddPhenotypicFeature;
import org.consilium.phenotype.PhenotypeManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.Role;

/**
 * Gives the demo's rare-disease case its phenotype once the HPO release has loaded in the background (at any start
 * with {@code consilium.hpo.dir} set, as long as the case has no terms yet): the geneticist records the signs the
 * patient describes and one sign looked for and absent, which computes the case's differential diagnosis.
 */
@Component
@ConditionalOnProperty(name = "consilium.demo", havingValue = "true")
class DemoPhenotype {

	/**
	 * Arachnodactyly, ectopia lentis, aortic root aneurysm and tall stature observed; striae distensae excluded.
	 */
	static final List<AddPhenotypicFeature> SIGNS = List.of(new AddPhenotypicFeature("HP:0001166", false, null, null),
			new AddPhenotypicFeature("HP:0001083", false, "HP:0011463", null), new AddPhenotypicFeature("HP:0002616", false, null, null),
			new AddPhenotypicFeature("HP:0000098", false, null, null), new AddPhenotypicFeature("HP:0001065", true, null, null));

	private static final Logger log = LoggerFactory.getLogger(DemoPhenotype.class);

	private final HpoRelease hpo;

	private final IdentityManagement identity;

	private final CaseAccess access;

	private final CaseQueries queries;

	private final PhenotypeManagement phenotype;

	DemoPhenotype(HpoRelease hpo, IdentityManagement identity, CaseAccess access, CaseQueries queries, PhenotypeManagement phenotype) {
		this.hpo = hpo;
		this.identity = identity;
		this.access = access;
		this.queries = queries;
		this.phenotype = phenotype;
	}

	@EventListener(ApplicationReadyEvent.class)
	void addOnceLoaded() {
		if (hpo.status() == HpoRelease.Status.NOT_CONFIGURED) {
			return;
		}
		Thread thread = new Thread(this::add, "demo-phenotype");
		thread.setDaemon(true);
		thread.start();
	}

	private void add() {
		try {
			if (!hpo.awaitLoaded(Duration.ofMinutes(5)) || hpo.status() != HpoRelease.Status.READY) {
				return;
			}
			UserView geneticist = identity.findByEmail(DemoData.GENETICIST).orElse(null);
			if (geneticist == null) {
				return;
			}
			Actor specialist = new Actor(geneticist.id(), Role.SPECIALIST, geneticist.displayName());
			for (OpinionRequestView c : queries.myCases(specialist)) {
				if (phenotype.phenotype(specialist, c.id()).features().isEmpty() && PhenotypeManagement.mayEdit(specialist, access.requireAccess(specialist, c.id(), AuditAction.PHENOTYPE_UPDATE))) {
					for (AddPhenotypicFeature sign : SIGNS) {
						phenotype.addFeature(specialist, c.id(), sign);
					}
					log.info("Demo: the rare-disease case has its phenotype");
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			log.warn("Demo: the rare-disease case's phenotype could not be added: {}", ex.getClass().getSimpleName());
		}
	}
}
