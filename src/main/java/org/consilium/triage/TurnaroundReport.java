package org.consilium.triage;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.consilium.intake.CaseTurnaround;

/**
 * The program's turnaround per calendar month of delivery (program time zone): opinions delivered, the share delivered
 * by the review deadline, and the median business days used (review clock, holds excluded). Published programs report
 * written opinions in 3–14 business days once records are complete (docs/architecture.md).
 */
public record TurnaroundReport(ZoneId zone, List<Month> months) {

	/**
	 * @param onTimePercent   {@code 100 * onTime / delivered}, rounded to one decimal
	 * @param medianBusinessDays the median of the business days used; the mean of the two middle values for an even count
	 */
	public record Month(YearMonth month, int delivered, int onTime, double onTimePercent, double medianBusinessDays) {
	}

	/** Groups delivered opinions by the program-zone month of delivery, oldest month first. */
	public static TurnaroundReport of(List<CaseTurnaround> delivered, ZoneId zone) {
		Map<YearMonth, List<CaseTurnaround>> byMonth = new TreeMap<>();
		for (CaseTurnaround t : delivered) {
			byMonth.computeIfAbsent(YearMonth.from(t.deliveredAt().atZone(zone)), m -> new ArrayList<>()).add(t);
		}
		List<Month> months = new ArrayList<>();
		byMonth.forEach((month, list) -> {
			int onTime = (int) list.stream().filter(CaseTurnaround::onTime).count();
			months.add(new Month(month, list.size(), onTime, Math.round(1000.0 * onTime / list.size()) / 10.0,
					median(list.stream().mapToLong(CaseTurnaround::businessDaysUsed).sorted().toArray())));
		});
		return new TurnaroundReport(zone, List.copyOf(months));
	}

	static double median(long[] sorted) {
		int n = sorted.length;
		return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
	}
}
