package org.consilium.sharing.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The patient's form that sends the opinion to their treating physician; the documents are the ones they ticked. */
public class PhysicianForm {

	private String name = "";

	private String institution = "";

	private String email = "";

	private List<UUID> documents = new ArrayList<>();

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getInstitution() {
		return institution;
	}

	public void setInstitution(String institution) {
		this.institution = institution;
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public List<UUID> getDocuments() {
		return documents;
	}

	public void setDocuments(List<UUID> documents) {
		this.documents = documents == null ? new ArrayList<>() : documents;
	}
}
