package org.consilium;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * Moves through pages with the keyboard only, as someone who cannot use a mouse does: every key goes to whatever has
 * the focus (Tab, Shift+Tab, Enter, Space, arrow keys, typed text); nothing is clicked and no element is addressed.
 * <p>
 * {@link #walkWholePage()} tabs from the top of the page until the focus leaves it or comes round again, and fails when
 * a visible control was never reached (a trap or a control out of the tab order) or when a focused control's focus
 * indicator is missing, thinner than 2 CSS px or has less than 3:1 contrast against the background it is drawn on
 * (WCAG 2.1 success criteria 2.1.2, 2.4.7 and 1.4.11).
 */
final class KeyboardWalk {

	/** More Tab presses than any page has controls: reaching it means the focus is trapped or the target missing. */
	static final int MAX_TABS = 400;

	/**
	 * Describes the focused element and checks its focus indicator; {@code null} when nothing in the page has the focus.
	 * Marks the element as reached ({@code data-kb-reached}).
	 */
	private static final String FOCUSED = """
			var e = document.activeElement;
			if (!e || e === document.body || e === document.documentElement) { return null; }
			e.setAttribute('data-kb-reached', '1');
			var rgba = function (c) { var m = c.match(/[\\d.]+/g).map(Number); if (m.length < 4) { m.push(1); } return m; };
			var channel = function (v) { v = v / 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
			var luminance = function (c) { return 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]); };
			var behind = [255, 255, 255, 1];
			for (var n = e.parentElement; n; n = n.parentElement) {
			  var b = rgba(getComputedStyle(n).backgroundColor);
			  if (b[3] > 0) { behind = b; break; }
			}
			var s = getComputedStyle(e);
			var ring = rgba(s.outlineColor);
			var l1 = luminance(ring), l2 = luminance(behind);
			var contrast = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
			var name = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.name ? '[name=' + e.name + ']' : '')
			  + (e.getAttribute('href') ? '[href=' + e.getAttribute('href') + ']' : '')
			  + ' "' + (e.innerText || e.value || '').trim().substring(0, 40) + '"';
			var problem = null;
			if (!document.hasFocus()) {
			  // the window itself is not focused (e.g. just after a navigation): no page shows focus then
			} else if (s.outlineStyle === 'none' || parseFloat(s.outlineWidth) < 2) {
			  problem = 'no focus indicator of at least 2px (' + s.outlineStyle + ' ' + s.outlineWidth + ')';
			} else if (ring[3] < 1 || contrast < 3) {
			  problem = 'focus indicator ' + s.outlineColor + ' has ' + contrast.toFixed(2) + ':1 against ' + behind;
			}
			return { name: name, id: e.id, problem: problem };""";

	/** The visible controls of the page never marked as reached; a radio group counts as reached through any of its radios. */
	private static final String UNREACHED = """
			var controls = document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]');
			var missed = [];
			for (var i = 0; i < controls.length; i++) {
			  var c = controls[i];
			  if (c.disabled || c.getAttribute('tabindex') === '-1' || c.getClientRects().length === 0
			      || getComputedStyle(c).visibility === 'hidden' || c.hasAttribute('data-kb-reached')) { continue; }
			  if (c.type === 'radio' && document.querySelector('input[type=radio][name="' + c.name + '"][data-kb-reached]')) { continue; }
			  missed.push(c.tagName.toLowerCase() + (c.id ? '#' + c.id : '') + (c.name ? '[name=' + c.name + ']' : '')
			    + ' "' + (c.innerText || c.value || '').trim().substring(0, 40) + '"');
			}
			return missed;""";

	private final WebDriver driver;

	private final List<String> problems = new ArrayList<>();

	KeyboardWalk(WebDriver driver) {
		this.driver = driver;
	}

	/** Presses keys (a {@link Keys} value or text to type) into whatever has the focus. */
	KeyboardWalk press(CharSequence... keys) {
		new Actions(driver).sendKeys(keys).perform();
		return this;
	}

	/** Presses Shift+Tab. */
	KeyboardWalk back() {
		new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
		return this;
	}

	/**
	 * Presses Tab until the focused element matches the CSS selector (it may match already), checking each focused
	 * control; fails after {@link #MAX_TABS} presses.
	 */
	KeyboardWalk tabTo(String selector) {
		List<String> passed = new ArrayList<>();
		for (int i = 0; i <= MAX_TABS; i++) {
			String now = focusedId();
			if (focusedMatches(selector)) {
				return this;
			}
			passed.add(now);
			press(Keys.TAB);
		}
		throw new AssertionError("Tab never reached " + selector + " on " + driver.getCurrentUrl() + "; the focus went " + passed);
	}

	/** Whether the focused element matches the CSS selector. */
	boolean focusedMatches(String selector) {
		return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
				"var e = document.activeElement; return !!e && e !== document.body && e.matches(arguments[0]);", selector));
	}

	/** The id of the focused element ("" when it has none, {@code null} when nothing has the focus). */
	String focusedId() {
		@SuppressWarnings("unchecked")
		var focused = (java.util.Map<String, Object>) ((JavascriptExecutor) driver).executeScript(FOCUSED);
		if (focused == null) {
			return null;
		}
		if (focused.get("problem") != null) {
			problems.add(driver.getCurrentUrl() + ": " + focused.get("name") + ": " + focused.get("problem"));
		}
		return (String) focused.get("id");
	}

	/**
	 * Tabs once round the whole page (until the focus comes back to the first control it reached, or stays outside the
	 * page), and records a problem for every visible control the focus never reached.
	 *
	 * @return how many Tab presses it took to leave the page or come round
	 */
	int walkWholePage() {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		js.executeScript("document.querySelectorAll('[data-kb-reached]').forEach(function (e) { e.removeAttribute('data-kb-reached'); });");
		int presses = 0;
		int nothingFocused = 0;
		String first = null;
		for (; presses < MAX_TABS; presses++) {
			press(Keys.TAB);
			Object key = js.executeScript("var e = document.activeElement; if (!e || e === document.body) { return null; }"
					+ " if (!e.hasAttribute('data-kb-key')) { e.setAttribute('data-kb-key', String(Math.random())); } return e.getAttribute('data-kb-key');");
			focusedId();
			if (key == null) {
				if (++nothingFocused == 2) {
					break;
				}
				continue;
			}
			nothingFocused = 0;
			if (key.equals(first)) {
				break;
			}
			if (first == null) {
				first = (String) key;
			}
		}
		if (presses == MAX_TABS) {
			problems.add(driver.getCurrentUrl() + ": the focus did not leave the page or come round after " + MAX_TABS + " Tab presses");
		}
		@SuppressWarnings("unchecked")
		List<String> missed = (List<String>) js.executeScript(UNREACHED);
		missed.forEach(m -> problems.add(driver.getCurrentUrl() + ": never reached with Tab: " + m));
		return presses;
	}

	/** Fails with every problem found so far. */
	void assertNone() {
		assertThat(problems).as("keyboard problems").isEmpty();
	}
}
