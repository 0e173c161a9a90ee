package org.consilium.opinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.consilium.shared.CaseId;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.UserId;

class FollowUpAndFeedbackTests {

	static final UUID CASE = UUID.randomUUID();
	static final UUID PATIENT = UUID.randomUUID();
	static final Instant NOW = Instant.parse("2026-05-04T08:00:00Z");

	@Test
	void allowsUpToThreeFollowUpQuestions() {
		assertThat(FollowUpQuestions.checkCanAsk(0, "  Can I wait a month?  ")).isEqualTo("Can I wait a month?");
		assertThat(FollowUpQuestions.checkCanAsk(2, "Third question")).isEqualTo("Third question");
	}

	@Test
	void rejectsTheFourthFollowUpQuestion() {
		assertThatThrownBy(() -> FollowUpQuestions.checkCanAsk(3, "Fourth question")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("3 follow-up questions");
	}

	@Test
	void rejectsAnEmptyFollowUpQuestionOrAnswer() {
		assertThatThrownBy(() -> FollowUpQuestions.checkCanAsk(0, "   ")).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> FollowUpQuestions.checkAnswer(null)).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void anAddendumNeedsItsTextAndAReasonOfBoundedLength() {
		assertThat(FollowUpQuestions.checkAddendum("  New trial results change the advice.  ")).isEqualTo("New trial results change the advice.");
		assertThatThrownBy(() -> FollowUpQuestions.checkAddendumReason(" ")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("reason for the addendum");
		assertThatThrownBy(() -> FollowUpQuestions.checkAddendum("x".repeat(FollowUpQuestions.MAX_ADDENDUM + 1)))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void acceptsFeedbackWithSatisfactionOneToFiveAndAnIntention() {
		Feedback feedback = new Feedback(new CaseId(CASE), new UserId(PATIENT), NOW, 5, IntendsToFollow.UNSURE, null);

		assertThat(feedback.comment()).isEmpty();
		assertThat(new Feedback(new CaseId(CASE), new UserId(PATIENT), NOW, 1, IntendsToFollow.NO, " ok ").comment()).isEqualTo("ok");
	}

	@Test
	void rejectsFeedbackWithSatisfactionOutsideOneToFiveOrMissing() {
		assertThatThrownBy(() -> new Feedback(new CaseId(CASE), new UserId(PATIENT), NOW, 0, IntendsToFollow.YES, "")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("1");
		assertThatThrownBy(() -> new Feedback(new CaseId(CASE), new UserId(PATIENT), NOW, 6, IntendsToFollow.YES, "")).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> new Feedback(new CaseId(CASE), new UserId(PATIENT), NOW, null, IntendsToFollow.YES, "")).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void rejectsFeedbackWithoutTheIntentionToFollowTheAdvice() {
		assertThatThrownBy(() -> new Feedback(new CaseId(CASE), new UserId(PATIENT), NOW, 4, null, "")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("follow the advice");
	}

	@Test
	void rejectsAnOverLongFeedbackComment() {
		assertThatThrownBy(() -> new Feedback(new CaseId(CASE), new UserId(PATIENT), NOW, 4, IntendsToFollow.YES, "x".repeat(Feedback.MAX_COMMENT + 1)))
			.isInstanceOf(InvalidInputException.class);
	}
}
