package org.consilium.ddx;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The {@link MondoCrosswalk} the differential diagnosis maps submitted diagnoses with, read once in the background
 * after start-up from {@code consilium.mondo.dir} (the folder specialist matching reads too). Until it is loaded, or
 * when the folder is unset or unreadable, {@link #crosswalk()} is empty and {@link #problem()} says why; a submitted
 * OMIM or ORPHA code still maps to itself then, other codes are "not rankable".
 */
@Component
public class MondoRelease {

	private static final Logger log = LoggerFactory.getLogger(MondoRelease.class);

	private final String dir;

	private final CompletableFuture<MondoCrosswalk> loaded = new CompletableFuture<>();

	private volatile String problem;

	/** @param dir kept as text: a web application context resolves a {@code Path} property as a servlet resource */
	MondoRelease(@Value("${consilium.mondo.dir:}") String dir) {
		this.dir = dir == null || dir.isBlank() ? null : dir.strip();
		if (this.dir == null) {
			problem = "No Mondo crosswalk is configured (consilium.mondo.dir), so only OMIM and ORPHA codes can be ranked.";
			loaded.complete(null);
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadInBackground() {
		if (loaded.isDone()) {
			return;
		}
		Thread thread = new Thread(this::load, "mondo-ddx-load");
		thread.setDaemon(true);
		thread.setPriority(Thread.MIN_PRIORITY);
		thread.start();
	}

	private void load() {
		try {
			long start = System.nanoTime();
			MondoCrosswalk crosswalk = MondoCrosswalk.load(Path.of(dir));
			log.info("Mondo crosswalk for the differential diagnosis loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
			loaded.complete(crosswalk);
		}
		catch (RuntimeException ex) {
			problem = "The Mondo crosswalk could not be read, so only OMIM and ORPHA codes can be ranked.";
			log.warn("Mondo crosswalk in {} could not be read: {}", dir, ex.getMessage());
			loaded.complete(null);
		}
	}

	/** The crosswalk once loaded; empty while loading, when unset, or when unreadable. */
	public Optional<MondoCrosswalk> crosswalk() {
		return Optional.ofNullable(loaded.getNow(null));
	}

	/** Why there is no crosswalk, in plain words, or null. */
	public String problem() {
		return loaded.isDone() ? problem : "The Mondo crosswalk is still loading.";
	}

	/** The crosswalk, waiting at most {@code timeout} for a load in progress; empty when unset, unreadable or late. */
	public Optional<MondoCrosswalk> awaitCrosswalk(java.time.Duration timeout) {
		awaitLoaded(timeout);
		return crosswalk();
	}

	/** Waits for the load to finish, at most {@code timeout}; for tests. */
	public boolean awaitLoaded(java.time.Duration timeout) {
		try {
			loaded.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
			return true;
		}
		catch (java.util.concurrent.TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (java.util.concurrent.ExecutionException ex) {
			return true;
		}
	}
}
