package org.consilium.intake;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.CrudRepository;

interface OpinionRequestRepository extends CrudRepository<OpinionRequest, UUID> {

	Optional<OpinionRequest> findByCreatedByAndRequestToken(UUID createdBy, UUID requestToken);
}
