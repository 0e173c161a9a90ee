package org.consilium.records.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

/**
 * A small line chart of a result measured several times, drawn on the server as SVG (no script, no chart library): one
 * line per measured quantity (one for most results, systolic and diastolic for a blood pressure), the time along the
 * x axis to scale, the lowest and highest value and the first and last date written at the axes. It is an image with a
 * title and a description (role {@code img}, {@code aria-labelledby}); the table of the values beside it is its text
 * alternative. Text is escaped: names come from the imported records.
 */
final class TrendChart {

	/** A chart is drawn for a result with at least this many values. */
	static final int MINIMUM_POINTS = 3;

	static final int WIDTH = 320;

	static final int HEIGHT = 140;

	private static final int LEFT = 48;

	private static final int RIGHT = 12;

	private static final int TOP = 12;

	private static final int BOTTOM = 28;

	private static final String[] STROKES = { "#1d70b8", "#b3262d", "#00703c" };

	/** One value at a moment (epoch seconds). */
	record Point(long epochSecond, double value) {
	}

	/** One line: its name (null for a single line) and its points, oldest first. */
	record Line(String name, List<Point> points) {
	}

	private TrendChart() {
	}

	/**
	 * The SVG, or null when no line has {@link #MINIMUM_POINTS} points.
	 * @param id a document-unique id prefix for the title and description
	 * @param title what was measured, e.g. "Body temperature"
	 * @param description a sentence for screen readers, e.g. "5 values from … to …; the table below lists them"
	 * @param lowLabel the lowest value as the page writes it, {@code highLabel} the highest
	 */
	static String svg(String id, String title, String description, List<Line> lines, String lowLabel, String highLabel,
			String firstLabel, String lastLabel) {
		List<Line> drawn = lines.stream().filter(l -> l.points().size() >= MINIMUM_POINTS).toList();
		if (drawn.isEmpty()) {
			return null;
		}
		long minT = Long.MAX_VALUE;
		long maxT = Long.MIN_VALUE;
		double minV = Double.MAX_VALUE;
		double maxV = -Double.MAX_VALUE;
		for (Line line : drawn) {
			for (Point p : line.points()) {
				minT = Math.min(minT, p.epochSecond());
				maxT = Math.max(maxT, p.epochSecond());
				minV = Math.min(minV, p.value());
				maxV = Math.max(maxV, p.value());
			}
		}
		double spanT = Math.max(maxT - minT, 1);
		double spanV = maxV - minV == 0 ? Math.max(Math.abs(maxV), 1) : maxV - minV;
		double plotW = WIDTH - LEFT - RIGHT;
		double plotH = HEIGHT - TOP - BOTTOM;
		StringBuilder svg = new StringBuilder();
		String e = HtmlUtils.htmlEscape(id);
		svg.append("<svg class=\"trend\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
			.append("\" role=\"img\" aria-labelledby=\"").append(e).append("-title ").append(e).append("-desc\">")
			.append("<title id=\"").append(e).append("-title\">").append(HtmlUtils.htmlEscape(title)).append("</title>")
			.append("<desc id=\"").append(e).append("-desc\">").append(HtmlUtils.htmlEscape(description)).append("</desc>")
			.append(axis(LEFT, TOP, LEFT, TOP + plotH)).append(axis(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH))
			.append(label(LEFT - 4, TOP + 4, "end", highLabel)).append(label(LEFT - 4, TOP + plotH, "end", lowLabel))
			.append(label(LEFT, HEIGHT - 8, "start", firstLabel)).append(label(LEFT + plotW, HEIGHT - 8, "end", lastLabel));
		for (int i = 0; i < drawn.size(); i++) {
			Line line = drawn.get(i);
			List<String> xy = new ArrayList<>();
			for (Point p : line.points()) {
				double x = LEFT + (p.epochSecond() - minT) / spanT * plotW;
				double y = TOP + plotH - (p.value() - minV) / spanV * plotH;
				xy.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
			}
			String stroke = STROKES[i % STROKES.length];
			svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(stroke).append("\" points=\"")
				.append(String.join(" ", xy)).append("\"/>");
			for (String point : xy) {
				String[] c = point.split(",");
				svg.append("<circle r=\"3\" fill=\"").append(stroke).append("\" cx=\"").append(c[0]).append("\" cy=\"").append(c[1]).append("\"/>");
			}
		}
		return svg.append("</svg>").toString();
	}

	private static String axis(double x1, double y1, double x2, double y2) {
		return String.format(Locale.ROOT, "<line stroke=\"#505a5f\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", x1, y1, x2, y2);
	}

	private static String label(double x, double y, String anchor, String text) {
		return String.format(Locale.ROOT, "<text font-size=\"11\" fill=\"#0b0c0c\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>", x, y, anchor,
				HtmlUtils.htmlEscape(text == null ? "" : text));
	}
}
