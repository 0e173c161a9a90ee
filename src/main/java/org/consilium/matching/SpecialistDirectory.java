package org.consilium.matching;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.consilium.shared.CodeSystem;
import org.consilium.shared.Coding;
import org.consilium.shared.EditConflictException;
import org.consilium.shared.UserId;

/** The profiles in schema {@code matching}; a profile and its lists are read and replaced as one. */
@Repository
class SpecialistDirectory {

	private final JdbcClient jdbc;

	SpecialistDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<SpecialistProfile> find(UUID specialistId) {
		return all(List.of(specialistId)).values().stream().findFirst();
	}

	/** The profiles of these specialists (those without one are absent from the map). */
	Map<UUID, SpecialistProfile> all(List<UUID> ids) {
		Map<UUID, SpecialistProfile> out = new HashMap<>();
		if (ids.isEmpty()) {
			return out;
		}
		UUID[] array = ids.toArray(UUID[]::new);
		record Row(UUID specialistId, int version, String institution, int weeklyCapacity) {
		}
		List<Row> rows = jdbc.sql("SELECT specialist_id, version, institution, weekly_capacity FROM matching.specialist_profile WHERE specialist_id = ANY(?)")
			.param(array).query(Row.class).list();
		Map<UUID, List<String>> specialties = strings("SELECT specialist_id, code FROM matching.profile_specialty WHERE specialist_id = ANY(?) ORDER BY position", array);
		Map<UUID, List<String>> languages = strings("SELECT specialist_id, tag FROM matching.profile_language WHERE specialist_id = ANY(?) ORDER BY tag", array);
		Map<UUID, List<String>> licences = strings("SELECT specialist_id, jurisdiction FROM matching.profile_licence WHERE specialist_id = ANY(?) ORDER BY jurisdiction", array);
		Map<UUID, List<Coding>> diseases = new HashMap<>();
		jdbc.sql("SELECT specialist_id, system, code FROM matching.profile_disease WHERE specialist_id = ANY(?) ORDER BY system, code").param(array)
			.query((rs, n) -> diseases.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.ArrayList<>())
				.add(new Coding(CodeSystem.valueOf(rs.getString(2)), rs.getString(3))))
			.list();
		Map<UUID, List<Absence>> absences = new HashMap<>();
		jdbc.sql("SELECT specialist_id, first_day, last_day FROM matching.profile_absence WHERE specialist_id = ANY(?) ORDER BY first_day, last_day")
			.param(array)
			.query((rs, n) -> absences.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.ArrayList<>())
				.add(new Absence(rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate())))
			.list();
		for (Row r : rows) {
			UUID id = r.specialistId();
			out.put(id, new SpecialistProfile(new UserId(id), r.version(), specialties.getOrDefault(id, List.of()), diseases.getOrDefault(id, List.of()),
					languages.getOrDefault(id, List.of()), r.institution(), licences.getOrDefault(id, List.of()), r.weeklyCapacity(),
					absences.getOrDefault(id, List.of())));
		}
		return out;
	}

	private Map<UUID, List<String>> strings(String sql, UUID[] ids) {
		Map<UUID, List<String>> out = new HashMap<>();
		jdbc.sql(sql).param(ids)
			.query((rs, n) -> out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.ArrayList<>()).add(rs.getString(2))).list();
		return out;
	}

	/**
	 * Writes the profile as version {@code expectedVersion + 1} (or 1 when new) and replaces its lists.
	 * @throws EditConflictException when someone saved it since {@code expectedVersion} (or created it meanwhile)
	 */
	SpecialistProfile save(SpecialistProfile p, Integer expectedVersion, UUID by, Instant at) {
		int updated;
		if (expectedVersion == null) {
			updated = jdbc.sql("""
					INSERT INTO matching.specialist_profile (specialist_id, version, institution, weekly_capacity, updated_at, updated_by)
					VALUES (?, 1, ?, ?, ?, ?) ON CONFLICT (specialist_id) DO NOTHING""")
				.params(UserId.valueOrNull(p.specialistId()), p.institution(), p.weeklyCapacity(), Timestamp.from(at), by).update();
		}
		else {
			updated = jdbc.sql("""
					UPDATE matching.specialist_profile SET version = version + 1, institution = ?, weekly_capacity = ?, updated_at = ?, updated_by = ?
					WHERE specialist_id = ? AND version = ?""")
				.params(p.institution(), p.weeklyCapacity(), Timestamp.from(at), by, UserId.valueOrNull(p.specialistId()), expectedVersion).update();
		}
		if (updated != 1) {
			throw new EditConflictException();
		}
		UUID id = UserId.valueOrNull(p.specialistId());
		for (String table : List.of("profile_specialty", "profile_disease", "profile_language", "profile_licence", "profile_absence")) {
			jdbc.sql("DELETE FROM matching." + table + " WHERE specialist_id = ?").param(id).update();
		}
		for (int i = 0; i < p.specialties().size(); i++) {
			jdbc.sql("INSERT INTO matching.profile_specialty (specialist_id, code, position) VALUES (?, ?, ?)").params(id, p.specialties().get(i), i).update();
		}
		p.diseases().forEach(d -> jdbc.sql("INSERT INTO matching.profile_disease (specialist_id, system, code) VALUES (?, ?, ?)")
			.params(id, d.system().name(), d.code()).update());
		p.languages().forEach(l -> jdbc.sql("INSERT INTO matching.profile_language (specialist_id, tag) VALUES (?, ?)").params(id, l).update());
		p.licences().forEach(l -> jdbc.sql("INSERT INTO matching.profile_licence (specialist_id, jurisdiction) VALUES (?, ?)").params(id, l).update());
		p.absences().forEach(a -> jdbc.sql("INSERT INTO matching.profile_absence (specialist_id, first_day, last_day) VALUES (?, ?, ?)")
			.params(id, Date.valueOf(a.firstDay()), Date.valueOf(a.lastDay())).update());
		return find(id).orElseThrow();
	}

	void recordDecision(UUID caseId, RankedSpecialist chosen, String specialtyCode, String overrideReason, UUID by, Instant at) {
		jdbc.sql("""
				INSERT INTO matching.assignment_decision (case_id, specialist_id, specialty_code, rank, eligible, score, override_reason, decided_by, decided_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(caseId, UserId.valueOrNull(chosen.specialistId()), specialtyCode, chosen.rank(), chosen.eligible(), chosen.score(), overrideReason, by, Timestamp.from(at))
			.update();
	}

	/** The override reasons recorded for a case, oldest first. */
	List<AssignmentDecision> decisions(UUID caseId) {
		return jdbc.sql("""
				SELECT case_id, specialist_id, specialty_code, rank, eligible, score, override_reason, decided_by, decided_at
				FROM matching.assignment_decision WHERE case_id = ? ORDER BY decided_at, id""").param(caseId).query(AssignmentDecision.class).list();
	}
}
