package org.consilium;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.support.events.EventFiringDecorator;
import org.openqa.selenium.support.events.WebDriverListener;

/**
 * The checks every page of a browser journey goes through, once per document and address: axe-core with the WCAG 2.1
 * A and AA rules ({@link #WCAG_21_A_AA}, none disabled) finds no violation; and at 320 CSS px wide (WCAG 2.1 reflow,
 * success criterion 1.4.10) no element's right edge passes the viewport, whether its overflow is hidden or not.
 * Screenshots of each page are kept: the first screenful at 1280 × 800 and the whole page at 320 px wide
 * ({@code <artifacts>/<n>-<page>-1280x800.png}, {@code -320.png}), with the list of pages in {@code pages.txt}. A page
 * with a primary action ({@code [data-primary-action]}) has exactly one, and its bounding box lies inside that first
 * screenful ({@link #primaryActionInFirstScreenful()} also says which it is).
 * <p>
 * A journey drives the browser through {@link #onEveryPage()}: the page in the window is checked before the journey
 * leaves it or acts on it (before a {@code get}, a refresh, a click, a clear, typed keys or keyboard actions), and at the end with
 * {@link #check()}. Findings are collected, so one run lists every page's problems; {@link #assertNone()} fails with
 * them. A page that is not HTML served over HTTP (a PDF in Chromium's viewer, {@code about:blank}) is not checked.
 */
public final class PageChecks {

	/** The axe-core tags of the WCAG 2.0 and 2.1 success criteria of levels A and AA. */
	static final List<String> WCAG_21_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	/** The narrowest width a page must work at without scrolling sideways (WCAG 2.1 reflow). */
	static final int NARROW = 320;

	/**
	 * The outermost elements whose right edge passes the viewport (their own children are not listed again), at most
	 * ten, each with its right edge in CSS px; and whether the document itself scrolls sideways.
	 */
	private static final String PAST_THE_RIGHT_EDGE = """
			var limit = document.documentElement.clientWidth;
			var past = function (e) { var r = e.getBoundingClientRect(); return (r.width > 0 || r.height > 0) && r.right > limit + 0.5; };
			var found = [];
			document.querySelectorAll('body *').forEach(function (e) {
			  if (found.length >= 10 || !past(e) || (e.parentElement && e.parentElement !== document.body && past(e.parentElement))) { return; }
			  var name = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '');
			  found.push(name + ' "' + (e.innerText || '').trim().substring(0, 40).replace(/\s+/g, ' ') + '" ends at ' + Math.round(e.getBoundingClientRect().right) + 'px');
			});
			if (document.documentElement.scrollWidth > limit) { found.push('the page is ' + document.documentElement.scrollWidth + 'px wide'); }
			return found;""";

	/** The first screenful a page's primary action must be inside of (issue #14, "the task first"). */
	static final int SCREEN_WIDTH = 1280;

	static final int SCREEN_HEIGHT = 800;

	/**
	 * From the top of the page: the page's primary actions ({@code [data-primary-action]}), each with its text, whether
	 * its bounding box lies inside the window, and that box in CSS px.
	 */
	private static final String PRIMARY_ACTIONS = """
			window.scrollTo(0, 0);
			var found = [];
			document.querySelectorAll('[data-primary-action]').forEach(function (e) {
			  var r = e.getBoundingClientRect();
			  var name = (e.innerText || e.value || e.getAttribute('aria-label') || e.id || e.tagName).trim().replace(/\s+/g, ' ');
			  var inside = r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
			  found.push({ name: name, inside: inside, box: Math.round(r.left) + ',' + Math.round(r.top) + ' to ' + Math.round(r.right) + ',' + Math.round(r.bottom) });
			});
			return found;""";

	private final ChromeDriver chrome;

	private final Path artifacts;

	private final List<String> problems = new ArrayList<>();

	private final List<String> checked = new ArrayList<>();

	/** Checks the pages of this browser and keeps their screenshots in the folder {@code artifacts} (created). */
	public PageChecks(ChromeDriver chrome, Path artifacts) {
		this.chrome = chrome;
		this.artifacts = artifacts;
		try {
			Files.createDirectories(artifacts);
			Files.deleteIfExists(artifacts.resolve("pages.txt"));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The browser, checking each page before the journey leaves it or acts on it. */
	public WebDriver onEveryPage() {
		return new EventFiringDecorator<WebDriver>(new BeforeEachStep(this)).decorate(chrome);
	}

	/**
	 * Checks the page before each step of a journey. Public, because Selenium calls it by reflection (and logs, rather
	 * than throws, what fails there; {@link #check()} therefore records its own failures as problems).
	 */
	public static final class BeforeEachStep implements WebDriverListener {

		private final PageChecks checks;

		BeforeEachStep(PageChecks checks) {
			this.checks = checks;
		}

		@Override
		public void beforeGet(WebDriver driver, String url) {
			checks.check();
		}

		@Override
		public void beforeRefresh(WebDriver.Navigation navigation) {
			checks.check();
		}

		@Override
		public void beforeClick(WebElement element) {
			checks.check();
		}

		@Override
		public void beforeClear(WebElement element) {
			checks.check();
		}

		@Override
		public void beforeSendKeys(WebElement element, CharSequence... keys) {
			checks.check();
		}

		@Override
		public void beforePerform(WebDriver driver, Collection<Sequence> actions) {
			checks.check();
		}
	}

	/**
	 * Checks the page in the window unless this document was checked at its present address (an htmx swap that pushes
	 * a new address is checked again).
	 */
	public void check() {
		try {
			checkOnce();
		}
		catch (RuntimeException | IOException e) {
			problems.add(page() + ": the checks did not run: " + e);
		}
	}

	private void checkOnce() throws IOException {
		JavascriptExecutor js = chrome;
		Object seen = js.executeScript("""
				if (location.protocol.indexOf('http') !== 0 || document.contentType !== 'text/html' || document.readyState === 'loading') { return true; }
				var checked = window.__consiliumChecked || (window.__consiliumChecked = []);
				if (checked.indexOf(location.href) >= 0) { return true; }
				checked.push(location.href);
				return false;""");
		if (Boolean.TRUE.equals(seen)) {
			return;
		}
		String page = page();
		checked.add(page);
		Results results = new AxeBuilder().withTags(WCAG_21_A_AA).analyze(chrome);
		if (results.isErrored()) {
			problems.add(page + ": axe-core did not run: " + results.getErrorMessage());
		}
		for (Rule rule : results.getViolations()) {
			rule.getNodes().forEach(node -> problems.add(page + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp()
					+ " at " + node.getTarget() + ": " + node.getHtml()));
		}
		String file = String.format("%02d-%s", checked.size(), page.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", ""));
		Files.writeString(artifacts.resolve("pages.txt"), file + " " + page + System.lineSeparator(), StandardCharsets.UTF_8,
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		try {
			viewport(SCREEN_WIDTH, SCREEN_HEIGHT);
			List<Map<String, Object>> primary = primaryActions();
			if (primary.size() > 1) {
				problems.add(page + ": " + primary.size() + " primary actions (data-primary-action), one expected: " + primary);
			}
			primary.stream().filter(a -> !Boolean.TRUE.equals(a.get("inside")))
				.forEach(a -> problems.add(page + ": the primary action \"" + a.get("name") + "\" (" + a.get("box") + ") is not inside the first screenful at "
						+ SCREEN_WIDTH + " × " + SCREEN_HEIGHT));
			Files.write(artifacts.resolve(file + "-1280x800.png"), screenshot(false));
			viewport(NARROW, 800);
			@SuppressWarnings("unchecked")
			List<String> past = (List<String>) chrome.executeScript(PAST_THE_RIGHT_EDGE);
			past.forEach(p -> problems.add(page + ": at " + NARROW + " px wide, " + p));
			Files.write(artifacts.resolve(file + "-" + NARROW + ".png"), screenshot(true));
		}
		finally {
			chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
	}

	/**
	 * The name of the page's one primary action ({@code [data-primary-action]}) when its bounding box lies inside the
	 * first screenful at 1280 × 800 CSS px (measured from the top of the page); fails when the page has none, several,
	 * or one outside it.
	 */
	String primaryActionInFirstScreenful() {
		try {
			viewport(SCREEN_WIDTH, SCREEN_HEIGHT);
			List<Map<String, Object>> primary = primaryActions();
			assertThat(primary).as("the primary actions of %s", page()).hasSize(1);
			assertThat(primary.get(0).get("inside")).as("%s: the primary action %s inside the first screenful at %d × %d", page(), primary.get(0),
					SCREEN_WIDTH, SCREEN_HEIGHT).isEqualTo(Boolean.TRUE);
			return (String) primary.get(0).get("name");
		}
		finally {
			chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> primaryActions() {
		return (List<Map<String, Object>>) chrome.executeScript(PRIMARY_ACTIONS);
	}

	private void viewport(int width, int height) {
		chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
	}

	/** The viewport, or the whole page (through the DevTools protocol, beyond the viewport). */
	private byte[] screenshot(boolean wholePage) {
		Map<String, Object> options = new HashMap<>(Map.of("format", "png"));
		if (wholePage) {
			@SuppressWarnings("unchecked")
			Map<String, Object> size = (Map<String, Object>) chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
			options.put("captureBeyondViewport", true);
			options.put("clip", Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1));
		}
		return Base64.getDecoder().decode((String) chrome.executeCdpCommand("Page.captureScreenshot", options).get("data"));
	}

	/** The pages checked so far, by path with ids replaced by {@code {id}}, in order. */
	List<String> checked() {
		return List.copyOf(checked);
	}

	/** Forgets the problems found so far (after a journey that failed for another reason). */
	void forget() {
		problems.clear();
	}

	/** Fails with every problem found so far, and forgets them. */
	void assertNone() {
		List<String> found = List.copyOf(problems);
		problems.clear();
		assertThat(found).as("problems on the pages visited (%s)", checked).isEmpty();
	}

	private String page() {
		String url = chrome.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
		return UUID.matcher(url).replaceAll("{id}");
	}
}
