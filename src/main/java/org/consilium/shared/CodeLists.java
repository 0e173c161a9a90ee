package org.consilium.shared;

import java.util.Optional;

/**
 * The full code lists the program has installed, e.g. the ICD-10-CM code list of the official release
 * ({@code consilium.icd10cm.file}). A code is always checked against its system's form
 * ({@link CodeSystem#malformation}); when its system's full list is installed, it must also be on it.
 */
public interface CodeLists {

	/** Whether the program installed the full list of this system's codes. */
	boolean installed(CodeSystem system);

	/**
	 * The title of a code on its system's installed list, e.g. "Malignant neoplasm of unspecified site of unspecified
	 * female breast" for ICD-10-CM {@code C50.919}; empty when the list lacks the code or none is installed.
	 */
	Optional<String> title(CodeSystem system, String code);
}
