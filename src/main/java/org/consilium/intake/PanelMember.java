package org.consilium.intake;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.relational.core.mapping.Table;

import org.consilium.shared.IllegalTransitionException;

/**
 * One specialist of a case's panel besides its chair; {@code impressionRecordedAt} is null until they saved their
 * independent impression (before that the first opinion is hidden from them, as from the chair).
 */
@Table(schema = "intake", name = "panel_member")
record PanelMember(UUID memberId, Instant impressionRecordedAt) {

	/** Whether {@code member} is on the panel and has not yet saved their own impression (the first opinion stays hidden). */
	static boolean blinded(Collection<PanelMember> panel, UUID member) {
		return panel.stream().anyMatch(m -> m.memberId().equals(member) && m.impressionRecordedAt() == null);
	}

	/** The panel with {@code member}'s impression recorded at {@code now}, unless recorded already. */
	static Set<PanelMember> withImpression(Set<PanelMember> panel, UUID member, Instant now) {
		return new HashSet<>(panel.stream().map(m -> m.memberId().equals(member) && m.impressionRecordedAt() == null ? new PanelMember(member, now) : m)
			.toList());
	}

	/**
	 * The panel without {@code member}, who leaves it while the case is assigned or in review ({@code open}) because their
	 * account was deactivated: they lose access, the chair goes on with the others, and an opinion they saved stays (review).
	 * @throws IllegalTransitionException when the case is not {@code open} or {@code member} is not on the panel
	 */
	static Set<PanelMember> without(Set<PanelMember> panel, UUID member, boolean open) {
		if (!open || panel.stream().noneMatch(m -> m.memberId().equals(member))) {
			throw new IllegalTransitionException("Only a member of the panel of a case in review can leave it.");
		}
		return new HashSet<>(panel.stream().filter(m -> !m.memberId().equals(member)).toList());
	}
}
