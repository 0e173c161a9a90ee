package org.consilium.records.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.consilium.records.Measurement;

class MeasurementsTests {

	@ParameterizedTest(name = "{0} {1} reads {2}")
	@CsvSource(delimiter = '|', value = {
			"37.71167498842297  | Cel      | 37.7 °C",
			"0.3041217446161526 | {score}  | 0.304",
			"142.0              | mmol/L   | 142 mmol/L",
			"120.6              | mm[Hg]   | 121 mmHg",
			"6.00803639207583   | %        | 6.01%",
			"7.2                | %        | 7.2%",
			"1234.5             | mg/dL    | 1235 mg/dL",
			"0.004123           | ug/L     | 0.00412 μg/L",
			"27.9893            | kg/m2    | 28.0 kg/m²",
			"7.4                | [pH]     | 7.40 pH",
			"5                  | 10*3/uL  | 5 ×10³/μL",
			"310                | {cells}/uL | 310 cells/μL",
			"88.44              | /min     | 88/min" })
	void writesAValueAtThreeSignificantDigitsUnlessItsUnitSaysOtherwiseAndTheUnitAsPeopleWriteIt(String value, String ucum, String expected) {
		assertThat(Measurements.text(new Measurement(null, null, null, new BigDecimal(value), ucum, true), Locale.US)).isEqualTo(expected);
	}

	@Test
	void writesTheDecimalSeparatorOfTheReadersLocaleAndKeepsTheComparator() {
		assertThat(Measurements.text(new Measurement(null, null, null, new BigDecimal("37.71167"), "Cel", true), Locale.GERMANY)).isEqualTo("37,7 °C");
		assertThat(Measurements.text(new Measurement(null, null, "<", new BigDecimal("0.01"), "mg/dL", true), Locale.US)).isEqualTo("<0.01 mg/dL");
	}

	@Test
	void showsAUnitThatIsNotUcumAsTheSourceWroteIt() {
		assertThat(Measurements.text(new Measurement(null, null, null, new BigDecimal("2"), "tablets", false), Locale.US)).isEqualTo("2 tablets");
		assertThat(Measurements.ucum("not a unit")).isEqualTo("not a unit");
	}
}
