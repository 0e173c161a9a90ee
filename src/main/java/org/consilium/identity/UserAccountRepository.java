package org.consilium.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import org.consilium.shared.Role;

interface UserAccountRepository extends ListCrudRepository<UserAccount, UUID> {

	Optional<UserAccount> findByEmail(String email);

	List<UserAccount> findByRoleOrderByDisplayName(Role role);

	@Query("SELECT * FROM identity.user_account WHERE role = 'SPECIALIST' AND specialty_code = :code ORDER BY display_name")
	List<UserAccount> findSpecialists(String code);

	@Query("SELECT count(*) FROM identity.user_account WHERE role = 'ADMIN'")
	long countAdministrators();

	@Query("SELECT count(*) FROM identity.user_account WHERE role = 'ADMIN' AND deactivated_at IS NULL")
	long countActiveAdministrators();

	@Query("SELECT * FROM identity.user_account WHERE deactivated_at IS NOT NULL ORDER BY display_name")
	List<UserAccount> findDeactivated();
}
