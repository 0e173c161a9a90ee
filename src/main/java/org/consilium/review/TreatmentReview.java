package org.consilium.review;

/** The specialist's judgement of the treatment proposed in the first opinion. */
public enum TreatmentReview {
	AGREE("Agree with the proposed treatment"),
	MODIFY("Agree with changes"),
	RECOMMEND_ALTERNATIVE("Recommend an alternative");

	private final String label;

	TreatmentReview(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
