package org.consilium.intake;

import org.springframework.data.relational.core.mapping.Table;

/** One of the patient's 1–10 questions for the specialist, kept in the order asked. */
@Table(schema = "intake", name = "patient_question")
record PatientQuestion(String text) {
}
