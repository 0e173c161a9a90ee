package org.consilium.ddx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one {@link MondoCrosswalk} of the application, read once from {@code consilium.mondo.dir}: the differential
 * diagnosis maps submitted diagnoses with it, specialist matching finds the same disease across code systems with it.
 * Loading starts in a background thread once the application is ready, or at the first {@link #awaitCrosswalk} or
 * {@link #awaitLoaded}, whichever comes first, so start-up does not wait for it. Until it is loaded, or when the folder
 * is unset or unreadable, {@link #crosswalk()} is empty and {@link #problem()} and {@link #status()} say why; a
 * submitted OMIM or ORPHA code still maps to itself then, other codes are "not rankable", and matching uses exact codes
 * and ICD-10-CM categories only.
 */
@Component
public class MondoRelease {

	private static final Logger log = LoggerFactory.getLogger(MondoRelease.class);

	private final String dir;

	private final CompletableFuture<MondoCrosswalk> loaded = new CompletableFuture<>();

	private final AtomicBoolean started = new AtomicBoolean();

	/** Why there is no crosswalk once the load is done, in plain words without a final full stop, or null. */
	private volatile String cause;

	/**
	 * What pages show about the crosswalk.
	 *
	 * @param loaded whether the crosswalk is loaded
	 * @param codes the number of distinct codes it indexes ({@link MondoCrosswalk#size()}), 0 when not loaded
	 * @param problem why it is not loaded, in plain words (also "still loading"), or null when it is
	 */
	public record Status(boolean loaded, int codes, String problem) {
	}

	/** @param dir kept as text: a web application context resolves a {@code Path} property as a servlet resource */
	MondoRelease(@Value("${consilium.mondo.dir:}") String dir) {
		this.dir = dir == null || dir.isBlank() ? null : dir.strip();
		if (this.dir == null) {
			cause = "No Mondo crosswalk is configured (consilium.mondo.dir)";
			loaded.complete(null);
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadInBackground() {
		start();
	}

	private void start() {
		if (loaded.isDone() || !started.compareAndSet(false, true)) {
			return;
		}
		Thread thread = new Thread(this::load, "mondo-load");
		thread.setDaemon(true);
		thread.setPriority(Thread.MIN_PRIORITY);
		thread.start();
	}

	private void load() {
		try {
			Path folder = Path.of(dir);
			if (!Files.isDirectory(folder)) {
				cause = "The configured Mondo folder (consilium.mondo.dir) does not exist";
				log.warn("consilium.mondo.dir {} is not a folder; going on without the Mondo crosswalk", folder.toAbsolutePath());
				loaded.complete(null);
				return;
			}
			if (MondoCrosswalk.sources(folder).isEmpty()) {
				cause = "The configured Mondo folder (consilium.mondo.dir) holds no Mondo crosswalk (mondo_exactmatch_*.sssom.tsv[.gz])";
				log.warn("consilium.mondo.dir {} holds no mondo_exactmatch_*.sssom.tsv[.gz]; going on without the Mondo crosswalk", folder.toAbsolutePath());
				loaded.complete(null);
				return;
			}
			long start = System.nanoTime();
			MondoCrosswalk crosswalk = MondoCrosswalk.load(folder);
			log.info("Mondo crosswalk: {} codes from {} in {} ms", crosswalk.size(), crosswalk.files(), (System.nanoTime() - start) / 1_000_000);
			loaded.complete(crosswalk);
		}
		catch (java.io.IOException | RuntimeException ex) {
			cause = "The Mondo crosswalk could not be read (see the server log)";
			log.warn("Mondo crosswalk in {} could not be read: {}", dir, ex.toString());
			loaded.complete(null);
		}
	}

	/** The crosswalk once loaded; empty while loading, when unset, or when unreadable. Does not wait. */
	public Optional<MondoCrosswalk> crosswalk() {
		return Optional.ofNullable(loaded.getNow(null));
	}

	/**
	 * Why there is no crosswalk for the differential diagnosis, in plain words ending in what that means for it ("...,
	 * so only OMIM and ORPHA codes can be ranked."); "The Mondo crosswalk is still loading." while loading; null once
	 * loaded.
	 */
	public String problem() {
		if (!loaded.isDone()) {
			return "The Mondo crosswalk is still loading.";
		}
		String why = cause;
		return why == null ? null : why + ", so only OMIM and ORPHA codes can be ranked.";
	}

	/** Whether the crosswalk is loaded, how many codes it indexes, or why not; does not wait for a load in progress. */
	public Status status() {
		if (!loaded.isDone()) {
			return new Status(false, 0, "The Mondo crosswalk is still loading.");
		}
		MondoCrosswalk crosswalk = loaded.getNow(null);
		String why = cause;
		return crosswalk != null ? new Status(true, crosswalk.size(), null) : new Status(false, 0, why + ".");
	}

	/**
	 * The crosswalk, starting the load if it has not started and waiting at most {@code timeout} for it; empty when unset,
	 * unreadable or late.
	 */
	public Optional<MondoCrosswalk> awaitCrosswalk(java.time.Duration timeout) {
		awaitLoaded(timeout);
		return crosswalk();
	}

	/**
	 * Starts the load if it has not started and waits for it to finish, at most {@code timeout}.
	 *
	 * @return whether the load has finished (with or without a crosswalk)
	 */
	public boolean awaitLoaded(java.time.Duration timeout) {
		start();
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
