package org.consilium.intake;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One specialist of a case's panel besides its chair; {@code impressionRecordedAt} is null until they saved their
 * independent impression (before that the first opinion is hidden from them, as from the chair).
 */
@Table(schema = "intake", name = "panel_member")
record PanelMember(UUID memberId, Instant impressionRecordedAt) {
}
