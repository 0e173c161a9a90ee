package org.consilium.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.core.convert.support.DefaultConversionService;
import tools.jackson.databind.json.JsonMapper;

class IdentifierTests {

	static final UUID UUID_1 = UUID.fromString("6f1c2d4e-8a3b-4c5d-9e7f-0a1b2c3d4e5f");

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void anIdReadsAndWritesAsTheBareUuidInJson() {
		record View(CaseId caseId, UserId patientId, List<DocumentId> documents) {
		}
		View view = new View(new CaseId(UUID_1), new UserId(UUID_1), List.of(new DocumentId(UUID_1)));

		String text = json.writeValueAsString(view);

		assertThat(text).isEqualTo("{\"caseId\":\"" + UUID_1 + "\",\"patientId\":\"" + UUID_1 + "\",\"documents\":[\"" + UUID_1 + "\"]}");
		assertThat(json.readValue(text, View.class)).isEqualTo(view);
	}

	@Test
	void anIdBindsFromATextFieldAsSpringBindsAPathVariableOrFormField() {
		DefaultConversionService conversion = new DefaultConversionService();

		assertThat(conversion.convert(UUID_1.toString(), CaseId.class)).isEqualTo(new CaseId(UUID_1));
		assertThat(conversion.convert(" " + UUID_1 + " ", UserId.class)).isEqualTo(new UserId(UUID_1));
		assertThat(conversion.convert("", UserId.class)).as("an empty form field is no id, as for UUID").isNull();
		assertThat(conversion.convert(UUID_1, UserId.class)).as("a database column read as UUID").isEqualTo(new UserId(UUID_1));
		assertThatThrownBy(() -> CaseId.valueOf("not-a-uuid")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void anIdPrintsAsItsUuidAndIsNeverEqualToAnotherKindOfId() {
		assertThat(new CaseId(UUID_1)).hasToString(UUID_1.toString());
		assertThat((Object) new CaseId(UUID_1)).isNotEqualTo(new UserId(UUID_1)).isNotEqualTo(UUID_1);
		assertThat(UserId.ofNullable(null)).isNull();
		assertThat(UserId.valueOrNull(null)).isNull();
		assertThatThrownBy(() -> new DocumentId(null)).isInstanceOf(NullPointerException.class);
	}
}
