package org.consilium.records;

import java.math.BigDecimal;

/**
 * One quantity of an observation, as the source wrote it (FHIR R4 {@code Quantity}).
 *
 * @param label the component's name (e.g. "Systolic Blood Pressure"), null for the observation's own value
 * @param labelCode the component's code (e.g. LOINC {@code 8480-6}), null for the observation's own value
 * @param comparator {@code <}, {@code <=}, {@code >=} or {@code >}, null when the value is exact
 * @param value the number exactly as written in the source (its scale kept), never null
 * @param unit the UCUM code when {@code ucum} (e.g. {@code mm[Hg]}, {@code Cel}), else the source's unit text; null
 *        when the quantity has no unit
 * @param ucum whether {@code unit} is a UCUM code (the quantity's system is {@code http://unitsofmeasure.org})
 */
public record Measurement(String label, String labelCode, String comparator, BigDecimal value, String unit, boolean ucum) {
}
