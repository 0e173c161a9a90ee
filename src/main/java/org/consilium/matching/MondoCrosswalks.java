package org.consilium.matching;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Holds the {@link MondoCrosswalk} from {@code consilium.mondo.dir}. Loading starts in a background thread once the
 * application is ready (or at the first ranking, whichever comes first), so start-up does not wait for it; a ranking
 * asked for meanwhile waits for the load to finish. Without a configured folder, or when it cannot be read, the
 * crosswalk is {@link MondoCrosswalk#EMPTY} and {@link #status()} says why.
 */
@Component
public class MondoCrosswalks {

	private static final Logger log = LoggerFactory.getLogger(MondoCrosswalks.class);

	private final MondoSettings settings;

	private CompletableFuture<MondoCrosswalk> loading;

	private volatile String problem;

	MondoCrosswalks(MondoSettings settings) {
		this.settings = settings;
	}

	/** What pages show about the crosswalk: whether it is loaded, how many codes it indexes, or why it is not. */
	public record Status(boolean loaded, int codes, String problem) {
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadInBackground() {
		start();
	}

	private synchronized CompletableFuture<MondoCrosswalk> start() {
		if (loading == null) {
			loading = CompletableFuture.supplyAsync(this::read, task -> {
				Thread thread = new Thread(task, "mondo-crosswalk-load");
				thread.setDaemon(true);
				thread.start();
			});
		}
		return loading;
	}

	/** The crosswalk, waiting for a load in progress. */
	public MondoCrosswalk crosswalk() {
		return start().join();
	}

	public Status status() {
		MondoCrosswalk c = crosswalk();
		return new Status(!c.isEmpty(), c.size(), problem);
	}

	private MondoCrosswalk read() {
		java.nio.file.Path dir = settings.path();
		if (dir == null) {
			problem = "No Mondo crosswalk is configured (consilium.mondo.dir).";
			return MondoCrosswalk.EMPTY;
		}
		if (!Files.isDirectory(dir)) {
			problem = "The configured Mondo folder (consilium.mondo.dir) does not exist.";
			log.warn("consilium.mondo.dir {} is not a folder; matching uses exact codes and ICD-10-CM categories only", dir);
			return MondoCrosswalk.EMPTY;
		}
		try {
			long start = System.nanoTime();
			MondoCrosswalk c = MondoCrosswalk.load(dir);
			if (c.isEmpty()) {
				problem = "The configured Mondo folder (consilium.mondo.dir) holds no SSSOM mapping file.";
			}
			log.info("Mondo crosswalk: {} codes from {} in {} ms", c.size(), c.files(), (System.nanoTime() - start) / 1_000_000);
			return c;
		}
		catch (IOException | RuntimeException e) {
			problem = "The Mondo crosswalk could not be read; see the server log.";
			log.warn("Mondo crosswalk in {} could not be read: {}", dir, e.toString());
			return MondoCrosswalk.EMPTY;
		}
	}
}
