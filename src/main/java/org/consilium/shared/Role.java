package org.consilium.shared;

/** The roles of a second-opinion program (docs/architecture.md, "Users and roles"); the {@code identity} module keeps the accounts that hold them. One role per account. */
public enum Role {
	PATIENT("Patient"),
	REFERRING_PHYSICIAN("Referring physician"),
	COORDINATOR("Coordinator"),
	SPECIALIST("Specialist"),
	ADMIN("Administrator");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The Spring Security authority, {@code ROLE_<name>}. */
	public String authority() {
		return "ROLE_" + name();
	}

	public boolean isStaff() {
		return this != PATIENT;
	}
}
